//! ECB+ read through the real pipeline (ingest, clean, analyze) for the clustering
//! evaluation: the documents, their topics and splits, and their sub-event labels.

use corroborate_analyze::{AnalyzeConfig, analyze};
use corroborate_clean::{CleanConfig, CleanContext, clean};
use corroborate_eval::{BCubed, CorpusDocument, bcubed, partition_labels};
use corroborate_group::{GroupConfig, Grouping, group};
use corroborate_model::AnalyzedArticle;

/// The split of an ECB+ topic (Cybulska and Vossen 2015, as in the corpus README).
pub fn split_of(topic: u32) -> &'static str {
    match topic {
        36..=45 => "test",
        2 | 5 | 12 | 18 | 21 | 23 | 34 | 35 => "dev",
        _ => "train",
    }
}

/// The topic number of a document id such as `36_1ecb`.
pub fn topic_of(document: &CorpusDocument) -> u32 {
    document
        .id
        .split('_')
        .next()
        .and_then(|topic| topic.parse().ok())
        .expect("ECB+ ids start with the topic number")
}

/// The ECB+ documents, or the reason they cannot be read.
pub fn documents() -> Result<Vec<CorpusDocument>, String> {
    let Some(dir) = corroborate_eval::shared_corpus_dir() else {
        return Err("the shared corpus directory (../shared/corpus) is absent".into());
    };
    let path = dir.join("ecbplus/ecbplus.jsonl");
    if !path.is_file() {
        return Err(format!("{} is absent", path.display()));
    }
    corroborate_eval::ecbplus_documents(&path).map_err(|error| error.to_string())
}

/// Runs documents through ingest, clean and analyze as one batch.
pub fn analyze_documents(documents: &[&CorpusDocument]) -> Vec<AnalyzedArticle> {
    let articles: Vec<_> = documents
        .iter()
        .map(|document| {
            let (article, _) = corroborate_ingest::text_article(
                &document.id,
                &document.id,
                document.text.as_bytes(),
            );
            article.expect("ECB+ documents are text")
        })
        .collect();
    let context = CleanContext::new(&articles);
    articles
        .iter()
        .map(|article| {
            let (clean_text, _) = clean(article, &context, &CleanConfig::default());
            analyze(&clean_text, &AnalyzeConfig::default())
        })
        .collect()
}

/// One evaluation set: analysed articles with their gold sub-event labels.
pub struct EvalSet {
    pub name: &'static str,
    pub articles: Vec<AnalyzedArticle>,
    pub gold: Vec<String>,
}

impl EvalSet {
    pub fn new(
        name: &'static str,
        documents: &[CorpusDocument],
        keep: impl Fn(u32) -> bool,
    ) -> EvalSet {
        let chosen: Vec<&CorpusDocument> = documents
            .iter()
            .filter(|document| keep(topic_of(document)))
            .collect();
        EvalSet {
            name,
            articles: analyze_documents(&chosen),
            gold: chosen
                .iter()
                .map(|document| document.group.clone())
                .collect(),
        }
    }

    /// Groups the set and scores the stories against the sub-events.
    pub fn score(&self, config: &GroupConfig) -> (BCubed, Grouping) {
        let grouping = group(&self.articles, config);
        let labels = partition_labels(&grouping.stories, self.articles.len());
        (bcubed(&labels, &self.gold), grouping)
    }
}
