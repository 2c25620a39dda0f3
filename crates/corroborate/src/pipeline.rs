//! The one place where stages are wired: inputs -> articles -> cleaned text -> analysed
//! articles -> story -> brief, and for a collection, analysed articles -> stories.

use corroborate_analyze::{AnalyzeConfig, analyze};
use corroborate_clean::{CleanConfig, CleanContext, clean};
use corroborate_group::{GroupConfig, Grouping, Sketches};
use corroborate_ingest::{IngestConfig, ingest};
use corroborate_model::{AnalyzedArticle, Article, Brief, CleanText, Diagnostic, Severity, Story};
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

/// The outcome of grouping a collection into stories. The analyses are not kept (a large
/// collection's would not fit in memory): [`StoriesRun::analyze`] and
/// [`StoriesRun::clean_texts`] redo them for the articles that need them, with the same
/// cleaning context, so they are the analyses grouping read.
#[derive(Debug)]
pub struct StoriesRun {
    /// The usable articles as read, in input order; the grouping's indices point into it.
    pub articles: Vec<Article>,
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
    context: CleanContext,
}

/// Wall-clock time of each stage of [`stories_inputs`].
#[derive(Clone, Debug, Default)]
pub struct StageTimings {
    pub ingest: Duration,
    /// Measuring the batch for cleaning (repeated lines, vocabulary).
    pub context: Duration,
    /// Cleaning and analysis, in parallel, and sketching for grouping.
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

    /// Cleans and analyses the articles at `indices` again, as grouping read them.
    pub fn analyze(&self, indices: &[usize], config: &PipelineConfig) -> Vec<AnalyzedArticle> {
        indices
            .par_iter()
            .map(|&index| {
                let (clean_text, _) = clean(&self.articles[index], &self.context, &config.clean);
                analyze(&clean_text, &config.analyze)
            })
            .collect()
    }

    /// The cleaned texts of the articles at `indices`, as grouping read them.
    pub fn clean_texts(&self, indices: &[usize], config: &PipelineConfig) -> Vec<String> {
        indices
            .par_iter()
            .map(|&index| {
                clean(&self.articles[index], &self.context, &config.clean)
                    .0
                    .text
            })
            .collect()
    }
}

/// Articles cleaned, analysed and sketched for grouping at a time: the analyses of one chunk
/// are held at once, then dropped.
const STORIES_CHUNK: usize = 2_048;

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
    let mut timings = StageTimings::default();
    let started = Instant::now();
    let report = ingest(inputs, &config.ingest);
    timings.ingest = started.elapsed();
    let started = Instant::now();
    let context = CleanContext::new(&report.articles);
    timings.context = started.elapsed();
    let started = Instant::now();
    let mut sketches = Sketches::new(&config.group);
    let mut titles = Vec::with_capacity(report.articles.len());
    let mut diagnostics = report.diagnostics;
    let total = report.articles.len();
    progress(0, total);
    for (index, chunk) in report.articles.chunks(STORIES_CHUNK).enumerate() {
        let (analyzed, mut messages) = analyze_in_context(chunk, &context, config);
        progress((index * STORIES_CHUNK + chunk.len()).min(total), total);
        titles.extend(
            analyzed
                .iter()
                .map(|article| article.title().map(str::to_owned)),
        );
        sketches.add(&analyzed);
        diagnostics.append(&mut messages);
    }
    timings.analyze = started.elapsed();
    let started = Instant::now();
    let grouping = sketches.group();
    timings.group = started.elapsed();
    StoriesRun {
        articles: report.articles,
        titles,
        extra: report
            .details
            .into_iter()
            .map(|details| details.extra)
            .collect(),
        grouping,
        diagnostics,
        timings,
        context,
    }
}
