//! A growing collection in the store: new articles are analysed, join the stories they
//! belong to or open new ones, and the briefs of the stories they change are rebuilt.
//!
//! Each chunk of new articles is one store transaction: the chunk's articles and the stories
//! they change are committed together or not at all, so a killed ingest leaves every earlier
//! chunk whole and the next run adds what is missing (articles already stored are
//! recognised by their content hash and skipped). A changed story's brief is rebuilt once a
//! run: the story is marked pending (a new one stays unseen by readers) and its brief is
//! written in the transaction of the first chunk after which no later chunk of the run can
//! reach it (chunks come in date order), or at the end of the run; a run also rebuilds what
//! a killed run left pending.
//!
//! Incremental grouping: the chunk is grouped together with every stored story that has an
//! article published within the clustering window of the chunk's dates (whole stories, so
//! a story is never split by accident of what was loaded), and, for undated articles, with
//! the stories of the most recent undated ones. Stories keep their id when most of their
//! articles stay together; a story that loses every article is removed and its id retired.
//! Stories that no chunk touches are left as they are. Grouping reads a stored article
//! through the analysis an earlier chunk of the run left for it (its story's, when a brief
//! was rebuilt) and analyses the rest in the window's cleaning context, so ingesting a
//! collection in one run or in several may group it differently at the margins. A brief
//! cleans each article in its story (the story is the cleaning context) and keeps the
//! earlier analysis when the cleaning came out the same, analysing the others; so each
//! stored brief is always exactly the brief of its story's articles (`corroborate brief`
//! over the same files gives the same JSON), and an article is seldom analysed twice.

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
    ArticleView, Mark, MarkKind, NewArticle, RemovedPassage, Store, StoreError, StoredArticle,
    StoryMember, StoryWrite, Writer, content_hash,
};

use rayon::prelude::*;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::pipeline::{PipelineConfig, analyze_in_context, reanalyze_in_context};

/// How a collection grows.
#[derive(Clone, Debug)]
pub struct LibraryConfig {
    /// New articles per transaction. Each chunk is grouped with the stored stories within
    /// the clustering window of its dates, so small chunks of a dense collection regroup
    /// the same window many times: on 10,000 articles over twelve weeks, chunks of 5,000
    /// took 28% less CPU than chunks of 1,000.
    pub chunk: usize,
    /// How many of the most recent undated stored articles an undated article is grouped with.
    pub undated_neighbours: usize,
}

impl Default for LibraryConfig {
    fn default() -> LibraryConfig {
        LibraryConfig {
            chunk: 5000,
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
    /// Briefs written (a changed story's brief is rebuilt once a run).
    pub briefs_built: usize,
    /// Articles cleaned and analysed (for grouping or for a brief).
    pub analysed: usize,
    /// Times an earlier analysis was taken for a brief because the article cleaned the same
    /// in the story as before.
    pub analyses_reused: usize,
    /// How long each stage took (for measurements; nothing else reads the clock).
    pub timings: LibraryTimings,
}

/// Wall-clock time of each stage of [`ingest_into_store`], summed over the chunks.
#[derive(Clone, Debug, Default)]
pub struct LibraryTimings {
    /// Reading the inputs.
    pub read: Duration,
    /// Storing the new articles and reading the stored stories near them.
    pub load: Duration,
    /// Cleaning and analysing for grouping.
    pub analyse: Duration,
    pub group: Duration,
    /// Analysing the changed stories' articles in their stories and reconciling them.
    pub briefs: Duration,
    /// Writing the stories and committing.
    pub write: Duration,
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
    let started = Instant::now();
    let ingested = ingest(inputs, &config.ingest);
    let mut report = LibraryReport {
        read: ingested.articles.len(),
        diagnostics: ingested.diagnostics,
        ..LibraryReport::default()
    };
    report.timings.read = started.elapsed();
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
    let mut run = Run::default();
    let chunks: Vec<&[Article]> = articles.chunks(library.chunk.max(1)).collect();
    let window_days = i64::from(config.group.cluster.window_days);
    for (index, chunk) in chunks.iter().enumerate() {
        // A changed story's brief waits until no later chunk of this run can change the
        // story again (chunks come in date order), so each is rebuilt once a run.
        let reach = chunks
            .get(index + 1)
            .and_then(|next| earliest_reach(next, window_days));
        add_chunk(
            store,
            chunk,
            reach.as_deref(),
            config,
            library,
            &mut run,
            &mut report,
        )?;
        done += chunk.len();
        progress(done, total);
    }
    // Whatever is still pending (also what a killed run left) is rebuilt now.
    let writer = store.writer()?;
    rebuild_pending(&writer, None, config, &mut run, &mut report)?;
    let started = Instant::now();
    writer.commit()?;
    report.timings.write += started.elapsed();
    report.stories_updated = run.updated.len();
    Ok(report)
}

/// The earliest ISO day an article of `chunk` may group with: its first day less the
/// clustering window. `None` when some article is undated (it may reach any story of the
/// most recent undated articles).
fn earliest_reach(chunk: &[Article], window_days: i64) -> Option<String> {
    let mut earliest: Option<String> = None;
    for article in chunk {
        let first = article.published?.first_day().to_string();
        if earliest.as_ref().is_none_or(|day| first < *day) {
            earliest = Some(first);
        }
    }
    let earliest = earliest?;
    Some(shift_iso_day(&earliest, -window_days).unwrap_or(earliest))
}

/// What one ingest run carries from chunk to chunk.
#[derive(Default)]
struct Run {
    /// The analyses of the stored articles of the last chunk's window, by store sequence
    /// number: each one as its story's brief last read it (or as grouping read it). Nearby
    /// chunks share most of their windows, so most articles are analysed once a run.
    analyses: HashMap<i64, AnalyzedArticle>,
    /// Stories opened in this run.
    opened: BTreeSet<i64>,
    /// Stories stored before this run whose articles changed.
    updated: BTreeSet<i64>,
}

/// One transaction: the chunk's new articles, the stories they change (their briefs marked
/// pending), and the briefs of the pending stories no article dated `reach` or later can
/// change (every pending brief when `reach` is `None`).
fn add_chunk(
    store: &mut Store,
    chunk: &[Article],
    reach: Option<&str>,
    config: &PipelineConfig,
    library: &LibraryConfig,
    run: &mut Run,
    report: &mut LibraryReport,
) -> Result<(), StoreError> {
    let started = Instant::now();
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
    report.timings.load += started.elapsed();
    if !fresh.is_empty() {
        report.added += fresh.len();
        regroup(&writer, fresh, config, library, run, report)?;
    }
    rebuild_pending(&writer, reach, config, run, report)?;
    let started = Instant::now();
    writer.commit()?;
    report.timings.write += started.elapsed();
    Ok(())
}

/// Groups the new articles with the stored stories near them and writes the membership:
/// stories keep their ids, changed stories are marked pending, emptied ones removed.
fn regroup(
    writer: &Writer<'_>,
    fresh: Vec<(i64, Article)>,
    config: &PipelineConfig,
    library: &LibraryConfig,
    run: &mut Run,
    report: &mut LibraryReport,
) -> Result<(), StoreError> {
    let started = Instant::now();
    // The stored stories the chunk may join: whole stories near the chunk's dates.
    let window_days = i64::from(config.group.cluster.window_days);
    let days: Vec<(String, String)> = fresh
        .iter()
        .filter_map(|(_, article)| {
            let date = article.published?;
            Some((date.first_day().to_string(), date.last_day().to_string()))
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
        .map(|article| (article.seq, article.story, stored_article(article)))
        .collect();
    members.extend(fresh.into_iter().map(|(seq, article)| (seq, None, article)));
    members.sort_by_key(|(seq, _, _)| *seq);
    report.timings.load += started.elapsed();
    let started = Instant::now();
    // Grouping reads the cached analysis of a stored article when an earlier chunk left
    // one, and analyses the others (the new articles first of all) in the window's
    // cleaning context, as a batch run would.
    let in_window: BTreeSet<i64> = members.iter().map(|(seq, _, _)| *seq).collect();
    let analyses = &mut run.analyses;
    analyses.retain(|seq, _| in_window.contains(seq));
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
        report.analysed += analyzed.len();
        for (&member, analyzed) in missing.iter().zip(analyzed) {
            analyses.insert(members[member].0, analyzed);
        }
    }
    report.timings.analyse += started.elapsed();
    let started = Instant::now();
    let grouping = {
        let read: Vec<&AnalyzedArticle> = members
            .iter()
            .map(|(seq, _, _)| analyses.get(seq).expect("every member was analysed above"))
            .collect();
        let mut sketches = Sketches::new(&config.group);
        sketches.add(&read);
        sketches.group()
    };
    report.timings.group += started.elapsed();
    let started = Instant::now();

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
            run.opened.insert(id);
            id
        });
        taken.insert(id);
        assigned[index] = Some(id);
    }

    for (index, story) in grouping.stories.iter().enumerate() {
        let id = assigned[index].expect("every story was given an id");
        let unchanged = old_sizes.get(&id) == Some(&story.len())
            && story.iter().all(|&member| members[member].1 == Some(id));
        if unchanged {
            continue;
        }
        if !run.opened.contains(&id) {
            run.updated.insert(id);
        }
        let seqs: Vec<i64> = story.iter().map(|&member| members[member].0).collect();
        writer.assign_story(id, &seqs)?;
    }
    for old in old_sizes.keys() {
        if !taken.contains(old) {
            writer.delete_story(*old)?;
            run.updated.remove(old);
            report.stories_removed += 1;
        }
    }
    report.timings.write += started.elapsed();
    Ok(())
}

/// Rebuilds the briefs of the pending stories that no article dated `reach` or later can
/// change (every pending story when `reach` is `None`).
fn rebuild_pending(
    writer: &Writer<'_>,
    reach: Option<&str>,
    config: &PipelineConfig,
    run: &mut Run,
    report: &mut LibraryReport,
) -> Result<(), StoreError> {
    let started = Instant::now();
    let settled = writer.settled_pending(reach)?;
    let mut stories: Vec<(i64, Vec<(i64, Article)>)> = Vec::with_capacity(settled.len());
    for id in settled {
        let members: Vec<(i64, Article)> = writer
            .story_members(id)?
            .into_iter()
            .map(|article| (article.seq, stored_article(article)))
            .collect();
        if members.is_empty() {
            // Every article left the story in a later batch (another run's, say).
            writer.delete_story(id)?;
            continue;
        }
        stories.push((id, members));
    }
    report.timings.load += started.elapsed();
    let started = Instant::now();
    // Briefs are independent of each other: built in parallel, written in story order. A
    // brief reads its story's articles analysed together (the story is their cleaning
    // context), exactly as `corroborate brief` over the same articles would; an article that
    // cleans in its story as it did for grouping or for an earlier brief keeps that analysis.
    let cache = &run.analyses;
    let rebuilt: Vec<Rebuilt> = stories
        .par_iter()
        .map(|(id, members)| {
            let story_articles: Vec<Article> =
                members.iter().map(|(_, article)| article.clone()).collect();
            let earlier: Vec<Option<&AnalyzedArticle>> =
                members.iter().map(|(seq, _)| cache.get(seq)).collect();
            let context = CleanContext::new(&story_articles);
            let (analyzed, reused) =
                reanalyze_in_context(&story_articles, &earlier, &context, config);
            let story_analyses = Story { articles: analyzed };
            let brief = reconcile(&story_analyses, &config.reconcile);
            let story_members = members
                .iter()
                .zip(&story_analyses.articles)
                .map(|((seq, _), analyzed)| StoryMember {
                    seq: *seq,
                    view: article_view(analyzed),
                    names: entity_names(analyzed),
                })
                .collect();
            let seqs = members.iter().map(|(seq, _)| *seq);
            (
                story_write(*id, &brief, story_members),
                seqs.zip(story_analyses.articles).collect(),
                reused,
            )
        })
        .collect();
    report.timings.briefs += started.elapsed();
    let started = Instant::now();
    for (story, story_analyses, reused) in rebuilt {
        writer.write_story(&story)?;
        report.briefs_built += 1;
        report.analysed += story_analyses.len() - reused;
        report.analyses_reused += reused;
        run.analyses.extend(story_analyses);
    }
    report.timings.write += started.elapsed();
    Ok(())
}

/// A rebuilt story: its row, its members' analyses by `seq`, and how many were reused.
type Rebuilt = (StoryWrite, Vec<(i64, AnalyzedArticle)>, usize);

/// A stored article as the pipeline reads it.
fn stored_article(article: StoredArticle) -> Article {
    Article {
        id: ArticleId::new(article.id),
        input: article.input,
        title: article.title,
        outlet: article.outlet,
        published: article.published,
        text: article.text,
        origin: article.origin,
    }
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
            let label = quote
                .speaker
                .as_ref()
                .and_then(|speaker| speaker.name.clone())
                .unwrap_or_else(|| "speaker not found".to_string());
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
