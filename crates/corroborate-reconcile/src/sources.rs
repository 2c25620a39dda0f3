//! The brief's list of sources and of the furniture removed from each.

use corroborate_model::text::count_words;
use corroborate_model::{BriefSource, RemovedItem, SourceId, Story};

/// One entry per article, numbered in story order.
pub(crate) fn brief_sources(story: &Story) -> Vec<BriefSource> {
    story
        .articles
        .iter()
        .enumerate()
        .map(|(index, article)| BriefSource {
            id: SourceId::from_index(index),
            input: article.clean.article.input.clone(),
            title: article.title().map(str::to_string),
            outlet: article.clean.article.outlet.clone(),
            published: article.clean.article.published,
            words: count_words(&article.clean.text),
        })
        .collect()
}

/// Every removal of every article, by source then input position.
pub(crate) fn removed_items(story: &Story) -> Vec<RemovedItem> {
    story
        .articles
        .iter()
        .enumerate()
        .flat_map(|(index, article)| {
            article
                .clean
                .removed
                .iter()
                .map(move |removal| RemovedItem {
                    source: SourceId::from_index(index),
                    text: removal.text.clone(),
                    reason: removal.reason,
                    span: removal.span,
                })
        })
        .collect()
}
