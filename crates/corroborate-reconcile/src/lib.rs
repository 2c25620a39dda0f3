//! Reconciles a story's articles into a [`Brief`](corroborate_model::Brief): the sources,
//! the page furniture removed from each, an extractive summary whose every sentence
//! cites all the sources that carry its content, entities, quotes, facts, copies, what each
//! outlet adds and a timeline of dated events.
//!
//! Reconciliation is deterministic: the same story gives the same brief.

mod additions;
mod arithmetic;
mod copies;
mod entities;
mod facts;
mod figures;
mod quotes;
mod similarity;
mod sources;
mod summary;
mod timeline;
mod title;

use corroborate_model::{Brief, Story};

pub use copies::copy_groups;
pub use summary::SummaryConfig;

/// What reconciliation does.
#[derive(Clone, Debug, Default)]
pub struct ReconcileConfig {
    pub summary: SummaryConfig,
}

/// Builds the brief of one story.
pub fn reconcile(story: &Story, config: &ReconcileConfig) -> Brief {
    let index = similarity::SentenceIndex::new(story);
    let summary = summary::summarize(story, &index, &config.summary);
    let title = title::story_title(story, &index, &summary);
    let story_entities = entities::story_entities(story);
    let quotes = quotes::story_quotes(story, &story_entities);
    let copies = copies::find_copies(story);
    let facts = facts::story_facts(story, &story_entities, &copies.independence);
    let additions = additions::story_additions(
        story,
        &index,
        &summary,
        &quotes,
        &facts,
        &copies.independence,
    );
    let timeline = timeline::story_timeline(story, &index);
    Brief {
        title,
        sources: sources::brief_sources(story),
        summary,
        entities: story_entities.entities,
        quotes,
        facts,
        copies: copies.groups,
        additions,
        timeline,
        removed: sources::removed_items(story),
    }
}
