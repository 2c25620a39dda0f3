//! The `corroborate` binary end to end: arguments, output files, exit status, bad input.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn corroborate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn demo_story() -> String {
    workspace()
        .join("examples/kelsworth-by-election")
        .to_string_lossy()
        .into_owned()
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write test input");
    path.to_string_lossy().into_owned()
}

#[test]
fn brief_of_the_demo_story_succeeds_in_every_format() {
    for format in ["text", "markdown", "json", "html"] {
        let output = corroborate(&["brief", &demo_story(), "--format", format]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        assert!(
            stderr(&output).is_empty(),
            "{format}: unexpected messages {}",
            stderr(&output)
        );
        let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
        assert!(stdout.contains("Kelsworth"), "{format}");
    }
}

#[test]
fn output_is_deterministic_and_free_of_colour_when_piped() {
    let first = corroborate(&["brief", &demo_story(), "--format", "json"]);
    let second = corroborate(&["brief", &demo_story(), "--format", "json"]);
    assert_eq!(first.stdout, second.stdout);
    let text = corroborate(&["brief", &demo_story()]);
    assert!(!text.stdout.contains(&0x1b), "ANSI escapes in piped output");
}

#[test]
fn output_file_and_word_budget() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("brief.html");
    let out_text = out.to_string_lossy().into_owned();
    let output = corroborate(&[
        "brief",
        &demo_story(),
        "--format",
        "html",
        "--output",
        &out_text,
        "--words",
        "40",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let html = fs::read_to_string(&out).expect("the brief was written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let json = corroborate(&["brief", &demo_story(), "--format", "json", "--words", "40"]);
    let brief: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON brief");
    let words: usize = brief["summary"]
        .as_array()
        .expect("summary list")
        .iter()
        .map(|sentence| {
            sentence["text"]
                .as_str()
                .expect("text")
                .split_whitespace()
                .count()
        })
        .sum();
    let first_words = brief["summary"][0]["text"]
        .as_str()
        .expect("text")
        .split_whitespace()
        .count();
    assert!(
        words <= 44 || words == first_words,
        "{words} words for a budget of 40"
    );
}

#[test]
fn article_markup_is_escaped_in_html() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = write(
        dir.path(),
        "a.txt",
        b"Site defaced\n\nThe council said intruders added <script>alert(1)</script> and <img src=x onerror=alert(2)> to the results page on Monday night.\n",
    );
    let output = corroborate(&["brief", &article, "--format", "html"]);
    let html = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script") && !html.contains("<img"));
}

#[test]
fn stdin_is_one_article() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["brief", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b" date 2022-05-01\nFerry returns\n\nThe island ferry returned to service on Sunday after a month of repairs to its engine.\n")
        .expect("write stdin");
    let output = child.wait_with_output().expect("wait");
    assert!(output.status.success(), "{}", stderr(&output));
    let brief: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON brief");
    assert_eq!(brief["sources"][0]["input"], "-");
    assert_eq!(brief["sources"][0]["published"], "2022-05-01");
    assert_eq!(brief["title"], "Ferry returns");
}

#[test]
fn bad_inputs_are_named_skipped_and_the_rest_is_briefed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = write(dir.path(), "good.txt", b"Library saved\n\nThe town library will stay open after the council found the money on Tuesday.\n");
    let empty = write(dir.path(), "empty.txt", b"");
    let binary = write(
        dir.path(),
        "binary.txt",
        &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0, 0],
    );
    let huge = dir.path().join("huge.txt");
    {
        let mut file = fs::File::create(&huge).expect("create");
        let line = vec![b'x'; 1024 * 1024];
        for _ in 0..50 {
            file.write_all(&line).expect("write");
        }
    }
    let huge = huge.to_string_lossy().into_owned();
    let missing = dir
        .path()
        .join("missing.txt")
        .to_string_lossy()
        .into_owned();
    let no_articles = tempfile::tempdir().expect("temp dir");
    let no_articles = no_articles.path().to_string_lossy().into_owned();
    let output = corroborate(&[
        "brief",
        &empty,
        &binary,
        &huge,
        &missing,
        &no_articles,
        &good,
        "--format",
        "json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a skipped input makes the exit status 2"
    );
    let messages = stderr(&output);
    let lines: Vec<&str> = messages.lines().collect();
    assert_eq!(lines.len(), 5, "one line per bad input:\n{messages}");
    for (line, path) in lines
        .iter()
        .zip([&empty, &binary, &huge, &missing, &no_articles])
    {
        assert!(
            line.contains(path.as_str()),
            "{line:?} does not name {path}"
        );
    }
    let brief: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("a brief of the good input");
    assert_eq!(brief["sources"].as_array().map(Vec::len), Some(1));
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_and_exit_zero() {
    let dir = tempfile::tempdir().expect("temp dir");
    let latin1 = write(dir.path(), "latin1.txt", b"Caf\xe9 reopens\n\nThe caf\xe9 on the square reopened on Friday after a fire in the kitchen.\n");
    let output = corroborate(&["brief", &latin1, "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains(&latin1) && stderr(&output).contains("invalid UTF-8"));
    let brief: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON brief");
    let summary = brief["summary"][0]["text"]
        .as_str()
        .expect("a summary sentence");
    assert!(summary.contains('\u{FFFD}'));
}

#[test]
fn no_usable_input_is_an_error() {
    let output = corroborate(&["brief", "/no/such/file.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let messages = stderr(&output);
    assert!(
        messages.contains("cannot read /no/such/file.txt: no such file or directory"),
        "{messages}"
    );
    assert!(
        messages.contains("error: no usable articles among the inputs"),
        "{messages}"
    );
}

#[test]
fn unknown_format_is_refused() {
    let output = corroborate(&["brief", &demo_story(), "--format", "pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown format"));
}

#[test]
fn stories_of_the_demo_corpus_are_its_two_events_with_the_reprint_as_copies() {
    let examples = workspace().join("examples").to_string_lossy().into_owned();
    let output = corroborate(&["stories", &examples, "--format", "jsonl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let stories: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!(stories.len(), 2, "{stdout}");
    let ids = |story: &serde_json::Value| -> Vec<String> {
        story["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|id| id.as_str().expect("an id").to_string())
            .collect()
    };
    let listed = |dir: &str| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(workspace().join("examples").join(dir))
            .expect("demo directory")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|name| name.ends_with(".txt"))
            .collect();
        names.sort();
        names
    };
    assert_eq!(ids(&stories[0]), listed("kelsworth-by-election"));
    assert_eq!(ids(&stories[1]), listed("pellmouth-water-outage"));
    assert_eq!(stories[0]["story"], "T1");
    assert_eq!(
        stories[0]["copies"],
        serde_json::json!([["meridian-press-wire.txt", "northern-ledger.txt"]])
    );
    assert_eq!(stories[1]["copies"], serde_json::json!([]));
    assert_eq!(stories[1]["first_published"], "2024-04-02");
}

#[test]
fn stories_explain_names_the_story_and_refuses_an_unknown_id() {
    let examples = workspace().join("examples").to_string_lossy().into_owned();
    let output = corroborate(&["stories", &examples, "--explain", "northern-ledger.txt"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(stdout.contains("story: T1 "), "{stdout}");
    assert!(
        stdout.contains("is a copy of meridian-press-wire.txt")
            || stdout.contains("shared names: "),
        "{stdout}"
    );
    let unknown = corroborate(&["stories", &examples, "--explain", "no-such.txt"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no article with id \"no-such.txt\""));
}

#[test]
fn stories_briefs_are_written_with_an_index_linking_them() {
    let examples = workspace().join("examples").to_string_lossy().into_owned();
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("briefs");
    let dir_arg = dir.to_string_lossy().into_owned();
    let output = corroborate(&["stories", &examples, "--briefs", &dir_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let index = fs::read_to_string(dir.join("index.html")).expect("index page");
    assert!(index.contains("href=\"T1.html\""), "{index}");
    assert!(index.contains("href=\"T2.html\""), "{index}");
    assert!(!index.contains("T3.html"), "{index}");
    // Each story's brief is the one `brief` gives for that story's directory alone.
    let alone = corroborate(&["brief", &demo_story(), "--format", "json"]);
    let written = fs::read(dir.join("T1.json")).expect("T1 brief");
    let as_json = |bytes: &[u8]| -> serde_json::Value {
        serde_json::from_slice(bytes).expect("a JSON brief")
    };
    assert_eq!(
        as_json(&written)["summary"],
        as_json(&alone.stdout)["summary"]
    );
    assert!(dir.join("T2.html").is_file());
}

fn ingest_data(name: &str) -> String {
    workspace()
        .join("crates/corroborate-ingest/tests/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect()
}

#[test]
fn extract_prints_one_object_per_page_record_item_and_text_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = write(
        dir.path(),
        "note.txt",
        b" date 2024-03-12 The quay reopened.",
    );
    let warc = ingest_data("quillon-crawl.warc");
    let output = corroborate(&[
        "extract",
        &warc,
        &ingest_data("tarrow-wire.rss"),
        &text,
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = json_lines(&output);
    let inputs: Vec<&str> = lines
        .iter()
        .map(|line| line["input"].as_str().expect("input"))
        .collect();
    assert_eq!(
        inputs,
        [
            format!("{warc}#record-3"),
            format!("{warc}#record-6"),
            format!("{}#item-1", ingest_data("tarrow-wire.rss")),
            format!("{}#item-2", ingest_data("tarrow-wire.rss")),
            text.clone(),
        ]
    );
    assert_eq!(
        lines[0],
        serde_json::json!({
            "input": format!("{warc}#record-3"),
            "title": "Crane falls at Quillon harbour",
            "outlet": "Quillon Herald",
            "url": "https://quillon-herald.example/2024/03/11/crane-falls",
            "language": "en",
            "published": "2024-03-11",
            "modified": null,
            "authors": ["Maren Oduya"],
            "text": lines[0]["text"].clone(),
        })
    );
    assert!(
        lines[1]["text"]
            .as_str()
            .expect("text")
            .contains("the caf\u{e9} owner")
    );
    assert_eq!(lines[2]["outlet"], "Tarrow Valley Wire");
    assert_eq!(lines[2]["authors"], serde_json::json!(["Ilse Varga"]));
    assert_eq!(lines[4]["published"], "2024-03-12");
    assert_eq!(lines[4]["url"], serde_json::Value::Null);
    assert_eq!(lines[4]["authors"], serde_json::Value::Null);
    assert_eq!(lines[4]["text"], "The quay reopened.");
    // The archive's count and the teaser are reported; neither is a skipped input.
    let messages = stderr(&output);
    assert!(
        messages.contains("2 records read as articles, 6 skipped"),
        "{messages}"
    );
    assert!(messages.contains("1 only a teaser"), "{messages}");
}

#[test]
fn extract_names_a_broken_archive_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = write(
        dir.path(),
        "broken.warc",
        b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n",
    );
    let output = corroborate(&["extract", &broken, &ingest_data("tarrow-wire.atom")]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(json_lines(&output).len(), 1);
    assert!(
        stderr(&output).contains(&format!("{broken}#record-1 is cut short")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn stories_and_brief_read_an_archive_and_feeds_together() {
    let data = workspace()
        .join("crates/corroborate-ingest/tests/data")
        .to_string_lossy()
        .into_owned();
    let output = corroborate(&["stories", &data, "--format", "jsonl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stories = json_lines(&output);
    let crane = stories
        .iter()
        .find(|story| {
            story["articles"]
                .as_array()
                .expect("articles")
                .iter()
                .any(|id| id == "https://quillon-herald.example/2024/03/11/crane-falls")
        })
        .expect("the crane story");
    let articles = crane["articles"].as_array().expect("articles");
    for id in [
        "https://brackwater-post.example/news/quillon-crane",
        "https://tarrow-wire.example/2024/03/11/quillon-crane",
    ] {
        assert!(articles.iter().any(|article| article == id), "{crane}");
    }
    // The wire copy of the Herald's page counts once.
    assert_eq!(
        crane["copies"],
        serde_json::json!([[
            "https://quillon-herald.example/2024/03/11/crane-falls",
            "https://tarrow-wire.example/2024/03/11/quillon-crane"
        ]])
    );

    let output = corroborate(&[
        "brief",
        &ingest_data("quillon-crawl.warc"),
        &ingest_data("tarrow-wire.rss"),
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let brief: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON brief");
    let text = brief.to_string();
    assert!(text.contains("Tobiah Renn"), "{text}");
    assert!(text.contains("quillon-crawl.warc#record-6"), "{text}");
}

#[test]
fn serve_refuses_a_missing_store_and_says_how_to_make_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("absent.db");
    let db = db.to_string_lossy();
    let output = corroborate(&["serve", "--db", &db, "--addr", "127.0.0.1:0"]);
    assert_eq!(output.status.code(), Some(2));
    let messages = stderr(&output);
    assert!(
        messages.contains(&format!("error: {db} does not exist")),
        "{messages}"
    );
    assert!(messages.contains("corroborate ingest"), "{messages}");
    assert!(!Path::new(db.as_ref()).exists(), "not created");
}

#[test]
fn serve_refuses_a_file_that_is_not_a_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = write(
        dir.path(),
        "notes.db",
        &b"my notes, not a database\n".repeat(100),
    );
    let output = corroborate(&["serve", "--db", &notes, "--addr", "127.0.0.1:0"]);
    assert_eq!(output.status.code(), Some(2));
    let messages = stderr(&output);
    assert!(messages.contains("notes.db"), "{messages}");
    assert!(messages.contains("not an SQLite database"), "{messages}");
    assert!(!messages.contains("panicked"), "{messages}");
}

#[test]
fn serve_prints_its_loopback_url_and_serves_the_ingested_stories() {
    use std::io::{BufRead, BufReader, Read};
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("news.db").to_string_lossy().into_owned();
    let examples = workspace().join("examples").to_string_lossy().into_owned();
    let ingest = corroborate(&["ingest", &examples, "--db", &db]);
    assert_eq!(ingest.status.code(), Some(0), "{}", stderr(&ingest));
    let mut server = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["serve", "--db", &db, "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut first_line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut first_line)
        .expect("the URL line");
    let address = first_line
        .trim()
        .strip_prefix(&format!("serving {db} at http://"))
        .and_then(|rest| rest.strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected first line {first_line:?}"))
        .to_string();
    assert!(address.starts_with("127.0.0.1:"), "{address}");
    let mut stream = std::net::TcpStream::connect(&address).expect("connect");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .expect("request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("response");
    let _ = server.kill();
    let _ = server.wait();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains("Social Alliance takes Kelsworth"),
        "{response}"
    );
    assert!(
        response
            .to_lowercase()
            .contains("content-security-policy: default-src 'none'"),
        "{response}"
    );
}

#[test]
fn unknown_json_lines_fields_pass_through_extract_analyze_and_stories() {
    let dir = tempfile::tempdir().expect("temp dir");
    let collection = write(
        dir.path(),
        "desk.jsonl",
        concat!(
            r#"{"id": "d1", "text": "Harbourmaster Ilse Varga said the quay would reopen.", "url": "https://tarrow.example/quay", "authors": ["Ilse Varga"], "desk": "ports", "rank": 3, "tags": ["quay", "tide"]}"#,
            "\n",
            r#"{"id": "d2", "text": "The tide was low."}"#,
            "\n"
        )
        .as_bytes(),
    );
    let extracted = corroborate(&["extract", &collection]);
    assert!(extracted.status.success(), "{}", stderr(&extracted));
    let lines = json_lines(&extracted);
    assert_eq!(lines[0]["url"], "https://tarrow.example/quay");
    assert_eq!(lines[0]["authors"], serde_json::json!(["Ilse Varga"]));
    assert_eq!(
        lines[0]["extra"],
        serde_json::json!({"desk": "ports", "rank": 3, "tags": ["quay", "tide"]})
    );
    assert!(lines[1].get("extra").is_none(), "{}", lines[1]);
    let analyzed = corroborate(&["analyze", &collection]);
    assert!(analyzed.status.success(), "{}", stderr(&analyzed));
    let lines = json_lines(&analyzed);
    assert_eq!(lines[0]["id"], "d1");
    assert_eq!(lines[0]["extra"]["desk"], "ports");
    assert!(lines[1].get("extra").is_none(), "{}", lines[1]);
    let stories = corroborate(&["stories", &collection, "--format", "jsonl"]);
    assert!(stories.status.success(), "{}", stderr(&stories));
    let lines = json_lines(&stories);
    let with_extra: Vec<&serde_json::Value> = lines
        .iter()
        .filter_map(|story| story.get("extra"))
        .collect();
    assert_eq!(
        with_extra,
        [&serde_json::json!({"d1": {"desk": "ports", "rank": 3, "tags": ["quay", "tide"]}})],
        "{lines:?}"
    );
}

#[test]
fn analyze_json_claims_carry_their_extent() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = write(
        dir.path(),
        "floods.txt",
        b"Floods damaged 40 homes in Varnholt on Tuesday, the council of Brenmoor said.\n\nThe storm lasted 3 hours.\n",
    );
    let analyzed = corroborate(&["analyze", &article]);
    assert!(analyzed.status.success(), "{}", stderr(&analyzed));
    let lines = json_lines(&analyzed);
    let claims = lines[0]["claims"].as_array().expect("claims");
    let homes = claims
        .iter()
        .find(|claim| claim["display"] == "40")
        .expect("the 40 homes are a claim");
    assert_eq!(homes["property"], "homes", "{homes}");
    assert_eq!(homes["extent"], "in varnholt", "{homes}");
    // Every claim has the key, null when its clause names no place or stretch of time.
    assert!(claims.iter().all(|claim| claim.get("extent").is_some()));
}
