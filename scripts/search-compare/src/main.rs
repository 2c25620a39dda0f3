//! Measures SQLite FTS5 against tantivy on one JSON Lines news collection (issue 8).
//!
//! For each engine: build the index (one transaction or commit per 1,000 articles), report
//! the build time and the size on disk, then run a fixed set of query kinds whose words are
//! picked from the collection by document frequency, and report hit counts, latencies and
//! how much the two engines' top 20 agree. See README.md beside this file.

use std::collections::HashMap;
use std::error::Error;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod fts;
mod tv;

type Result<T> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

/// Articles per transaction (SQLite) or commit (tantivy), as an incremental ingest would.
pub const BATCH: usize = 1_000;
/// Results fetched per query, with their ids and scores.
pub const TOP: usize = 20;

/// One line of the collection.
#[derive(serde::Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
}

/// An article as both engines index it.
pub struct Article {
    pub id: String,
    pub title: String,
    pub text: String,
    pub outlet: String,
    /// The publication day as `YYYYMMDD`, when `published` starts with `YYYY-MM-DD`.
    pub day: Option<u32>,
}

/// A piece of a query: a word or a two-word phrase.
#[derive(Clone, Debug)]
pub enum Piece {
    Word(String),
    Phrase(String, String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Common,
    Rare,
    TwoWords,
    Phrase,
    PhraseWord,
    DateRange,
    /// The common word as the store's `search` runs it, with a snippet per hit (SQLite only).
    StoreShape,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::Common,
        Kind::Rare,
        Kind::TwoWords,
        Kind::Phrase,
        Kind::PhraseWord,
        Kind::DateRange,
        Kind::StoreShape,
    ];

    fn label(self) -> &'static str {
        match self {
            Kind::Common => "common word",
            Kind::Rare => "rare word",
            Kind::TwoWords => "two words (AND)",
            Kind::Phrase => "phrase",
            Kind::PhraseWord => "phrase + word",
            Kind::DateRange => "common word + date range",
            Kind::StoreShape => "common word, store's query with snippets",
        }
    }
}

/// A query: all pieces must occur; `days` limits `published` (inclusive, `YYYYMMDD`).
#[derive(Clone, Debug)]
pub struct Query {
    pub kind: Kind,
    pub pieces: Vec<Piece>,
    pub days: Option<(u32, u32)>,
}

impl Query {
    /// The query as a user would type it (tantivy's query language; FTS5 quotes each piece).
    fn display(&self) -> String {
        let mut out = self
            .pieces
            .iter()
            .map(|piece| match piece {
                Piece::Word(word) => word.clone(),
                Piece::Phrase(a, b) => format!("\"{a} {b}\""),
            })
            .collect::<Vec<_>>()
            .join(" ");
        if let Some((first, last)) = self.days {
            let _ = write!(out, " [{} … {}]", iso(first), iso(last));
        }
        out
    }
}

/// What one query found: every match counted, and the best [`TOP`] with their scores.
pub struct Found {
    pub total: usize,
    pub top: Vec<(String, f32)>,
}

/// A searcher of one engine, owned by one thread.
pub trait Search {
    fn run(&mut self, query: &Query) -> Result<Option<Found>>;
}

struct Options {
    collection: PathBuf,
    work: PathBuf,
    runs: usize,
    variants: usize,
    threads: usize,
    seconds: u64,
    common_rank: usize,
    rare_rank: usize,
    label: Option<String>,
}

fn options() -> Result<Options> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        collection: PathBuf::new(),
        work: std::env::temp_dir().join("search-compare"),
        runs: 200,
        variants: 5,
        threads: 2,
        seconds: 5,
        common_rank: 50,
        rare_rank: 5_000,
        label: None,
    };
    let mut collection = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--work" => options.work = PathBuf::from(value("--work")?),
            "--runs" => options.runs = value("--runs")?.parse()?,
            "--variants" => options.variants = value("--variants")?.parse()?,
            "--threads" => options.threads = value("--threads")?.parse()?,
            "--seconds" => options.seconds = value("--seconds")?.parse()?,
            "--common-rank" => options.common_rank = value("--common-rank")?.parse()?,
            "--rare-rank" => options.rare_rank = value("--rare-rank")?.parse()?,
            "--label" => options.label = Some(value("--label")?),
            "-h" | "--help" => {
                println!(
                    "usage: search-compare COLLECTION.jsonl [--work DIR] [--runs N] [--variants K] \
                     [--threads T] [--seconds S] [--common-rank R] [--rare-rank R] [--label NAME]"
                );
                std::process::exit(0);
            }
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}").into());
            }
            other => collection = Some(PathBuf::from(other)),
        }
    }
    options.collection = collection.ok_or("no collection given (a JSON Lines file)")?;
    if options.runs == 0 || options.variants == 0 || options.threads == 0 {
        return Err("--runs, --variants and --threads must be at least 1".into());
    }
    Ok(options)
}

fn main() {
    if let Err(error) = run() {
        eprintln!("search-compare: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let options = options()?;
    let started = Instant::now();
    let (articles, skipped) = read_collection(&options.collection)?;
    eprintln!(
        "read {} articles ({} lines skipped) in {:.1} s",
        articles.len(),
        skipped,
        started.elapsed().as_secs_f64()
    );
    if articles.is_empty() {
        return Err("the collection holds no article".into());
    }
    let queries = pick_queries(&articles, &options)?;
    std::fs::create_dir_all(&options.work)?;

    let mut report = String::new();
    let title = options.label.clone().unwrap_or_else(|| {
        options
            .collection
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let _ = writeln!(
        report,
        "## {title}: {} articles, {:.0} MB of title + text\n",
        articles.len(),
        articles
            .iter()
            .map(|a| (a.title.len() + a.text.len()) as f64)
            .sum::<f64>()
            / 1e6
    );

    // Build both, one after the other, so neither competes with the other for the 2 cores.
    let sqlite_path = options.work.join("fts5.db");
    let tantivy_path = options.work.join("tantivy");
    eprintln!("building SQLite FTS5 …");
    let sqlite_build = fts::build(&sqlite_path, &articles)?;
    eprintln!("  {:.1} s", sqlite_build.seconds);
    eprintln!("building tantivy …");
    let tantivy_build = tv::build(&tantivy_path, &articles)?;
    eprintln!("  {:.1} s", tantivy_build.seconds);
    let count = articles.len() as f64;
    drop(articles);

    let _ = writeln!(
        report,
        "| engine | build | articles/s | on disk | of which the search index | notes |\n|---|---:|---:|---:|---:|---|"
    );
    for (name, build) in [("SQLite FTS5", &sqlite_build), ("tantivy", &tantivy_build)] {
        let _ = writeln!(
            report,
            "| {name} | {:.1} s | {:.0} | {:.0} MB | {:.0} MB | {} |",
            build.seconds,
            count / build.seconds,
            build.bytes as f64 / 1e6,
            build.index_bytes as f64 / 1e6,
            build.notes
        );
    }

    // Latencies: one thread, each query run `runs` times after one untimed run.
    let tantivy_index = tv::open(&tantivy_path)?;
    let engines = [
        "FTS5, store's SQL",
        "FTS5, lean SQL",
        "FTS5, newest first",
        "tantivy",
    ];
    let open = |engine: usize| -> Result<Box<dyn Search + '_>> {
        Ok(match engine {
            0 => Box::new(fts::open(&sqlite_path, fts::Mode::Store)?),
            1 => Box::new(fts::open(&sqlite_path, fts::Mode::Lean)?),
            2 => Box::new(fts::open(&sqlite_path, fts::Mode::Newest)?),
            _ => Box::new(tantivy_index.searcher()),
        })
    };
    let mut searchers = (0..engines.len()).map(&open).collect::<Result<Vec<_>>>()?;
    let mut rows: Vec<Row> = Vec::new();
    for query in &queries {
        eprintln!("{:?}: {}", query.kind, query.display());
        let mut found = Vec::new();
        let mut times = Vec::new();
        for searcher in &mut searchers {
            let answer = searcher.run(query)?;
            times.push(if answer.is_some() {
                time(searcher.as_mut(), query, options.runs)?
            } else {
                Vec::new()
            });
            found.push(answer);
        }
        rows.push(Row {
            query: query.clone(),
            found,
            times,
        });
    }
    const STORE: usize = 0;
    const LEAN: usize = 1;
    const TANTIVY: usize = 3;
    let _ = writeln!(
        report,
        "\nWhat each query kind finds ({} variants per kind; hits are the mean over the \
         variants; the overlap is the share of the FTS5 top {TOP} by bm25 that tantivy's top {TOP} \
         also holds):\n",
        options.variants
    );
    let _ = writeln!(
        report,
        "| query kind | hits FTS5 | hits tantivy | top-{TOP} overlap |\n|---|---:|---:|---:|"
    );
    let kinds: Vec<(Kind, Vec<&Row>)> = Kind::ALL
        .iter()
        .map(|&kind| {
            (
                kind,
                rows.iter().filter(|row| row.query.kind == kind).collect(),
            )
        })
        .filter(|(_, of_kind): &(Kind, Vec<&Row>)| !of_kind.is_empty())
        .collect();
    for (kind, of_kind) in &kinds {
        let hits = |engine: usize| -> String {
            let counts: Option<Vec<usize>> = of_kind
                .iter()
                .map(|row| row.found[engine].as_ref().map(|found| found.total))
                .collect();
            match counts {
                Some(counts) => format!(
                    "{:.0}",
                    counts.iter().sum::<usize>() as f64 / counts.len() as f64
                ),
                None => "–".into(),
            }
        };
        let overlap: Option<Vec<f64>> = of_kind
            .iter()
            .map(|row| {
                Some(overlap(
                    row.found[STORE].as_ref()?,
                    row.found[TANTIVY].as_ref()?,
                ))
            })
            .collect();
        let _ = writeln!(
            report,
            "| {} | {} | {} | {} |",
            kind.label(),
            hits(STORE),
            hits(TANTIVY),
            overlap
                .map(|o| format!("{:.0} %", 100.0 * o.iter().sum::<f64>() / o.len() as f64))
                .unwrap_or_else(|| "–".into()),
        );
    }
    // The lean SQL must give the store's answer.
    let disagreements = rows
        .iter()
        .filter(|row| match (&row.found[STORE], &row.found[LEAN]) {
            (Some(store), Some(lean)) => {
                store.total != lean.total
                    || store.top.iter().map(|t| &t.0).collect::<Vec<_>>()
                        != lean.top.iter().map(|t| &t.0).collect::<Vec<_>>()
            }
            _ => false,
        })
        .count();
    let _ = writeln!(
        report,
        "\nThe lean SQL gave the store's SQL's count and top {TOP} on {} of {} queries.",
        rows.iter()
            .filter(|row| row.found[STORE].is_some() && row.found[LEAN].is_some())
            .count()
            - disagreements,
        rows.iter()
            .filter(|row| row.found[STORE].is_some() && row.found[LEAN].is_some())
            .count()
    );
    let _ = writeln!(
        report,
        "\nLatency of one query on one thread, median / p99 over {} variants × {} runs: the \
         total number of matches and the best {TOP} ids with their bm25 scores (\"newest first\": \
         the {TOP} latest-ingested matches and a count that stops at {}).\n",
        options.variants,
        options.runs,
        fts::COUNT_CAP
    );
    let _ = writeln!(
        report,
        "| query kind | {} |\n|---|{}",
        engines.join(" | "),
        "---:|".repeat(engines.len())
    );
    for (kind, of_kind) in &kinds {
        let cells: Vec<String> = (0..engines.len())
            .map(|engine| {
                let times: Vec<Duration> = of_kind
                    .iter()
                    .flat_map(|row| row.times[engine].iter().copied())
                    .collect();
                if times.is_empty() {
                    "–".into()
                } else {
                    format!("{} / {}", quantile(&times, 0.5), quantile(&times, 0.99))
                }
            })
            .collect();
        let _ = writeln!(report, "| {} | {} |", kind.label(), cells.join(" | "));
    }

    // Throughput: `threads` threads, each with its own searcher, cycling through every query.
    let mixed: Vec<Query> = queries
        .iter()
        .filter(|q| q.kind != Kind::StoreShape)
        .cloned()
        .collect();
    let limit = Duration::from_secs(options.seconds);
    let mut rates = Vec::new();
    for (engine, name) in engines.iter().enumerate() {
        let rate = throughput(options.threads, limit, &mixed, || open(engine))?;
        rates.push(format!("{name} {rate:.0}"));
    }
    let _ = writeln!(
        report,
        "\nThroughput in queries/s, {} threads for {} s per engine, cycling through the first \
         six kinds' queries: {}.",
        options.threads,
        options.seconds,
        rates.join(", ")
    );
    let _ = writeln!(report, "\nEach query, with its hits in FTS5 / tantivy:\n");
    for row in &rows {
        let total = |found: &Option<Found>| {
            found
                .as_ref()
                .map(|f| f.total.to_string())
                .unwrap_or_else(|| "–".into())
        };
        let _ = writeln!(
            report,
            "- {}: `{}`: {} / {}",
            row.query.kind.label(),
            row.query.display(),
            total(&row.found[STORE]),
            total(&row.found[TANTIVY])
        );
    }
    let _ = writeln!(report, "\nMachine: {}", machine());
    println!("{report}");
    Ok(())
}

struct Row {
    query: Query,
    /// By engine, in the order of `engines`.
    found: Vec<Option<Found>>,
    times: Vec<Vec<Duration>>,
}

fn read_collection(path: &Path) -> Result<(Vec<Article>, usize)> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut articles = Vec::new();
    let mut skipped = 0;
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = match serde_json::from_str(&line) {
            Ok(parsed) => parsed,
            Err(error) => {
                // A broken line is counted and reported, not fatal.
                if skipped < 5 {
                    eprintln!("line {}: {error}", number + 1);
                }
                skipped += 1;
                continue;
            }
        };
        let id = match parsed.id {
            Some(serde_json::Value::String(id)) => id,
            Some(serde_json::Value::Number(id)) => id.to_string(),
            _ => format!("line-{}", number + 1),
        };
        let text = parsed.text.unwrap_or_default();
        let title = parsed.title.unwrap_or_default();
        if text.trim().is_empty() && title.trim().is_empty() {
            skipped += 1;
            continue;
        }
        articles.push(Article {
            id,
            day: parsed.published.as_deref().and_then(day),
            title,
            text,
            outlet: parsed.outlet.unwrap_or_default(),
        });
    }
    Ok((articles, skipped))
}

/// `YYYY-MM-DD…` as `YYYYMMDD`.
fn day(published: &str) -> Option<u32> {
    let bytes = published.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: u32 = published.get(0..4)?.parse().ok()?;
    let month: u32 = published.get(5..7)?.parse().ok()?;
    let day: u32 = published.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some(year * 10_000 + month * 100 + day)
}

pub fn iso(day: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day / 10_000,
        day / 100 % 100,
        day % 100
    )
}

/// Lower-case runs of letters and digits: close to both unicode61 and tantivy's simple
/// tokenizer, before stemming.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn is_query_word(word: &str) -> bool {
    word.chars().count() >= 3 && word.chars().all(char::is_alphabetic)
}

/// Query words and phrases by document frequency (ties by spelling), so that every run on the
/// same collection asks the same questions.
fn pick_queries(articles: &[Article], options: &Options) -> Result<Vec<Query>> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut spelled: Vec<String> = Vec::new();
    let mut word_df: Vec<u32> = Vec::new();
    let mut pair_df: HashMap<u64, u32> = HashMap::new();
    let mut doc_words: Vec<u32> = Vec::new();
    let mut doc_pairs: Vec<u64> = Vec::new();
    let mut days: Vec<u32> = Vec::new();
    for article in articles {
        doc_words.clear();
        doc_pairs.clear();
        for field in [&article.title, &article.text] {
            let mut previous: Option<u32> = None;
            for word in words(field) {
                let id = match ids.get(&word) {
                    Some(&id) => id,
                    None => {
                        let id = u32::try_from(spelled.len())?;
                        ids.insert(word.clone(), id);
                        spelled.push(word);
                        word_df.push(0);
                        id
                    }
                };
                doc_words.push(id);
                if let Some(previous) = previous {
                    doc_pairs.push(u64::from(previous) << 32 | u64::from(id));
                }
                previous = Some(id);
            }
        }
        doc_words.sort_unstable();
        doc_words.dedup();
        for &id in &doc_words {
            word_df[id as usize] += 1;
        }
        doc_pairs.sort_unstable();
        doc_pairs.dedup();
        for &pair in &doc_pairs {
            *pair_df.entry(pair).or_insert(0) += 1;
        }
        if let Some(day) = article.day {
            days.push(day);
        }
    }
    let mut ranked: Vec<u32> = (0..u32::try_from(spelled.len())?)
        .filter(|&id| is_query_word(&spelled[id as usize]))
        .collect();
    ranked.sort_by(|&a, &b| {
        word_df[b as usize]
            .cmp(&word_df[a as usize])
            .then_with(|| spelled[a as usize].cmp(&spelled[b as usize]))
    });
    let mut pairs: Vec<(u64, u32)> = pair_df
        .into_iter()
        .filter(|&(pair, _)| {
            is_query_word(&spelled[(pair >> 32) as usize])
                && is_query_word(&spelled[(pair & 0xffff_ffff) as usize])
                && pair >> 32 != pair & 0xffff_ffff
        })
        .collect();
    let pair_words = |pair: u64| {
        (
            spelled[(pair >> 32) as usize].clone(),
            spelled[(pair & 0xffff_ffff) as usize].clone(),
        )
    };
    pairs.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| pair_words(a.0).cmp(&pair_words(b.0)))
    });
    if ranked.len() < options.variants || pairs.len() < options.variants {
        return Err("too few distinct words in the collection to pick queries from".into());
    }
    // A rank past the end of the list falls back to the last ranks there are.
    let at = |list_len: usize, rank: usize, variant: usize| {
        let first = rank
            .saturating_sub(1)
            .min(list_len.saturating_sub(options.variants));
        first + variant
    };
    let word = |rank: usize, variant: usize| {
        let id = ranked[at(ranked.len(), rank, variant)];
        Piece::Word(spelled[id as usize].clone())
    };
    let phrase = |rank: usize, variant: usize| {
        let (a, b) = pair_words(pairs[at(pairs.len(), rank, variant)].0);
        Piece::Phrase(a, b)
    };
    let df_of = |rank: usize| word_df[ranked[at(ranked.len(), rank, 0)] as usize];
    eprintln!(
        "{} distinct query words; rank {} has df {}, rank {} has df {}; {} two-word phrases",
        ranked.len(),
        options.common_rank,
        df_of(options.common_rank),
        options.rare_rank,
        df_of(options.rare_rank),
        pairs.len()
    );
    // The date window: the middle tenth of the collection's publication days.
    days.sort_unstable();
    let window = (!days.is_empty()).then(|| {
        (
            days[days.len() * 45 / 100],
            days[(days.len() * 55 / 100).min(days.len() - 1)],
        )
    });
    let common = options.common_rank;
    let rare = options.rare_rank;
    let mut queries = Vec::new();
    for v in 0..options.variants {
        let q = |kind, pieces| Query {
            kind,
            pieces,
            days: None,
        };
        queries.push(q(Kind::Common, vec![word(common, v)]));
        queries.push(q(Kind::Rare, vec![word(rare, v)]));
        queries.push(q(
            Kind::TwoWords,
            vec![word(common * 2, v), word(common * 20, v)],
        ));
        queries.push(q(Kind::Phrase, vec![phrase(common * 2, v)]));
        queries.push(q(
            Kind::PhraseWord,
            vec![phrase(common * 2, v), word(common * 4, v)],
        ));
        if let Some(window) = window {
            queries.push(Query {
                kind: Kind::DateRange,
                pieces: vec![word(common, v)],
                days: Some(window),
            });
        }
        queries.push(q(Kind::StoreShape, vec![word(common, v)]));
    }
    queries.sort_by_key(|q| q.kind);
    Ok(queries)
}

fn time(search: &mut dyn Search, query: &Query, runs: usize) -> Result<Vec<Duration>> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let found = search.run(query)?;
        times.push(started.elapsed());
        std::hint::black_box(found);
    }
    Ok(times)
}

fn quantile(times: &[Duration], q: f64) -> String {
    if times.is_empty() {
        return "–".into();
    }
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let index = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1;
    let micros = sorted[index].as_secs_f64() * 1e6;
    if micros >= 1_000.0 {
        format!("{:.1} ms", micros / 1_000.0)
    } else {
        format!("{micros:.0} µs")
    }
}

/// The share of one engine's top results that the other also returns in its top.
fn overlap(a: &Found, b: &Found) -> f64 {
    let most = a.top.len().max(b.top.len());
    if most == 0 {
        return 1.0;
    }
    let shared = a
        .top
        .iter()
        .filter(|(id, _)| b.top.iter().any(|(other, _)| other == id))
        .count();
    shared as f64 / most as f64
}

fn throughput<'o>(
    threads: usize,
    limit: Duration,
    queries: &[Query],
    open: impl Fn() -> Result<Box<dyn Search + 'o>> + Sync,
) -> Result<f64> {
    let started = Instant::now();
    let done: Vec<Result<usize>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let open = &open;
                scope.spawn(move || -> Result<usize> {
                    let mut search = open()?;
                    let mut count = 0;
                    // Each thread starts at a different query.
                    let mut next = thread * queries.len() / threads;
                    while started.elapsed() < limit {
                        std::hint::black_box(search.run(&queries[next % queries.len()])?);
                        next += 1;
                        count += 1;
                    }
                    Ok(count)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err("a thread panicked".into()))
            })
            .collect()
    });
    let seconds = started.elapsed().as_secs_f64();
    let mut total = 0;
    for count in done {
        total += count?;
    }
    Ok(total as f64 / seconds)
}

/// What the table's figures were measured on.
fn machine() -> String {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, name)| name.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into());
    format!(
        "{cores} cores ({cpu}), load average {load} at the end; SQLite {}, tantivy 0.27",
        rusqlite::version()
    )
}

/// Bytes under `path` (a file or a folder).
pub fn disk_size(path: &Path) -> std::io::Result<u64> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        return Ok(meta.len());
    }
    let mut total = 0;
    for entry in std::fs::read_dir(path)? {
        total += disk_size(&entry?.path())?;
    }
    Ok(total)
}

/// What building one index took.
pub struct Build {
    pub seconds: f64,
    /// Everything the engine wrote.
    pub bytes: u64,
    /// The search index alone (for SQLite, FTS5's tables without the articles).
    pub index_bytes: u64,
    pub notes: String,
}
