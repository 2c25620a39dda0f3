//! Prints the cleaned text and sentences of each input (a debugging aid).
use corroborate::pipeline::{PipelineConfig, analyze_articles};
fn main() {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    let report = corroborate::ingest::ingest(&inputs, &Default::default());
    let (analyzed, _) = analyze_articles(&report.articles, &PipelineConfig::default());
    for article in &analyzed {
        println!("=== {}", article.clean.article.input);
        for sentence in &article.sentences {
            let marker = if sentence.headline { "H" } else { "S" };
            println!(
                "{marker} {}",
                article.text(sentence.span).replace('\n', "⏎")
            );
        }
    }
}
