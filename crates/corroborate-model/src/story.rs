//! A story: the articles that report one event.

use crate::AnalyzedArticle;

/// Articles reporting one event, in the order their sources are numbered.
#[derive(Clone, Debug, Default)]
pub struct Story {
    pub articles: Vec<AnalyzedArticle>,
}
