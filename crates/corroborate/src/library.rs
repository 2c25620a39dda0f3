//! A growing collection in the store: new articles are analysed, join the stories they
//! belong to or open new ones, and the briefs of the stories they change are rebuilt.
//!
//! Each chunk of new articles is one store transaction: the chunk's articles, the stories
//! they change and those stories' briefs are committed together or not at all, so a killed
//! ingest leaves every earlier chunk whole and the next run adds what is missing (articles
//! already stored are recognised by their content hash and skipped).
//!
//! Incremental grouping: the chunk is grouped together with every stored story that has an
//! article published within the clustering window of the chunk's dates (whole stories, so
//! a story is never split by accident of what was loaded), and, for undated articles, with
//! the stories of the most recent undated ones. Stories keep their id when most of their
//! articles stay together; a story that loses every article is removed and its id retired.
//! Stories that no chunk touches are left as they are. Grouping reads a stored article
//! through the analysis the previous chunk left for it (its story's, when the chunk rebuilt
//! that brief) and analyses the rest in the window's cleaning context, so ingesting a
//! collection in one run or in several may group it differently at the margins; each stored
//! brief is always exactly the brief of its story's articles (`corroborate brief` over the
//! same files gives the same JSON).

use std::collections::{BTreeMap, BTreeSet};

use corroborate_clean::CleanContext;
use corroborate_group::Sketches;
use corroborate_ingest::ingest;
use corroborate_model::calendar::shift_iso_day;
use corroborate_model::{
    AnalyzedArticle, Article, ArticleId, Brief, Diagnostic, EntityKind, FactStatus, Span, Story,
};
use corroborate_reconcile::reconcile;
use corroborate_render::{Format, RenderOptions, render};
use corroborate_store::{
    ArticleView, Mark, MarkKind, NewArticle, RemovedPassage, Store, StoreError, StoryMember,
    StoryWrite, content_hash,
};

use rayon::prelude::*;
use std::collections::HashMap;

use crate::pipeline::{PipelineConfig, analyze_articles, analyze_in_context};

/// How a collection grows.
#[derive(Clone, Debug)]
pub struct LibraryConfig {
    /// New articles per transaction.
    pub chunk: usize,
    /// How many of the most recent undated stored articles an undated article is grouped with.
    pub undated_neighbours: usize,
}

impl Default for LibraryConfig {
    fn default() -> LibraryConfig {
        LibraryConfig {
            chunk: 1000,
            undated_neighbours: 1000,
        }
    }
}

/// What an ingest into the store did.
#[derive(Debug, Default)]
pub struct LibraryReport {
    /// Articles read from the inputs.
    pub read: usize,
    /// Articles added to the store.
    pub added: usize,
    /// Articles skipped because the same text is stored (or came twice in this run).
    pub already_stored: usize,
    /// Stories opened.
    pub stories_opened: usize,
    /// Stories whose articles changed, so their briefs were rebuilt.
    pub stories_updated: usize,
    /// Stories merged into others.
    pub stories_removed: usize,
    /// Every message about an input, in input order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the inputs and adds their articles to the store, chunk by chunk.
/// `progress(done, total)` is called after each committed chunk.
pub fn ingest_into_store(
    store: &mut Store,
    inputs: &[String],
    config: &PipelineConfig,
    library: &LibraryConfig,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<LibraryReport, StoreError> {
    let ingested = ingest(inputs, &config.ingest);
    let mut report = LibraryReport {
        read: ingested.articles.len(),
        diagnostics: ingested.diagnostics,
        ..LibraryReport::default()
    };
    // Chunks follow publication order (undated articles last, input order within a day), so
    // each chunk covers a short span of days and meets few stored stories.
    let mut articles = ingested.articles;
    articles.sort_by_key(|article| {
        article
            .published
            .map(|date| {
                (
                    date.year(),
                    date.month().unwrap_or(0),
                    date.day().unwrap_or(0),
                )
            })
            .map_or((1, (0, 0, 0)), |key| (0, key))
    });
    let total = articles.len();
    let mut done = 0;
    let mut analyses = AnalysisCache::default();
    for chunk in articles.chunks(library.chunk.max(1)) {
        add_chunk(store, chunk, config, library, &mut analyses, &mut report)?;
        done += chunk.len();
        progress(done, total);
    }
    Ok(report)
}

/// The analyses of the stored articles of the last chunk's window, by store sequence number:
/// each one as its story's brief last read it (or, for an article whose story did not
/// change, as the chunk's grouping read it). Consecutive chunks cover nearby days, so most
/// of a window's articles are analysed once for the whole ingest instead of once a chunk.
type AnalysisCache = HashMap<i64, AnalyzedArticle>;

/// One transaction: the chunk's new articles and every story they change.
fn add_chunk(
    store: &mut Store,
    chunk: &[Article],
    config: &PipelineConfig,
    library: &LibraryConfig,
    analyses: &mut AnalysisCache,
    report: &mut LibraryReport,
) -> Result<(), StoreError> {
    let writer = store.writer()?;
    // The new articles, under ids that are unique in the store.
    let mut fresh: Vec<(i64, Article)> = Vec::new();
    let mut hashes = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for article in chunk {
        let hash = content_hash(&article.text);
        if !hashes.insert(hash.clone()) || writer.contains_hash(&hash)? {
            report.already_stored += 1;
            continue;
        }
        let mut id = article.id.as_str().to_string();
        let mut suffix = 1;
        while ids.contains(&id) || writer.contains_id(&id)? {
            suffix += 1;
            id = format!("{}#{suffix}", article.id.as_str());
        }
        ids.insert(id.clone());
        let mut article = article.clone();
        article.id = ArticleId::new(id.clone());
        let seq = writer.insert_article(&NewArticle {
            id,
            input: article.input.clone(),
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            published: article.published,
            text: article.text.clone(),
            origin: article.origin.clone(),
            hash,
        })?;
        fresh.push((seq, article));
    }
    if fresh.is_empty() {
        return writer.commit();
    }
    report.added += fresh.len();

    // The stored stories the chunk may join: whole stories near the chunk's dates.
    let window_days = i64::from(config.group.cluster.window_days);
    let days: Vec<(String, String)> = fresh
        .iter()
        .filter_map(|(_, article)| {
            let date = article.published?;
            let first = format!(
                "{:04}-{:02}-{:02}",
                date.year(),
                date.month().unwrap_or(1),
                date.day().unwrap_or(1)
            );
            let last = format!(
                "{:04}-{:02}-{:02}",
                date.year(),
                date.month().unwrap_or(12),
                date.day().unwrap_or(31)
            );
            Some((first, last))
        })
        .collect();
    let window = match (
        days.iter().map(|(first, _)| first).min(),
        days.iter().map(|(_, last)| last).max(),
    ) {
        (Some(first), Some(last)) => Some((
            shift_iso_day(first, -window_days).unwrap_or_else(|| first.clone()),
            shift_iso_day(last, window_days).unwrap_or_else(|| last.clone()),
        )),
        _ => None,
    };
    let any_undated = fresh.iter().any(|(_, article)| article.published.is_none());
    let stored = writer.neighbourhood(
        window
            .as_ref()
            .map(|(first, last)| (first.as_str(), last.as_str())),
        any_undated,
        library.undated_neighbours,
    )?;

    // Everything to group, in ingest order, with the story each stored article was in.
    let mut members: Vec<(i64, Option<i64>, Article)> = stored
        .into_iter()
        .map(|article| {
            let story = article.story;
            (
                article.seq,
                story,
                Article {
                    id: ArticleId::new(article.id),
                    input: article.input,
                    title: article.title,
                    outlet: article.outlet,
                    published: article.published,
                    text: article.text,
                    origin: article.origin,
                },
            )
        })
        .collect();
    members.extend(fresh.into_iter().map(|(seq, article)| (seq, None, article)));
    members.sort_by_key(|(seq, _, _)| *seq);
    // Grouping reads the cached analysis of a stored article when the last chunk left one,
    // and analyses the others (the new articles first of all) in the window's cleaning
    // context, as a batch run would.
    analyses.retain(|seq, _| members.iter().any(|(member, _, _)| member == seq));
    let missing: Vec<usize> = (0..members.len())
        .filter(|&member| !analyses.contains_key(&members[member].0))
        .collect();
    if !missing.is_empty() {
        let window_articles: Vec<Article> = members
            .iter()
            .map(|(_, _, article)| article.clone())
            .collect();
        let context = CleanContext::new(&window_articles);
        let to_analyse: Vec<Article> = missing
            .iter()
            .map(|&member| window_articles[member].clone())
            .collect();
        let (analyzed, _) = analyze_in_context(&to_analyse, &context, config);
        for (&member, analyzed) in missing.iter().zip(analyzed) {
            analyses.insert(members[member].0, analyzed);
        }
    }
    let grouping = {
        let read: Vec<&AnalyzedArticle> = members
            .iter()
            .map(|(seq, _, _)| analyses.get(seq).expect("every member was analysed above"))
            .collect();
        let mut sketches = Sketches::new(&config.group);
        sketches.add(&read);
        sketches.group()
    };

    // Old story sizes, to tell an unchanged story from a changed one.
    let mut old_sizes: BTreeMap<i64, usize> = BTreeMap::new();
    for (_, story, _) in &members {
        if let Some(story) = story {
            *old_sizes.entry(*story).or_default() += 1;
        }
    }
    // Each new story keeps the id most of its stored articles had, when no bigger share
    // of another story claimed it first; stories are visited largest first.
    let mut visit: Vec<usize> = (0..grouping.stories.len()).collect();
    visit.sort_by_key(|&index| {
        (
            std::cmp::Reverse(grouping.stories[index].len()),
            grouping.stories[index].first().copied(),
        )
    });
    let mut next_id = writer.next_story_id()?;
    let mut taken: BTreeSet<i64> = BTreeSet::new();
    let mut assigned: Vec<Option<i64>> = vec![None; grouping.stories.len()];
    for &index in &visit {
        let mut votes: BTreeMap<i64, usize> = BTreeMap::new();
        for &member in &grouping.stories[index] {
            if let Some(story) = members[member].1 {
                *votes.entry(story).or_default() += 1;
            }
        }
        let kept = votes
            .iter()
            .filter(|(story, _)| !taken.contains(story))
            .max_by_key(|(story, count)| (**count, std::cmp::Reverse(**story)))
            .map(|(story, _)| *story);
        let id = kept.unwrap_or_else(|| {
            let id = next_id;
            next_id += 1;
            report.stories_opened += 1;
            id
        });
        taken.insert(id);
        assigned[index] = Some(id);
    }

    let changed: Vec<(i64, &Vec<usize>)> = grouping
        .stories
        .iter()
        .enumerate()
        .map(|(index, story)| (assigned[index].expect("every story was given an id"), story))
        .filter(|(id, story)| {
            let unchanged = old_sizes.get(id) == Some(&story.len())
                && story.iter().all(|&member| members[member].1 == Some(*id));
            !unchanged
        })
        .collect();
    report.stories_updated += changed
        .iter()
        .filter(|(id, _)| old_sizes.contains_key(id))
        .count();
    // Briefs are independent of each other: built in parallel, written in story order. A
    // brief reads its story's articles analysed together (the story is their cleaning
    // context), exactly as `corroborate brief` over the same articles would.
    let rebuilt: Vec<(StoryWrite, Vec<(i64, AnalyzedArticle)>)> = changed
        .par_iter()
        .map(|(id, story)| {
            let story_articles: Vec<Article> = story
                .iter()
                .map(|&member| members[member].2.clone())
                .collect();
            let (analyzed, _) = analyze_articles(&story_articles, config);
            let story_analyses = Story { articles: analyzed };
            let brief = reconcile(&story_analyses, &config.reconcile);
            let story_members = story
                .iter()
                .zip(&story_analyses.articles)
                .map(|(&member, analyzed)| StoryMember {
                    seq: members[member].0,
                    view: article_view(analyzed),
                    names: entity_names(analyzed),
                })
                .collect();
            let seqs = story.iter().map(|&member| members[member].0);
            (
                story_write(*id, &brief, story_members),
                seqs.zip(story_analyses.articles).collect(),
            )
        })
        .collect();
    for (story, story_analyses) in rebuilt {
        writer.write_story(&story)?;
        analyses.extend(story_analyses);
    }
    for old in old_sizes.keys() {
        if !taken.contains(old) {
            writer.delete_story(*old)?;
            report.stories_removed += 1;
        }
    }
    writer.commit()
}

/// The story row of a brief.
fn story_write(id: i64, brief: &Brief, members: Vec<StoryMember>) -> StoryWrite {
    let dates: Vec<String> = brief
        .sources
        .iter()
        .filter_map(|source| source.published.map(|date| date.to_string()))
        .collect();
    let in_copies: usize = brief
        .copies
        .iter()
        .map(|group| group.sources.len().saturating_sub(1))
        .sum();
    StoryWrite {
        id,
        title: brief.title.clone(),
        first_published: dates.iter().min().cloned(),
        last_published: dates.iter().max().cloned(),
        sources: brief.sources.len(),
        independent_sources: brief.sources.len().saturating_sub(in_copies),
        disputed: brief
            .facts
            .iter()
            .filter(|fact| fact.status == FactStatus::Disputed)
            .count(),
        brief_json: render(brief, Format::Json, RenderOptions::default()),
        members,
    }
}

/// Quotes, claims, mentions and removed furniture of an article, as spans of its text.
pub fn article_view(analyzed: &AnalyzedArticle) -> ArticleView {
    let article = &analyzed.clean.article;
    let to_text = |clean_span: Span| {
        let input = analyzed.clean.input_span(clean_span);
        article.origin.span_from_input(input)
    };
    let mut marks = Vec::new();
    for quote in &analyzed.quotes {
        if let Some(span) = to_text(quote.span) {
            let label = quote.speaker.as_ref().map_or_else(
                || "speaker not found".to_string(),
                |speaker| speaker.name.clone(),
            );
            marks.push(mark(MarkKind::Quote, span, label));
        }
    }
    for claim in &analyzed.claims {
        if let Some(span) = to_text(claim.span) {
            let mut label = format!("{}: {}", claim.property, claim.display);
            if let Some(scope) = &claim.scope {
                label.push_str(&format!(" ({scope})"));
            }
            marks.push(mark(MarkKind::Claim, span, label));
        }
    }
    for mention in &analyzed.mentions {
        if let Some(span) = to_text(mention.span) {
            let name = mention
                .entity
                .and_then(|entity| analyzed.entities.get(entity))
                .map_or(mention.name.as_str(), |entity| entity.name.as_str());
            marks.push(mark(
                MarkKind::Mention,
                span,
                format!("{name} ({})", mention.kind.as_str()),
            ));
        }
    }
    marks.sort_by_key(|mark| (mark.start, std::cmp::Reverse(mark.end)));
    let removed = analyzed
        .clean
        .removed
        .iter()
        .filter_map(|removal| {
            let span = article.origin.span_from_input(removal.span)?;
            Some(RemovedPassage {
                start: span.start(),
                end: span.end(),
                reason: removal.reason.as_str().to_string(),
            })
        })
        .collect();
    ArticleView { marks, removed }
}

fn mark(kind: MarkKind, span: Span, label: String) -> Mark {
    Mark {
        kind,
        start: span.start(),
        end: span.end(),
        label,
    }
}

/// Every name an article gives an entity, with the entity's canonical name; a person is
/// also found by surname alone (the last word of the full name), as readers search.
fn entity_names(analyzed: &AnalyzedArticle) -> Vec<(String, String)> {
    let mut names = Vec::new();
    for entity in &analyzed.entities {
        names.push((entity.name.clone(), entity.name.clone()));
        for alias in &entity.aliases {
            names.push((alias.clone(), entity.name.clone()));
        }
        if entity.kind == EntityKind::Person
            && let Some((_, surname)) = entity.name.rsplit_once(' ')
        {
            names.push((surname.to_string(), entity.name.clone()));
        }
    }
    names
}
