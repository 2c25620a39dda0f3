//! `corroborate stories PATH...`: groups a collection into stories and lists them, with the
//! copies (exact and near duplicates) inside each; `--explain ID` says why an article is in
//! its story.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use corroborate::group::{ClusterConfig, Decision, Grouping, Verdict};
use corroborate::model::Story;
use corroborate::pipeline::{PipelineConfig, StoriesRun, stories_inputs_with_progress};
use corroborate::reconcile::{copy_groups, reconcile};
use corroborate::render::{Format, IndexEntry, RenderOptions, index_page, render};
use serde::Serialize;

use super::output::{Progress, print_diagnostics, write_output};
use crate::Outcome;

#[derive(Clone, Copy, ValueEnum)]
pub enum StoriesFormat {
    /// A readable list.
    Text,
    /// One JSON object a story.
    Jsonl,
}

#[derive(Args)]
pub struct StoriesArgs {
    /// Inputs (.txt, .html, .jsonl, .warc, .rss, .atom, feeds in .xml/.json, each optionally
    /// .gz), directories of them, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: StoriesFormat,
    /// Instead of the list, say why the article with this id (its file name) is in its story.
    #[arg(long, value_name = "ID")]
    pub explain: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write each story's brief (T1.json, T1.html, ...) and an index.html into DIR.
    #[arg(long, value_name = "DIR")]
    pub briefs: Option<PathBuf>,
    /// Summary length budget in words for the briefs.
    #[arg(long, default_value_t = 120)]
    pub words: usize,
}

pub fn run(args: StoriesArgs) -> anyhow::Result<Outcome> {
    let mut config = PipelineConfig::default();
    config.reconcile.summary.words = args.words;
    let bar = Progress::on_terminal();
    let run = stories_inputs_with_progress(&args.inputs, &config, &mut |done, total| {
        bar.update(done, total)
    });
    bar.finish();
    print_diagnostics(&run.diagnostics);
    if run.articles.is_empty() {
        bail!("no usable articles among the inputs");
    }
    let stories = summarize(&run, &config);
    let rendered = match (&args.explain, args.format) {
        (Some(id), _) => explain(&run, &stories, id, &config.group.cluster)?,
        (None, StoriesFormat::Text) => text(&stories),
        (None, StoriesFormat::Jsonl) => jsonl(&stories)?,
    };
    if let Some(dir) = &args.briefs {
        write_briefs(dir, &run, &stories, &config)?;
    }
    write_output(args.output.as_deref(), rendered.as_bytes())?;
    Ok(Outcome {
        skipped_input: run.skipped_any(),
    })
}

/// Writes each story's brief as JSON and HTML, and an index page linking the HTML ones.
fn write_briefs(
    dir: &Path,
    run: &StoriesRun,
    stories: &[StoryLine],
    config: &PipelineConfig,
) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut entries = Vec::new();
    for (story, members) in stories.iter().zip(&run.grouping.stories) {
        let articles = run.analyze(members, config);
        let brief = reconcile(&Story { articles }, &config.reconcile);
        let options = RenderOptions { color: false };
        for (format, extension) in [(Format::Json, "json"), (Format::Html, "html")] {
            let path = dir.join(format!("{}.{extension}", story.story));
            fs::write(&path, render(&brief, format, options))
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        let dates = story.dates();
        entries.push(IndexEntry {
            label: story.story.clone(),
            title: brief.title.clone(),
            href: format!("{}.html", story.story),
            articles: members.len(),
            dates,
        });
    }
    let path = dir.join("index.html");
    fs::write(&path, index_page("Stories", &entries))
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Shared names an explanation lists, strongest first.
const SHOWN_NAMES: usize = 8;

/// One story as listed.
#[derive(Serialize)]
struct StoryLine {
    story: String,
    title: Option<String>,
    articles: Vec<String>,
    first_published: Option<String>,
    last_published: Option<String>,
    copies: Vec<Vec<String>>,
    /// The articles' own input fields the reader does not know, by article id; absent
    /// when none has any.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    extra: BTreeMap<String, serde_json::Value>,
}

impl StoryLine {
    /// `2024-04-02`, `2024-04-02 to 2024-04-03`, or empty when no article is dated.
    fn dates(&self) -> String {
        match (&self.first_published, &self.last_published) {
            (Some(first), Some(last)) if first == last => first.clone(),
            (Some(first), Some(last)) => format!("{first} to {last}"),
            _ => String::new(),
        }
    }
}

fn summarize(run: &StoriesRun, config: &PipelineConfig) -> Vec<StoryLine> {
    let grouping = &run.grouping;
    let mut read_rank = vec![0; run.articles.len()];
    for (rank, &index) in grouping.order.iter().enumerate() {
        read_rank[index] = rank;
    }
    let id = |index: usize| run.articles[index].id.to_string();
    grouping
        .stories
        .iter()
        .enumerate()
        .map(|(number, members)| {
            let dates: Vec<_> = members
                .iter()
                .filter_map(|&index| run.articles[index].published)
                .collect();
            // The copy groups the story's brief counts once for independent support: near
            // duplicates and reprints that share substantial passages.
            // A story of one has no copies: its article is not read again.
            let copies = if members.len() < 2 {
                Vec::new()
            } else {
                let texts = run.clean_texts(members, config);
                let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
                copy_groups(&texts)
                    .into_iter()
                    .map(|group| group.iter().map(|&at| id(members[at])).collect())
                    .collect()
            };
            StoryLine {
                story: story_label(number),
                title: story_title(&run.titles, grouping, &read_rank, members),
                articles: members.iter().map(|&index| id(index)).collect(),
                first_published: dates.iter().min().map(ToString::to_string),
                last_published: dates.iter().max().map(ToString::to_string),
                copies,
                extra: members
                    .iter()
                    .filter_map(|&index| {
                        let extra = run.extra.get(index)?.as_deref()?;
                        Some((id(index), serde_json::from_str(extra).ok()?))
                    })
                    .collect(),
            }
        })
        .collect()
}

fn story_label(number: usize) -> String {
    format!("T{}", number + 1)
}

/// The title of the article that fits its story best (the highest average similarity with
/// the others); a story of one takes its only title. Ties go to the earliest-read article.
fn story_title(
    titles: &[Option<String>],
    grouping: &Grouping,
    read_rank: &[usize],
    members: &[usize],
) -> Option<String> {
    members
        .iter()
        .copied()
        .filter(|&index| titles[index].is_some())
        .max_by(|&a, &b| {
            let score = |index: usize| {
                grouping.decisions[index]
                    .fit
                    .as_ref()
                    .map_or(0.0, |fit| fit.score)
            };
            score(a)
                .total_cmp(&score(b))
                .then_with(|| read_rank[b].cmp(&read_rank[a]))
        })
        .and_then(|index| titles[index].as_deref())
        .map(|title| title.trim().to_string())
}

fn text(stories: &[StoryLine]) -> String {
    let mut out = String::new();
    for story in stories {
        let count = match story.articles.len() {
            1 => "1 article".to_string(),
            n => format!("{n} articles"),
        };
        let dates = match story.dates() {
            dates if dates.is_empty() => dates,
            dates => format!(", {dates}"),
        };
        let title = story.title.as_deref().unwrap_or("(untitled)");
        let _ = writeln!(out, "{}  {title}  ({count}{dates})", story.story);
        let _ = writeln!(out, "    {}", story.articles.join(", "));
        for group in &story.copies {
            let _ = writeln!(out, "    same copy: {}", group.join(" = "));
        }
    }
    out
}

fn jsonl(stories: &[StoryLine]) -> anyhow::Result<String> {
    let mut out = String::new();
    for story in stories {
        out.push_str(&serde_json::to_string(story)?);
        out.push('\n');
    }
    Ok(out)
}

fn explain(
    run: &StoriesRun,
    stories: &[StoryLine],
    id: &str,
    cluster: &ClusterConfig,
) -> anyhow::Result<String> {
    let matching: Vec<usize> = (0..run.articles.len())
        .filter(|&index| run.articles[index].id.to_string() == id)
        .collect();
    if matching.is_empty() {
        bail!("no article with id {id:?} among the inputs (ids are file names)");
    }
    let mut out = String::new();
    for index in matching {
        let decision = &run.grouping.decisions[index];
        describe(&mut out, run, stories, decision, cluster);
    }
    Ok(out)
}

fn describe(
    out: &mut String,
    run: &StoriesRun,
    stories: &[StoryLine],
    decision: &Decision,
    cluster: &ClusterConfig,
) {
    let (threshold, unnamed) = (cluster.threshold, cluster.unnamed_threshold);
    let article = &run.articles[decision.article];
    let story = &stories[decision.story];
    let title = story.title.as_deref().unwrap_or("(untitled)");
    let _ = writeln!(out, "{} ({})", article.id, article.input);
    let _ = writeln!(
        out,
        "  story: {} {title} ({} articles)",
        story.story,
        story.articles.len()
    );
    let score = decision
        .read_score
        .map(|score| format!("{score:.3}"))
        .unwrap_or_else(|| "none".to_string());
    let reading = match decision.verdict {
        Verdict::Opened => format!(
            "opened a new story: the best open story scored {score} (the threshold is {threshold}, or {unnamed} for a story sharing none of the article's names)"
        ),
        Verdict::Joined => {
            format!("joined the best open story, score {score} (threshold {threshold})")
        }
        Verdict::Copy { of } => format!(
            "is a copy of {} and follows it into its story",
            run.articles[of].id
        ),
    };
    let _ = writeln!(out, "  when read: {reading}");
    if decision.split {
        let _ = writeln!(
            out,
            "  second look: split off from articles it was first read with"
        );
    }
    if decision.merged {
        let _ = writeln!(
            out,
            "  second look: its story was merged with another of the same event"
        );
    }
    match &decision.fit {
        Some(fit) => {
            let _ = writeln!(
                out,
                "  fit: score {:.3} (words {:.3}, names and numbers {:.3})",
                fit.score, fit.text_similarity, fit.entity_similarity
            );
            if !fit.shared_entities.is_empty() {
                let shown = &fit.shared_entities[..fit.shared_entities.len().min(SHOWN_NAMES)];
                let more = fit.shared_entities.len() - shown.len();
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                let _ = writeln!(out, "  shared names: {}{more}", shown.join(", "));
            }
            if let Some(days) = fit.time_gap_days {
                let _ = writeln!(out, "  time gap: {days} days to the nearest other article");
            }
        }
        None if story.articles.len() == 1 => {
            let _ = writeln!(out, "  alone in its story");
        }
        None => {}
    }
}
