//! The one place where stages are wired: inputs -> articles -> cleaned text -> analysed
//! articles -> story -> brief, and for a collection, analysed articles -> stories.

use corroborate_analyze::{AnalyzeConfig, analyze};
use corroborate_clean::{CleanConfig, CleanContext, clean};
use corroborate_group::{GroupConfig, Grouping, Sketches};
use corroborate_ingest::{Collection, IngestConfig, Locator, ingest};
use corroborate_model::{
    AnalyzedArticle, Article, ArticleId, Brief, CleanText, Diagnostic, OffsetMap, PublishedDate,
    Severity, Story,
};
use corroborate_reconcile::{ReconcileConfig, reconcile};
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// Configuration of every stage.
#[derive(Clone, Debug, Default)]
pub struct PipelineConfig {
    pub ingest: IngestConfig,
    pub clean: CleanConfig,
    pub analyze: AnalyzeConfig,
    pub reconcile: ReconcileConfig,
    pub group: GroupConfig,
}

/// The outcome of briefing a set of inputs as one story.
#[derive(Debug)]
pub struct BriefRun {
    pub brief: Brief,
    pub story: Story,
    /// Every message about an input, in input order.
    pub diagnostics: Vec<Diagnostic>,
}

impl BriefRun {
    /// True when some input was not used.
    pub fn skipped_any(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Skipped)
    }
}

/// Reads the inputs and briefs them as one story.
pub fn brief_inputs(inputs: &[String], config: &PipelineConfig) -> BriefRun {
    let report = ingest(inputs, &config.ingest);
    let mut run = brief_articles(report.articles, config);
    let mut diagnostics = report.diagnostics;
    diagnostics.append(&mut run.diagnostics);
    run.diagnostics = diagnostics;
    run
}

/// Briefs already-read articles as one story.
pub fn brief_articles(articles: Vec<Article>, config: &PipelineConfig) -> BriefRun {
    let (analyzed, diagnostics) = analyze_articles(&articles, config);
    let story = Story { articles: analyzed };
    let brief = reconcile(&story, &config.reconcile);
    BriefRun {
        brief,
        story,
        diagnostics,
    }
}

/// Cleans and analyses articles that are read together (cleaning looks across them for
/// repeated furniture and for the story's vocabulary).
pub fn analyze_articles(
    articles: &[Article],
    config: &PipelineConfig,
) -> (Vec<AnalyzedArticle>, Vec<Diagnostic>) {
    let context = CleanContext::new(articles);
    analyze_in_context(articles, &context, config)
}

/// Cleans and analyses articles once the batch's cleaning context is built.
pub(crate) fn analyze_in_context(
    articles: &[Article],
    context: &CleanContext,
    config: &PipelineConfig,
) -> (Vec<AnalyzedArticle>, Vec<Diagnostic>) {
    // Articles are independent once the context is built: analysed in parallel, collected
    // in input order, so the result does not depend on the number of threads.
    let results: Vec<(AnalyzedArticle, Vec<Diagnostic>)> = articles
        .par_iter()
        .map(|article| {
            let (clean_text, messages) = clean(article, context, &config.clean);
            (analyze(&clean_text, &config.analyze), messages)
        })
        .collect();
    let mut diagnostics = Vec::new();
    let mut analyzed = Vec::with_capacity(results.len());
    for (article, mut messages) in results {
        analyzed.push(article);
        diagnostics.append(&mut messages);
    }
    (analyzed, diagnostics)
}

/// [`analyze_in_context`] reusing earlier analyses: article `i` is cleaned in `context`, and
/// when `earlier[i]` is an analysis of the same article whose cleaned text, offset map and
/// removals are those of this cleaning, it is taken as it is (analysis reads nothing but the
/// cleaned text and its article, so it would give the same result); the others are
/// analysed. Returns the analyses in input order and how many were reused.
pub(crate) fn reanalyze_in_context(
    articles: &[Article],
    earlier: &[Option<&AnalyzedArticle>],
    context: &CleanContext,
    config: &PipelineConfig,
) -> (Vec<AnalyzedArticle>, usize) {
    let results: Vec<(AnalyzedArticle, bool)> = articles
        .par_iter()
        .enumerate()
        .map(|(index, article)| {
            let (clean_text, _) = clean(article, context, &config.clean);
            match earlier.get(index).copied().flatten() {
                Some(analysis) if same_cleaning(&analysis.clean, &clean_text) => {
                    (analysis.clone(), true)
                }
                _ => (analyze(&clean_text, &config.analyze), false),
            }
        })
        .collect();
    let reused = results.iter().filter(|(_, reused)| *reused).count();
    (
        results.into_iter().map(|(analysis, _)| analysis).collect(),
        reused,
    )
}

/// True when two cleanings are of the same article and kept and removed the same bytes.
fn same_cleaning(one: &CleanText, other: &CleanText) -> bool {
    let (a, b) = (&one.article, &other.article);
    a.id == b.id
        && a.input == b.input
        && a.title == b.title
        && a.outlet == b.outlet
        && a.published == b.published
        && a.text == b.text
        && a.origin == b.origin
        && one.text == other.text
        && one.map == other.map
        && one.removed == other.removed
}

/// The outcome of grouping a collection into stories. Neither the articles nor their
/// analyses are kept (a large collection's would not fit in memory): each article keeps
/// what the output shows and a locator into its input, and [`StoriesRun::analyze`] and
/// [`StoriesRun::clean_texts`] read the articles that need them again and redo their
/// cleaning, with the same cleaning context, so they are the texts grouping read.
#[derive(Debug)]
pub struct StoriesRun {
    /// The usable articles, in input order; the grouping's indices point into it.
    pub articles: Vec<StoriesArticle>,
    /// Each article's title: from its metadata, else its headline line.
    pub titles: Vec<Option<String>>,
    /// Each article's input fields the reader does not know (a JSON Lines article's
    /// `tags`, ...), as [`ArticleDetails::extra`](crate::ingest::ArticleDetails).
    pub extra: Vec<Option<String>>,
    pub grouping: Grouping,
    /// Every message about an input, in input order.
    pub diagnostics: Vec<Diagnostic>,
    /// How long each stage took (for measurements; nothing else reads the clock).
    pub timings: StageTimings,
    /// What the run held before grouping, for measurements.
    pub held: HeldMemory,
    collection: Collection,
    context: CleanContext,
}

/// What a [`StoriesRun`] keeps of an article.
#[derive(Clone, Debug)]
pub struct StoriesArticle {
    pub id: ArticleId,
    /// Where it was read, as [`Article::input`] (`FILE`, `FILE:LINE`).
    pub input: String,
    pub published: Option<PublishedDate>,
    locator: Locator,
}

/// Roughly how many bytes a [`StoriesRun`] held once every article was sketched.
#[derive(Clone, Copy, Debug, Default)]
pub struct HeldMemory {
    /// What is kept of each article for the output (id, input, date, title, extra fields,
    /// locator).
    pub articles: usize,
    /// The articles' sketches for grouping.
    pub sketches: usize,
    /// The dictionaries of terms and names the sketches share.
    pub dictionaries: usize,
    /// The cleaning context.
    pub context: usize,
}

/// Wall-clock time of each stage of [`stories_inputs`].
#[derive(Clone, Debug, Default)]
pub struct StageTimings {
    /// The first reading of the inputs, measuring the batch for cleaning (repeated lines,
    /// and the vocabulary when a word is broken at a line end: one more reading).
    pub context: Duration,
    /// The second reading, cleaning and analysis, in parallel, and sketching for grouping.
    pub analyze: Duration,
    pub group: Duration,
}

impl StoriesRun {
    /// True when some input was not used.
    pub fn skipped_any(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Skipped)
    }

    /// Cleans and fully analyses the articles at `indices` again, as grouping read them.
    pub fn analyze(&self, indices: &[usize], config: &PipelineConfig) -> Vec<AnalyzedArticle> {
        let articles = self.reread(indices);
        articles
            .par_iter()
            .map(|article| {
                let (clean_text, _) = clean(article, &self.context, &config.clean);
                analyze(&clean_text, &config.analyze)
            })
            .collect()
    }

    /// The cleaned texts of the articles at `indices`, as grouping read them.
    pub fn clean_texts(&self, indices: &[usize], config: &PipelineConfig) -> Vec<String> {
        let articles = self.reread(indices);
        articles
            .par_iter()
            .map(|article| clean(article, &self.context, &config.clean).0.text)
            .collect()
    }

    /// The articles at `indices`, read again. One that is no longer in its input (the file
    /// changed since the run read it) comes back without text, so it is analysed as empty.
    fn reread(&self, indices: &[usize]) -> Vec<Article> {
        let locators: Vec<Locator> = indices
            .iter()
            .map(|&index| self.articles[index].locator)
            .collect();
        let read = self.collection.reread(&locators);
        indices
            .iter()
            .zip(read)
            .map(|(&index, read)| {
                let kept = &self.articles[index];
                match read {
                    Some((article, _)) if article.id == kept.id => article,
                    _ => empty_article(kept),
                }
            })
            .collect()
    }
}

/// Stands for an article that its input no longer holds.
fn empty_article(kept: &StoriesArticle) -> Article {
    Article {
        id: kept.id.clone(),
        input: kept.input.clone(),
        title: None,
        outlet: None,
        published: kept.published,
        text: String::new(),
        origin: OffsetMap::default(),
    }
}

/// Articles cleaned, analysed and sketched for grouping at a time: the analyses of one chunk
/// are held at once, then dropped.
pub const STORIES_CHUNK: usize = 2_048;

/// Reads a collection and groups it into stories, finding the copies among the articles.
pub fn stories_inputs(inputs: &[String], config: &PipelineConfig) -> StoriesRun {
    stories_inputs_with_progress(inputs, config, &mut |_, _| {})
}

/// [`stories_inputs`], calling `progress(done, total)` as articles are analysed (the long
/// stage), for a progress bar.
pub fn stories_inputs_with_progress(
    inputs: &[String],
    config: &PipelineConfig,
    progress: &mut dyn FnMut(usize, usize),
) -> StoriesRun {
    stories_in_chunks(inputs, config, STORIES_CHUNK, progress)
}

/// [`stories_inputs_with_progress`] with `chunk` articles analysed at a time (the result
/// does not depend on it).
///
/// The inputs are read twice and never held: the first reading measures the batch for
/// cleaning and keeps what the output shows of each article; the second cleans, analyses
/// (only what grouping reads) and sketches a chunk at a time.
pub fn stories_in_chunks(
    inputs: &[String],
    config: &PipelineConfig,
    chunk: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> StoriesRun {
    let chunk = chunk.max(1);
    let mut timings = StageTimings::default();
    let started = Instant::now();
    let mut context = CleanContext::default();
    let mut articles: Vec<StoriesArticle> = Vec::new();
    let mut extra: Vec<Option<String>> = Vec::new();
    let (collection, mut diagnostics) =
        Collection::read(inputs, &config.ingest, &mut |article, details, locator| {
            context.add_lines(&article);
            articles.push(StoriesArticle {
                id: article.id,
                input: article.input,
                published: article.published,
                locator,
            });
            extra.push(details.extra);
        });
    if context.needs_vocabulary() {
        collection.read_again(&mut |article, _, _| context.add_vocabulary(&article));
    }
    timings.context = started.elapsed();

    let started = Instant::now();
    // Grouping reads names, not statements: the briefs analyse their articles in full.
    let mut grouping_config = config.clone();
    grouping_config.analyze.names_only = true;
    let mut sketches = Sketches::new(&config.group);
    let mut titles = Vec::with_capacity(articles.len());
    let total = articles.len();
    let mut pending: Vec<Article> = Vec::with_capacity(chunk.min(total));
    let mut done = 0;
    progress(0, total);
    let mut flush = |pending: &mut Vec<Article>,
                     titles: &mut Vec<Option<String>>,
                     diagnostics: &mut Vec<Diagnostic>| {
        let (analyzed, mut messages) = analyze_in_context(pending, &context, &grouping_config);
        done += pending.len();
        pending.clear();
        progress(done.min(total), total);
        titles.extend(
            analyzed
                .iter()
                .map(|article| article.title().map(str::to_owned)),
        );
        sketches.add(&analyzed);
        diagnostics.append(&mut messages);
    };
    // The second reading gives the articles of the first, one for one, unless an input
    // changed in between: then an article that is not the one first read is analysed as
    // empty, so the indices still agree.
    let mut read = 0;
    let mut changed = false;
    collection.read_again(&mut |article, _, _| {
        let Some(kept) = articles.get(read) else {
            changed = true;
            return;
        };
        read += 1;
        if article.id == kept.id {
            pending.push(article);
        } else {
            changed = true;
            pending.push(empty_article(kept));
        }
        if pending.len() == chunk {
            flush(&mut pending, &mut titles, &mut diagnostics);
        }
    });
    for kept in &articles[read..] {
        changed = true;
        pending.push(empty_article(kept));
        if pending.len() == chunk {
            flush(&mut pending, &mut titles, &mut diagnostics);
        }
    }
    if !pending.is_empty() {
        flush(&mut pending, &mut titles, &mut diagnostics);
    }
    if changed {
        diagnostics.push(Diagnostic::warning(
            "input",
            "an input changed while it was read; the articles no longer in it were grouped as empty",
        ));
    }
    timings.analyze = started.elapsed();
    let (sketch_bytes, dictionaries) = sketches.memory();
    let text = |text: &str| text.len() + std::mem::size_of::<String>();
    let held = HeldMemory {
        articles: articles.capacity() * std::mem::size_of::<StoriesArticle>()
            + articles
                .iter()
                .map(|article| article.id.as_str().len() + article.input.len())
                .sum::<usize>()
            + titles
                .iter()
                .map(|title| title.as_deref().map_or(0, text))
                .sum::<usize>()
            + extra
                .iter()
                .map(|extra| extra.as_deref().map_or(0, text))
                .sum::<usize>(),
        sketches: sketch_bytes,
        dictionaries,
        // A hash map entry: a 64-bit key, a 32-bit count, a control byte.
        context: context.len() * 13,
    };
    let started = Instant::now();
    let grouping = sketches.group();
    timings.group = started.elapsed();
    StoriesRun {
        articles,
        titles,
        extra,
        grouping,
        diagnostics,
        timings,
        held,
        collection,
        context,
    }
}
