//! The article-extraction benchmark: its reader and its metric (4-word shingle F1 and
//! exact-match accuracy), computed the way the benchmark's own `evaluate.py` does.
//!
//! Per page, both texts are cut into `\w+` tokens and contiguous 4-token shingles; TP, FP and
//! FN are counted over the shingle multisets and divided by their sum, so long pages do not
//! dominate. Precision is averaged over the pages where it is defined (TP + FP > 0), recall over
//! the pages where it is defined (TP + FN > 0), and F1 is the harmonic mean of the two averages.
//! A page is exact when its token sequence equals the truth's.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use serde::Deserialize;

use crate::CorpusError;

/// One page of the benchmark: its HTML (decoded as UTF-8, lossily) and the true article body.
#[derive(Clone, Debug)]
pub struct ExtractionPage {
    pub id: String,
    pub url: String,
    pub html: String,
    pub truth: String,
}

/// Shingle counts of one page, each divided by their sum (all zero when both texts are empty).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ShingleCounts {
    pub true_positive: f64,
    pub false_positive: f64,
    pub false_negative: f64,
}

/// The benchmark's figures over a set of pages.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ExtractionScores {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Fraction of pages whose token sequence equals the truth's exactly.
    pub accuracy: f64,
}

/// Reads `ground-truth.json` and `html/<id>.html.gz` from the benchmark directory, in id order.
pub fn extraction_benchmark_pages(dir: &Path) -> Result<Vec<ExtractionPage>, CorpusError> {
    #[derive(Deserialize)]
    struct Truth {
        #[serde(rename = "articleBody", default)]
        article_body: String,
        #[serde(default)]
        url: String,
    }

    let truth_path = dir.join("ground-truth.json");
    let shown = truth_path.display().to_string();
    let truth_text = fs::read_to_string(&truth_path).map_err(|source| CorpusError::Read {
        path: shown.clone(),
        source,
    })?;
    let truths: HashMap<String, Truth> =
        serde_json::from_str(&truth_text).map_err(|source| CorpusError::Parse {
            path: shown,
            line: source.line(),
            source,
        })?;
    let mut ids: Vec<&String> = truths.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let truth = &truths[id];
        let html_path = dir.join("html").join(format!("{id}.html.gz"));
        let html = read_gzip(&html_path).map_err(|source| CorpusError::Read {
            path: html_path.display().to_string(),
            source,
        })?;
        pages.push(ExtractionPage {
            id: id.clone(),
            url: truth.url.clone(),
            html: String::from_utf8_lossy(&html).into_owned(),
            truth: truth.article_body.clone(),
        });
    }
    Ok(pages)
}

/// The benchmark's `\w+` tokens: maximal runs of Unicode letters, digits and underscores.
///
/// Python's `\w` and Rust's `char::is_alphanumeric` differ only on a few combining marks of
/// some scripts, which does not move the figures on this corpus.
pub fn extraction_tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (index, character) in text.char_indices() {
        let is_word = character.is_alphanumeric() || character == '_';
        match (is_word, start) {
            (true, None) => start = Some(index),
            (false, Some(from)) => {
                tokens.push(&text[from..index]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        tokens.push(&text[from..]);
    }
    tokens
}

/// Normalised TP/FP/FN of the 4-token shingles of `predicted` against `truth`.
pub fn shingle_counts(predicted: &str, truth: &str) -> ShingleCounts {
    let truth_tokens = extraction_tokens(truth);
    let predicted_tokens = extraction_tokens(predicted);
    let mut counts: HashMap<&[&str], (usize, usize)> = HashMap::new();
    for shingle in shingles(&truth_tokens) {
        counts.entry(shingle).or_default().0 += 1;
    }
    for shingle in shingles(&predicted_tokens) {
        counts.entry(shingle).or_default().1 += 1;
    }
    let (mut true_positive, mut false_positive, mut false_negative) = (0usize, 0usize, 0usize);
    for (in_truth, in_prediction) in counts.into_values() {
        true_positive += in_truth.min(in_prediction);
        false_positive += in_prediction.saturating_sub(in_truth);
        false_negative += in_truth.saturating_sub(in_prediction);
    }
    let total = (true_positive + false_positive + false_negative) as f64;
    if total == 0.0 {
        return ShingleCounts::default();
    }
    ShingleCounts {
        true_positive: true_positive as f64 / total,
        false_positive: false_positive as f64 / total,
        false_negative: false_negative as f64 / total,
    }
}

/// Scores `(predicted, truth)` pairs, one a page.
pub fn score_extraction<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> ExtractionScores {
    let mut precisions = Vec::new();
    let mut recalls = Vec::new();
    let mut pages = 0;
    let mut exact = 0;
    for (predicted, truth) in pairs {
        pages += 1;
        if extraction_tokens(predicted) == extraction_tokens(truth) {
            exact += 1;
        }
        let counts = shingle_counts(predicted, truth);
        let ShingleCounts {
            true_positive: tp,
            false_positive: fp,
            false_negative: fn_,
        } = counts;
        if tp + fp > 0.0 {
            precisions.push(if fp == 0.0 && fn_ == 0.0 {
                1.0
            } else {
                tp / (tp + fp)
            });
        }
        if tp + fn_ > 0.0 {
            recalls.push(if fp == 0.0 && fn_ == 0.0 {
                1.0
            } else {
                tp / (tp + fn_)
            });
        }
    }
    let precision = mean(&precisions);
    let recall = mean(&recalls);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    ExtractionScores {
        pages,
        precision,
        recall,
        f1,
        accuracy: if pages == 0 {
            0.0
        } else {
            exact as f64 / pages as f64
        },
    }
}

/// Contiguous 4-token windows; a text of one to three tokens is a single shingle, an empty
/// text has none.
fn shingles<'t, 's>(tokens: &'t [&'s str]) -> std::slice::Windows<'t, &'s str> {
    const SHINGLE: usize = 4;
    // `windows(1)` of no tokens yields nothing; fewer than four tokens yield one window.
    tokens.windows(SHINGLE.min(tokens.len()).max(1))
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

fn read_gzip(path: &Path) -> io::Result<Vec<u8>> {
    let compressed = fs::read(path)?;
    let mut bytes = Vec::with_capacity(compressed.len() * 4);
    flate2::read::GzDecoder::new(compressed.as_slice()).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(left: f64, right: f64) -> bool {
        (left - right).abs() < 1e-9
    }

    #[test]
    fn tokens_are_unicode_word_runs() {
        assert_eq!(
            extraction_tokens("Dr. Ána's re-run, 2021_07 —ok!"),
            ["Dr", "Ána", "s", "re", "run", "2021_07", "ok"]
        );
        assert!(extraction_tokens(" ,;. ").is_empty());
    }

    #[test]
    fn identical_texts_score_one() {
        let counts = shingle_counts("a b c d e", "a b c d e");
        assert_eq!(
            counts,
            ShingleCounts {
                true_positive: 1.0,
                false_positive: 0.0,
                false_negative: 0.0
            }
        );
    }

    #[test]
    fn extra_and_missing_words_are_counted_by_shingle() {
        // Truth "a b c d e": shingles abcd, bcde. Prediction "a b c d x": abcd, bcdx.
        // TP 1, FP 1, FN 1, normalised to thirds.
        let counts = shingle_counts("a b c d x", "a b c d e");
        assert!(close(counts.true_positive, 1.0 / 3.0));
        assert!(close(counts.false_positive, 1.0 / 3.0));
        assert!(close(counts.false_negative, 1.0 / 3.0));
    }

    #[test]
    fn repeated_shingles_count_as_a_multiset() {
        // Truth "w x y z" once; prediction twice "w x y z w x y z": shingles wxyz, xyzw, yzwx,
        // zwxy, wxyz. TP 1 (wxyz), FP 4, FN 0, so TP 0.2 and FP 0.8.
        let counts = shingle_counts("w x y z w x y z", "w x y z");
        assert!(close(counts.true_positive, 0.2));
        assert!(close(counts.false_positive, 0.8));
        assert!(close(counts.false_negative, 0.0));
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert!(close(
            shingle_counts("two words", "two words").true_positive,
            1.0
        ));
        assert!(close(
            shingle_counts("two word", "two words").true_positive,
            0.0
        ));
    }

    #[test]
    fn averages_are_per_page_and_f1_is_of_the_averages() {
        // Page 1: exact (P 1, R 1). Page 2: TP 1/3, FP 1/3, FN 1/3 (P 0.5, R 0.5).
        // Page 3: prediction empty: P undefined (left out), R 0.
        // P = (1 + 0.5) / 2 = 0.75; R = (1 + 0.5 + 0) / 3 = 0.5; F1 = 0.6. Accuracy 1/3.
        let scores = score_extraction([
            ("one two three four five", "one two three four five"),
            ("a b c d x", "a b c d e"),
            ("", "p q r s t"),
        ]);
        assert_eq!(scores.pages, 3);
        assert!(close(scores.precision, 0.75), "{scores:?}");
        assert!(close(scores.recall, 0.5), "{scores:?}");
        assert!(close(scores.f1, 0.6), "{scores:?}");
        assert!(close(scores.accuracy, 1.0 / 3.0), "{scores:?}");
    }

    #[test]
    fn accuracy_ignores_punctuation_and_spacing() {
        let scores = score_extraction([("Hello,  world!\n\nBye.", "Hello world. Bye")]);
        assert!(close(scores.accuracy, 1.0));
        assert!(close(scores.f1, 1.0));
    }

    #[test]
    fn no_pages_score_zero() {
        assert_eq!(score_extraction([]), ExtractionScores::default());
    }

    #[test]
    fn reads_a_tiny_benchmark() {
        use std::io::Write;
        let dir = tempfile::tempdir().expect("temporary directory");
        fs::create_dir(dir.path().join("html")).expect("html directory");
        fs::write(
            dir.path().join("ground-truth.json"),
            r#"{"b": {"articleBody": "Second.", "url": "https://b.example/"},
                "a": {"articleBody": "First.", "url": "https://a.example/"}}"#,
        )
        .expect("truth file");
        for id in ["a", "b"] {
            let file =
                fs::File::create(dir.path().join(format!("html/{id}.html.gz"))).expect("html file");
            let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
            encoder
                .write_all(format!("<p>page {id} \u{e9}</p>").as_bytes())
                .expect("compressed page");
            encoder.finish().expect("finished gzip");
        }
        let pages = extraction_benchmark_pages(dir.path()).expect("readable benchmark");
        let ids: Vec<&str> = pages.iter().map(|page| page.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(pages[0].html, "<p>page a \u{e9}</p>");
        assert_eq!(pages[1].truth, "Second.");
        assert_eq!(pages[1].url, "https://b.example/");
    }

    #[test]
    fn a_truncated_gzip_is_a_read_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("temporary directory");
        fs::create_dir(dir.path().join("html")).expect("html directory");
        fs::write(
            dir.path().join("ground-truth.json"),
            r#"{"a": {"articleBody": "x", "url": ""}}"#,
        )
        .expect("truth file");
        fs::write(dir.path().join("html/a.html.gz"), [0x1f, 0x8b, 8, 0]).expect("bad gzip");
        let error = extraction_benchmark_pages(dir.path()).expect_err("truncated gzip");
        assert!(error.to_string().contains("a.html.gz"), "{error}");
    }
}
