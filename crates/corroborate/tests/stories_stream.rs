//! `stories` reads its inputs as a stream: the result does not depend on how many articles
//! are analysed at a time, bad lines of a JSON Lines file are reported and skipped while
//! the rest is grouped as without them, and the articles read again for briefs and copies
//! are the ones grouping read. Invented articles only.

use corroborate::model::Severity;
use corroborate::pipeline::{PipelineConfig, StoriesRun, stories_in_chunks};

/// Three invented events, three reports each (one a reprint), all short.
fn collection() -> Vec<String> {
    let events = [
        (
            "Varnholt",
            "2031-03-04",
            "The Varnholt ferry ran aground on a sandbar near Quillmere harbour on Tuesday, and all 42 passengers were taken off by lifeboat.",
            "Harbour master Edda Rensk said the tide had fallen faster than the charts showed.",
        ),
        (
            "Ostrey",
            "2031-03-05",
            "Fire crews in Ostrey spent the night fighting a blaze at the Palgrove timber yard, which destroyed three sheds and 600 tonnes of stacked oak.",
            "Station officer Brann Tully said nobody was hurt and the cause was not yet known.",
        ),
        (
            "Lindqvarr",
            "2031-03-09",
            "Voters in Lindqvarr chose Maelis Orrow as their new mayor on Sunday, with 5,812 votes against 4,377 for the sitting mayor.",
            "Turnout was 61 percent, the election office of Lindqvarr said.",
        ),
    ];
    let mut lines = Vec::new();
    for (event, (place, date, first, second)) in events.iter().enumerate() {
        let texts = [
            format!("{first} {second}"),
            format!("{first} {second} More reports are expected from {place}."),
            format!("{second} Officials in {place} confirmed the account. {first}"),
        ];
        for (report, text) in texts.iter().enumerate() {
            let line = serde_json::json!({
                "id": format!("e{event}-r{report}"),
                "title": format!("News from {place}"),
                "published": date,
                "outlet": format!("The {place} Courier {report}"),
                "text": text,
                "tags": [place.to_lowercase()],
            });
            lines.push(line.to_string());
        }
    }
    lines
}

fn write(dir: &std::path::Path, name: &str, lines: &[String]) -> String {
    let path = dir.join(name);
    let mut bytes = lines.join("\n");
    bytes.push('\n');
    std::fs::write(&path, bytes).expect("write the test collection");
    path.to_string_lossy().into_owned()
}

fn run(path: &str, config: &PipelineConfig, chunk: usize) -> StoriesRun {
    stories_in_chunks(&[path.to_string()], config, chunk, &mut |_, _| {})
}

/// Groups of article ids.
type IdGroups = Vec<Vec<String>>;

/// The stories as lists of article ids, with the copies, the titles and the extra fields.
fn outcome(run: &StoriesRun) -> (IdGroups, IdGroups, Vec<Option<String>>) {
    let ids = |members: &Vec<usize>| {
        members
            .iter()
            .map(|&index| run.articles[index].id.to_string())
            .collect::<Vec<_>>()
    };
    (
        run.grouping.stories.iter().map(ids).collect(),
        run.grouping.copies.iter().map(ids).collect(),
        run.titles.clone(),
    )
}

#[test]
fn stories_do_not_depend_on_the_chunk_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "c.jsonl", &collection());
    let config = PipelineConfig::default();
    let whole = run(&path, &config, 2048);
    assert_eq!(whole.articles.len(), 9);
    assert_eq!(whole.grouping.stories.len(), 3, "{:?}", outcome(&whole).0);
    assert!(whole.diagnostics.is_empty(), "{:?}", whole.diagnostics);
    for chunk in [1, 2, 4] {
        let chunked = run(&path, &config, chunk);
        assert_eq!(outcome(&chunked), outcome(&whole), "chunks of {chunk}");
        assert_eq!(chunked.extra, whole.extra);
    }
}

#[test]
fn articles_read_again_are_the_ones_grouping_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "c.jsonl", &collection());
    let config = PipelineConfig::default();
    let run = run(&path, &config, 2);
    let indices: Vec<usize> = vec![7, 0, 4];
    let analyses = run.analyze(&indices, &config);
    let texts = run.clean_texts(&indices, &config);
    let report = corroborate::ingest::ingest(std::slice::from_ref(&path), &config.ingest);
    let (batch, _) = corroborate::pipeline::analyze_articles(&report.articles, &config);
    for ((&index, analysis), text) in indices.iter().zip(&analyses).zip(&texts) {
        assert_eq!(analysis.clean.article.id, run.articles[index].id);
        assert_eq!(analysis.clean.article.input, run.articles[index].input);
        assert_eq!(&analysis.clean.text, text);
        assert_eq!(analysis.clean.text, batch[index].clean.text);
        // The full analysis, not the grouping one: briefs read quotes, claims and dates.
        assert_eq!(analysis.claims, batch[index].claims);
        assert_eq!(analysis.dates, batch[index].dates);
    }
    assert!(!analyses[0].dates.is_empty() || !analyses[0].claims.is_empty());
}

#[test]
fn bad_lines_are_reported_with_file_and_line_and_the_rest_is_grouped_as_without_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = PipelineConfig {
        ingest: corroborate::ingest::IngestConfig { max_bytes: 4096 },
        ..PipelineConfig::default()
    };
    let good = collection();
    let clean_path = write(dir.path(), "clean.jsonl", &good);
    let mut lines = good.clone();
    let too_long = serde_json::json!({"id": "long", "text": "word ".repeat(2000)}).to_string();
    lines.insert(2, too_long);
    lines.insert(5, "this line is not JSON".to_string());
    lines.insert(
        8,
        r#"{"id": "no-text", "title": "A title and nothing else"}"#.to_string(),
    );
    let bad_path = write(dir.path(), "bad.jsonl", &lines);

    let clean = run(&clean_path, &config, 2);
    let bad = run(&bad_path, &config, 2);
    assert!(bad.skipped_any());
    assert!(!clean.skipped_any());
    let messages: Vec<String> = bad.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        bad.diagnostics
            .iter()
            .all(|diagnostic| diagnostic.severity == Severity::Skipped)
    );
    for (message, line) in messages.iter().zip([3, 6, 9]) {
        assert!(
            message.contains(&format!("bad.jsonl:{line}")),
            "line {line}: {message}"
        );
    }
    assert!(messages[0].contains("over the limit"), "{}", messages[0]);
    assert!(messages[1].contains("not JSON"), "{}", messages[1]);
    assert!(messages[2].contains("no \"text\""), "{}", messages[2]);
    assert_eq!(outcome(&bad), outcome(&clean));
    // The lines after the bad ones are read again from their own places.
    let last = bad.articles.len() - 1;
    let texts = bad.clean_texts(&[last], &config);
    assert_eq!(texts, clean.clean_texts(&[last], &config));
    assert!(bad.articles[last].input.ends_with("bad.jsonl:12"));
}
