//! `corroborate eval ...`: quality figures on the shared evaluation corpora, ours and peer
//! systems' scored by the same code in the same run.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, Subcommand};
use corroborate::ingest::text_article;
use corroborate::pipeline::{PipelineConfig, analyze_articles};
use corroborate::render::JsonAnalysis;
use corroborate_eval::{
    PolnearArticle, PredictedQuote, QuoteMarks, QuoteScores, polnear_quote_gold, read_predictions,
    score_quotes, write_predictions,
};
use corroborate_eval::{
    bcubed, ecbplus_documents, extraction_benchmark_pages, partition_labels, score_extraction,
};
use corroborate_eval::{neus_clusters, neus_peer_summaries, neus_references, rouge};

use crate::Outcome;

mod facts;
use facts::facts;

#[derive(Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub command: EvalCommand,
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Direct quotes and their speakers on PolNeAR (precision, recall, F1, speaker accuracy).
    Quotes(QuotesArgs),
    /// Summaries of NeuS clusters: ROUGE-1/2/L F1 of ours and of the published systems.
    Summaries(SummariesArgs),
    /// Story grouping on ECB+: sub-event B-cubed precision, recall and F1 by split and pooled.
    Stories(StoriesArgs),
    /// Main-text extraction on the article-extraction benchmark: F1, precision, recall, accuracy.
    Extraction(ExtractionArgs),
    /// Write a synthetic collection (invented stories with reprints, furniture and noise) as
    /// JSON Lines, for scale and load measurements; `story` holds the true story.
    Generate(GenerateArgs),
    /// Facts of multi-source real news (ECB+ sub-events, NeuS clusters, FNC-1 stories,
    /// ClaimDiff pairs) listed with their evidence sentences, disputed and agreed, for
    /// hand-checking their precision.
    Facts(FactsArgs),
}

#[derive(Args)]
pub struct FactsArgs {
    /// The ECB+ file (ecbplus.jsonl): each sub-event is briefed as one story.
    #[arg(long, value_name = "FILE")]
    pub ecbplus: Option<PathBuf>,
    /// The NeuS clusters file (clusters.jsonl): each cluster is briefed as one story.
    #[arg(long, value_name = "FILE")]
    pub neus: Option<PathBuf>,
    /// The FNC-1 directory: bodies related to one headline are briefed as one story.
    #[arg(long, value_name = "DIR")]
    pub fnc1: Option<PathBuf>,
    /// A ClaimDiff file (ClaimDiff-weak-test.json): each pair of claims is briefed as a story
    /// of two sources, and the pairs with a disputed fact are counted by their label.
    #[arg(long, value_name = "FILE")]
    pub claimdiff: Option<PathBuf>,
    /// How many disputed and how many agreed facts to list (evenly spaced over all found).
    #[arg(long, default_value_t = 30)]
    pub sample: usize,
    /// Write the listing here (it quotes corpus text: keep it out of the repository).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Args)]
pub struct GenerateArgs {
    #[arg(long, default_value_t = 1000)]
    pub articles: usize,
    #[arg(long, default_value_t = 100)]
    pub stories: usize,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args)]
pub struct StoriesArgs {
    /// The ECB+ file (ecbplus.jsonl).
    #[arg(long, value_name = "FILE", required_unless_present = "synthetic")]
    pub ecbplus: Option<PathBuf>,
    /// A generated collection (`eval generate`): B-cubed against its `story` field (each
    /// noise article its own story), with articles per second and peak memory.
    #[arg(long, value_name = "FILE", conflicts_with = "ecbplus")]
    pub synthetic: Option<PathBuf>,
}

#[derive(Args)]
pub struct ExtractionArgs {
    /// The benchmark directory (ground-truth.json and html/).
    #[arg(long, value_name = "DIR")]
    pub benchmark: PathBuf,
}

#[derive(Args)]
pub struct SummariesArgs {
    /// The NeuS clusters file (clusters.jsonl).
    #[arg(long, value_name = "FILE")]
    pub neus: PathBuf,
    /// Published systems' summaries (default: peer_summaries.jsonl beside the clusters).
    #[arg(long, value_name = "FILE")]
    pub peers: Option<PathBuf>,
    /// Summary length budget in words, the same for every cluster (the references average 74).
    #[arg(long, default_value_t = 75)]
    pub words: usize,
    /// Write our summaries (JSON Lines: id, summary) to this file.
    #[arg(long, value_name = "FILE")]
    pub write_summaries: Option<PathBuf>,
}

#[derive(Args)]
pub struct QuotesArgs {
    /// A PolNeAR JSON Lines file (dev.jsonl or train.jsonl).
    #[arg(long, value_name = "FILE")]
    pub polnear: PathBuf,
    /// A peer system's predictions to score beside ours, as NAME=FILE (repeatable).
    #[arg(long, value_name = "NAME=FILE")]
    pub peer: Vec<String>,
    /// Write our predictions to this file (the same JSON Lines form peers use).
    #[arg(long, value_name = "FILE")]
    pub write_predictions: Option<PathBuf>,
    /// Write our errors on the first gold definition (wrong speakers, missed gold quotes,
    /// predictions matching no gold) with their context to this file, for error analysis.
    /// The file quotes the corpus: keep it out of the repository.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
}

pub fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    match args.command {
        EvalCommand::Quotes(args) => quotes(args),
        EvalCommand::Summaries(args) => summaries(args),
        EvalCommand::Stories(args) => stories(args),
        EvalCommand::Extraction(args) => extraction(args),
        EvalCommand::Generate(args) => generate(args),
        EvalCommand::Facts(args) => facts(args),
    }
}

fn generate(args: GenerateArgs) -> anyhow::Result<Outcome> {
    use rayon::prelude::*;
    let config = corroborate_eval::SyntheticConfig {
        articles: args.articles,
        stories: args.stories,
        seed: args.seed,
        ..corroborate_eval::SyntheticConfig::default()
    };
    let collection = corroborate_eval::SyntheticCollection::new(&config);
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 20, sink);
    // Articles are written from their own seeds, so a chunk is generated in parallel and
    // written in order: the file does not depend on the thread count, and memory holds one
    // chunk, whatever the size of the collection.
    const CHUNK: usize = 4096;
    for start in (0..collection.len()).step_by(CHUNK) {
        let end = (start + CHUNK).min(collection.len());
        let lines: Vec<String> = (start..end)
            .into_par_iter()
            .map(|number| serde_json::to_string(&collection.article(number)))
            .collect::<Result<_, _>>()?;
        for line in lines {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(Outcome {
        skipped_input: false,
    })
}

fn quotes(args: QuotesArgs) -> anyhow::Result<Outcome> {
    // Texts come from the gold file; which attributions count as gold depends on the marks.
    let articles = polnear_quote_gold(&args.polnear, QuoteMarks::Double)?;
    let config = PipelineConfig::default();
    let started = Instant::now();
    // Our quotes, each with the quotation mark that opens it.
    let mut ours: BTreeMap<String, Vec<(PredictedQuote, String)>> = BTreeMap::new();
    for article in &articles {
        let Some(input) = text_article(&article.id, &article.id, article.text.as_bytes()).0 else {
            ours.insert(article.id.clone(), Vec::new());
            continue;
        };
        let (analyzed, _) = analyze_articles(std::slice::from_ref(&input), &config);
        let analysis = JsonAnalysis::from_article(&analyzed[0]);
        let chars = CharIndex::new(&article.text);
        let quotes = analysis
            .quotes
            .iter()
            .map(|quote| {
                let predicted = PredictedQuote {
                    start: chars.of(quote.start),
                    end: chars.of(quote.end),
                    parts: Some(
                        quote
                            .parts
                            .iter()
                            .map(|part| (chars.of(part.start), chars.of(part.end)))
                            .collect(),
                    ),
                    speaker: quote.speaker.clone(),
                    speaker_start: quote.speaker_start.map(|at| chars.of(at)),
                    speaker_end: quote.speaker_end.map(|at| chars.of(at)),
                };
                (predicted, opening_mark(&article.text, quote.start))
            })
            .collect();
        ours.insert(article.id.clone(), quotes);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let all_ours: BTreeMap<String, Vec<PredictedQuote>> = ours
        .iter()
        .map(|(id, quotes)| {
            (
                id.clone(),
                quotes.iter().map(|(quote, _)| quote.clone()).collect(),
            )
        })
        .collect();
    if let Some(path) = &args.write_predictions {
        let file =
            fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        write_predictions(std::io::BufWriter::new(file), &all_ours)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let mut peers = Vec::new();
    for peer in &args.peer {
        let (name, path) = peer
            .split_once('=')
            .with_context(|| format!("--peer {peer:?} is not NAME=FILE"))?;
        peers.push((
            name.to_string(),
            read_predictions(PathBuf::from(path).as_path())?,
        ));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (marks, title) in [
        (
            QuoteMarks::Double,
            "gold: content with a double quotation mark (\" \u{201C} \u{201D}), as published",
        ),
        (
            QuoteMarks::DoubleAndDoubledApostrophes,
            "gold: content with \" \u{201C} \u{201D} or '' (the New York Times texts write '' for \")",
        ),
    ] {
        let gold = polnear_quote_gold(&args.polnear, marks)?;
        // Scored on the gold's own definition: our quotes opened by a mark the gold counts.
        let same_marks: BTreeMap<String, Vec<PredictedQuote>> = ours
            .iter()
            .map(|(id, quotes)| {
                let kept = quotes
                    .iter()
                    .filter(|(_, mark)| marks.found_in(mark))
                    .map(|(quote, _)| quote.clone())
                    .collect();
                (id.clone(), kept)
            })
            .collect();
        let gold_count: usize = gold.iter().map(|article| article.gold.len()).sum();
        writeln!(
            out,
            "{}: {} articles, {gold_count} gold quotes; {title}",
            args.polnear.display(),
            gold.len()
        )?;
        writeln!(
            out,
            "{:<34} {:>6} {:>7} {:>7} {:>7} {:>7} {:>8} {:>6}",
            "system", "pred", "matched", "P", "R", "F1", "speaker", "(of)"
        )?;
        print_row(&mut out, "corroborate", &score_quotes(&gold, &same_marks))?;
        if let Some(path) = args.errors.as_ref().filter(|_| marks == QuoteMarks::Double) {
            let file = fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            write_quote_errors(std::io::BufWriter::new(file), &gold, &same_marks)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        print_row(
            &mut out,
            "corroborate, every quote mark",
            &score_quotes(&gold, &all_ours),
        )?;
        for (name, predictions) in &peers {
            print_row(&mut out, name, &score_quotes(&gold, predictions))?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "corroborate analysed {} articles in {:.2} s ({:.0} articles/s: cleaning and analysis, one thread)",
        articles.len(),
        elapsed,
        articles.len() as f64 / elapsed.max(1e-9)
    )?;
    Ok(Outcome {
        skipped_input: false,
    })
}

/// Lists the scorer's errors article by article: a wrong speaker (`SPEAKER`), a gold quote
/// no prediction matched (`MISSED`), a prediction matching no gold (`FALSE`), each with the
/// text around it. Offsets are characters, as the gold's.
fn write_quote_errors(
    mut out: impl Write,
    gold: &[PolnearArticle],
    predictions: &BTreeMap<String, Vec<PredictedQuote>>,
) -> std::io::Result<()> {
    let none = Vec::new();
    for article in gold {
        let predicted = predictions.get(&article.id).unwrap_or(&none);
        let chars: Vec<char> = article.text.chars().collect();
        let slice = |start: usize, end: usize| -> String {
            let end = end.min(chars.len());
            let start = start.min(end);
            chars[start..end]
                .iter()
                .map(|&c| if c == '\n' { '\u{b6}' } else { c })
                .collect()
        };
        let short = |start: usize, end: usize| -> String {
            if end.saturating_sub(start) > 160 {
                format!(
                    "{} [...] {}",
                    slice(start, start + 70),
                    slice(end - 70, end)
                )
            } else {
                slice(start, end)
            }
        };
        let context = |start: usize, end: usize| -> String {
            let from = start.saturating_sub(220);
            let to = (end + 120).min(chars.len());
            if end.saturating_sub(start) > 400 {
                format!(
                    "{} [...] {}",
                    slice(from, start + 150),
                    slice(end.saturating_sub(150), to)
                )
            } else {
                slice(from, to)
            }
        };
        let pairings = corroborate_eval::pair_article(article, predicted);
        let mut matched_gold = vec![false; article.gold.len()];
        for pairing in &pairings {
            let quote = &predicted[pairing.predicted];
            let speaker = format!(
                "{:?} at {:?}",
                quote.speaker.as_deref().unwrap_or("-"),
                quote
                    .speaker_start
                    .zip(quote.speaker_end)
                    .map(|(start, end)| slice(start, end))
            );
            match pairing.gold {
                None => writeln!(
                    out,
                    "FALSE {} @{}\n  quote: {}\n  speaker: {speaker}\n  context: {}\n",
                    article.id,
                    quote.start,
                    short(quote.start, quote.end),
                    context(quote.start, quote.end)
                )?,
                Some(index) => {
                    matched_gold[index] = true;
                    if pairing.speaker_correct == Some(false) {
                        let gold_quote = &article.gold[index];
                        let source_start = gold_quote.source.iter().map(|s| s.0).min();
                        let source_end = gold_quote.source.iter().map(|s| s.1).max();
                        let from = source_start.map_or(quote.start, |s| s.min(quote.start));
                        let to = source_end.map_or(quote.end, |e| e.max(quote.end));
                        writeln!(
                            out,
                            "SPEAKER {} @{}\n  quote: {}\n  ours: {speaker}\n  gold: {:?}\n  context: {}\n",
                            article.id,
                            quote.start,
                            short(quote.start, quote.end),
                            gold_quote.source_text.as_deref().unwrap_or("-"),
                            context(from, to)
                        )?;
                    }
                }
            }
        }
        for (index, gold_quote) in article.gold.iter().enumerate() {
            if matched_gold[index] {
                continue;
            }
            let start = gold_quote.content.iter().map(|s| s.0).min().unwrap_or(0);
            let end = gold_quote
                .content
                .iter()
                .map(|s| s.1)
                .max()
                .unwrap_or(start);
            writeln!(
                out,
                "MISSED {} @{}\n  gold: {}\n  source: {:?}\n  context: {}\n",
                article.id,
                start,
                short(start, end),
                gold_quote.source_text.as_deref().unwrap_or("-"),
                context(start, end)
            )?;
        }
    }
    out.flush()
}

/// The quotation mark right before a quote's first byte (`"`, `“`, `''`, `‘`...).
fn opening_mark(text: &str, start: usize) -> String {
    let before = text[..start.min(text.len())].trim_end();
    if before.ends_with("''") {
        return "''".to_string();
    }
    before
        .chars()
        .next_back()
        .map(String::from)
        .unwrap_or_default()
}

fn print_row(out: &mut impl Write, name: &str, scores: &QuoteScores) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<34} {:>6} {:>7} {:>7.3} {:>7.3} {:>7.3} {:>8.3} {:>6}",
        name,
        scores.predicted,
        scores.matched,
        scores.precision(),
        scores.recall(),
        scores.f1(),
        scores.speaker_accuracy(),
        scores.speaker_total
    )
}

/// Byte offset -> character offset for one text.
struct CharIndex {
    chars_before: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let mut chars_before = vec![0; text.len() + 1];
        let mut count = 0;
        let mut last = 0;
        for (offset, c) in text.char_indices() {
            for slot in &mut chars_before[last..=offset] {
                *slot = count;
            }
            count += 1;
            last = offset + c.len_utf8();
            let _ = c;
        }
        for slot in &mut chars_before[last..] {
            *slot = count;
        }
        CharIndex { chars_before }
    }

    fn of(&self, byte: usize) -> usize {
        self.chars_before[byte.min(self.chars_before.len() - 1)]
    }
}

/// Development clusters are 0-149, report clusters 150-306 (the corpus README's split).
const NEUS_FIRST_TEST_CLUSTER: usize = 150;

fn summaries(args: SummariesArgs) -> anyhow::Result<Outcome> {
    let documents = neus_clusters(&args.neus)?;
    let references = neus_references(&args.neus)?;
    let peers_path = args
        .peers
        .clone()
        .unwrap_or_else(|| args.neus.with_file_name("peer_summaries.jsonl"));
    let peers = if peers_path.is_file() {
        neus_peer_summaries(&peers_path)?
    } else {
        BTreeMap::new()
    };
    let mut config = PipelineConfig::default();
    config.reconcile.summary.words = args.words;
    let mut clusters: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for document in documents {
        clusters
            .entry(document.group)
            .or_default()
            .push(document.text);
    }
    let started = Instant::now();
    let mut ours: BTreeMap<String, String> = BTreeMap::new();
    for (id, texts) in &clusters {
        let articles: Vec<_> = texts
            .iter()
            .enumerate()
            .filter_map(|(index, text)| {
                let name = format!("{id}-{index}");
                text_article(&name, &name, text.as_bytes()).0
            })
            .collect();
        let run = corroborate::pipeline::brief_articles(articles, &config);
        let summary: Vec<&str> = run
            .brief
            .summary
            .iter()
            .map(|sentence| sentence.text.as_str())
            .collect();
        ours.insert(id.clone(), summary.join(" "));
    }
    let elapsed = started.elapsed().as_secs_f64();
    if let Some(path) = &args.write_summaries {
        let file =
            fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        let mut file = std::io::BufWriter::new(file);
        for (id, summary) in &ours {
            writeln!(
                file,
                "{}",
                serde_json::json!({ "id": id, "summary": summary })
            )?;
        }
    }
    let is_test = |id: &str| {
        id.rsplit('-')
            .next()
            .and_then(|n| n.parse::<usize>().ok())
            .map(|n| n >= NEUS_FIRST_TEST_CLUSTER)
    };
    let mut systems: Vec<(String, BTreeMap<String, String>)> =
        vec![("corroborate".to_string(), ours)];
    let mut names: Vec<String> = peers
        .values()
        .flat_map(|systems| systems.keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    for name in names {
        let summaries = peers
            .iter()
            .filter_map(|(id, systems)| {
                systems
                    .get(&name)
                    .map(|summary| (id.clone(), summary.clone()))
            })
            .collect();
        systems.push((name, summaries));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(
        out,
        "{}: {} clusters; ROUGE F1 x100, Porter-stemmed as rouge-score; our budget {} words",
        args.neus.display(),
        clusters.len(),
        args.words
    )?;
    writeln!(
        out,
        "{:<28} {:>6} {:>6} {:>6} {:>6} | {:>7} {:>6} {:>6} {:>6}",
        "system", "dev R1", "R2", "RL", "words", "test R1", "R2", "RL", "words"
    )?;
    for (name, summaries) in &systems {
        let mut row = format!("{name:<28}");
        for test in [false, true] {
            let mut totals = [0.0f64; 4];
            let mut count = 0;
            for (id, reference) in &references {
                if is_test(id) != Some(test) {
                    continue;
                }
                let Some(summary) = summaries.get(id) else {
                    continue;
                };
                let scores = rouge(summary, reference);
                totals[0] += scores.rouge1.f1;
                totals[1] += scores.rouge2.f1;
                totals[2] += scores.rouge_l.f1;
                totals[3] += summary.split_whitespace().count() as f64;
                count += 1;
            }
            let n = count.max(1) as f64;
            let separator = if test { "" } else { " |" };
            row.push_str(&format!(
                " {:>6.2} {:>6.2} {:>6.2} {:>6.1}{separator}",
                100.0 * totals[0] / n,
                100.0 * totals[1] / n,
                100.0 * totals[2] / n,
                totals[3] / n
            ));
        }
        writeln!(out, "{row}")?;
    }
    writeln!(
        out,
        "corroborate summarised {} clusters in {:.2} s",
        clusters.len(),
        elapsed
    )?;
    Ok(Outcome {
        skipped_input: false,
    })
}

/// The split of an ECB+ topic (Cybulska and Vossen 2015, as the corpus README gives it).
fn ecbplus_split(topic: u32) -> &'static str {
    match topic {
        36..=45 => "test",
        2 | 5 | 12 | 18 | 21 | 23 | 34 | 35 => "dev",
        _ => "train",
    }
}

fn stories(args: StoriesArgs) -> anyhow::Result<Outcome> {
    if let Some(path) = &args.synthetic {
        return synthetic_stories(path);
    }
    let ecbplus = args.ecbplus.as_ref().expect("clap requires one of the two");
    let documents = ecbplus_documents(ecbplus)?;
    let config = PipelineConfig::default();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(
        out,
        "{}: sub-event B-cubed of story grouping",
        ecbplus.display()
    )?;
    for set in ["train", "dev", "test", "all"] {
        let chosen: Vec<_> = documents
            .iter()
            .filter(|document| {
                let topic: u32 = document
                    .id
                    .split('_')
                    .next()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0);
                set == "all" || ecbplus_split(topic) == set
            })
            .collect();
        let articles: Vec<_> = chosen
            .iter()
            .filter_map(|document| {
                text_article(&document.id, &document.id, document.text.as_bytes()).0
            })
            .collect();
        let started = Instant::now();
        let (analyzed, _) = analyze_articles(&articles, &config);
        let grouping =
            corroborate::group::group(&analyzed, &corroborate::group::GroupConfig::default());
        let elapsed = started.elapsed().as_secs_f64();
        let predicted = partition_labels(&grouping.stories, analyzed.len());
        let gold: Vec<&str> = chosen
            .iter()
            .map(|document| document.group.as_str())
            .collect();
        let scores = bcubed(&predicted, &gold);
        writeln!(
            out,
            "{set:<6} {:>4} articles {:>3} stories  P {:.3}  R {:.3}  F1 {:.3}  ({:.2} s with analysis)",
            analyzed.len(),
            grouping.stories.len(),
            scores.precision,
            scores.recall,
            scores.f1,
            elapsed
        )?;
    }
    Ok(Outcome {
        skipped_input: false,
    })
}

/// Groups a generated collection end to end (read, clean, analyse, group) and scores it.
fn synthetic_stories(path: &std::path::Path) -> anyhow::Result<Outcome> {
    let config = PipelineConfig::default();
    let started = Instant::now();
    let run = corroborate::pipeline::stories_inputs(&[path.display().to_string()], &config);
    let elapsed = started.elapsed().as_secs_f64();
    // The gold labels are read after the run, a line at a time, so they add nothing to the
    // run's time or peak memory.
    let gold_by_id = synthetic_gold(path)?;
    let predicted = partition_labels(&run.grouping.stories, run.articles.len());
    let gold: Vec<String> = run
        .articles
        .iter()
        .map(|article| {
            let id = article.id.as_str();
            match gold_by_id.get(id) {
                Some(Some(story)) => format!("story-{story}"),
                Some(None) => format!("alone-{id}"),
                None => "unknown".to_string(),
            }
        })
        .collect();
    let gold: Vec<&str> = gold.iter().map(String::as_str).collect();
    let scores = bcubed(&predicted, &gold);
    let largest = run.grouping.stories.iter().map(Vec::len).max().unwrap_or(0);
    let timings = &run.timings;
    println!(
        "{}: {} articles, {} stories (largest {largest})  B-cubed P {:.3}  R {:.3}  F1 {:.3}  {:.1} s end to end, {:.0} articles/s, peak memory {}",
        path.display(),
        run.articles.len(),
        run.grouping.stories.len(),
        scores.precision,
        scores.recall,
        scores.f1,
        elapsed,
        run.articles.len() as f64 / elapsed.max(1e-9),
        peak_memory().unwrap_or_else(|| "unknown".into()),
    );
    println!(
        "stages: first reading and cleaning context {:.1} s, second reading, clean and analyse {:.1} s, group {:.1} s",
        timings.context.as_secs_f64(),
        timings.analyze.as_secs_f64(),
        timings.group.as_secs_f64(),
    );
    let held = &run.held;
    let per_article = |bytes: usize| bytes / run.articles.len().max(1);
    println!(
        "held before grouping: articles {} B, sketches {} B, shared dictionaries {} B, cleaning context {} B an article",
        per_article(held.articles),
        per_article(held.sketches),
        per_article(held.dictionaries),
        per_article(held.context),
    );
    Ok(Outcome {
        skipped_input: false,
    })
}

/// Each article's story in a generated collection (`None` for noise), read a line at a time.
fn synthetic_gold(
    path: &std::path::Path,
) -> anyhow::Result<std::collections::HashMap<String, Option<u64>>> {
    #[derive(serde::Deserialize)]
    struct Gold {
        id: String,
        story: Option<u64>,
    }
    use std::io::BufRead;
    let file = fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut gold = std::collections::HashMap::new();
    for (number, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        let record: Gold = serde_json::from_str(&line).with_context(|| {
            format!("{}:{}: not a generated article", path.display(), number + 1)
        })?;
        gold.insert(record.id, record.story);
    }
    Ok(gold)
}

/// The process's peak resident memory, from `/proc/self/status` where there is one.
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.0} MB", kilobytes / 1024.0))
}

fn extraction(args: ExtractionArgs) -> anyhow::Result<Outcome> {
    let pages = extraction_benchmark_pages(&args.benchmark)?;
    let started = Instant::now();
    let predicted: Vec<String> = pages
        .iter()
        .map(|page| corroborate::ingest::extract_html(&page.html, Some(&page.url)).text)
        .collect();
    let elapsed = started.elapsed().as_secs_f64();
    let scores = score_extraction(
        predicted
            .iter()
            .zip(&pages)
            .map(|(text, page)| (text.as_str(), page.truth.as_str())),
    );
    writeln!(
        std::io::stdout(),
        "{}: {} pages  F1 {:.3}  P {:.3}  R {:.3}  exact {:.3}  ({:.0} pages/s, one thread)",
        args.benchmark.display(),
        scores.pages,
        scores.f1,
        scores.precision,
        scores.recall,
        scores.accuracy,
        pages.len() as f64 / elapsed.max(1e-9)
    )?;
    Ok(Outcome {
        skipped_input: false,
    })
}
