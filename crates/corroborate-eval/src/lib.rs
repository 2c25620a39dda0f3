//! Readers for the shared evaluation corpora (NeuS, ECB+, PolNeAR) as plain documents, so
//! tests, benchmarks and `corroborate eval` read them one way.
//!
//! Like ingest, this crate reads files; it reads only the evaluation corpora.

mod clustering;
mod corpora;
mod extraction;
mod quotes;
mod rouge;
mod synthetic;

pub use clustering::{BCubed, bcubed, partition_labels};
pub use corpora::{
    ClaimPair, CorpusDocument, CorpusError, claimdiff_pairs, ecbplus_documents, fnc1_stories,
    neus_clusters, neus_peer_summaries, neus_references, polnear_documents, shared_corpus_dir,
};
pub use extraction::{
    ExtractionPage, ExtractionScores, ShingleCounts, extraction_benchmark_pages, extraction_tokens,
    score_extraction, shingle_counts,
};
pub use quotes::{
    ArticlePredictions, GoldQuote, PolnearArticle, PredictedQuote, QuoteMarks, QuotePairing,
    QuoteScores, pair_article, polnear_quote_gold, read_predictions, score_quotes,
    write_predictions,
};
pub use rouge::{Prf, RougeScores, rouge, tokens as rouge_tokens};
pub use synthetic::{SyntheticArticle, SyntheticCollection, SyntheticConfig, synthetic_collection};
