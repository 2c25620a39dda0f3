//! The article-extraction benchmark (`../shared/corpus/article-extraction-benchmark`) run
//! through [`extract_html`] when the corpus is present: prints the benchmark's figures and
//! holds a floor well under the measured score, so a broken extractor fails loudly.

use corroborate_eval::{extraction_benchmark_pages, score_extraction, shared_corpus_dir};

use super::extract_html;

#[test]
fn article_extraction_benchmark() {
    let Some(corpus) = shared_corpus_dir() else {
        eprintln!("skipped: ../shared/corpus is absent, so the extraction benchmark cannot run");
        return;
    };
    let dir = corpus.join("article-extraction-benchmark");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let pages = extraction_benchmark_pages(&dir).expect("a readable benchmark");
    let predictions: Vec<String> = pages
        .iter()
        .map(|page| extract_html(&page.html, Some(&page.url)).text)
        .collect();
    let scores = score_extraction(
        predictions
            .iter()
            .zip(&pages)
            .map(|(predicted, page)| (predicted.as_str(), page.truth.as_str())),
    );
    eprintln!(
        "article-extraction benchmark, {} pages: F1 {:.3}, precision {:.3}, recall {:.3}, \
         exact {:.3}",
        scores.pages, scores.f1, scores.precision, scores.recall, scores.accuracy
    );
    assert!(scores.pages > 0);
    assert!(scores.f1 > 0.8, "{scores:?}");
}
