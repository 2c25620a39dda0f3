//! The store through the binary: `ingest` and `search`, a killed ingest resumed, two
//! ingests at once, and files that are not our store.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use corroborate::store::Store;

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_corroborate"));
    command.env("NO_COLOR", "1");
    command
}

fn run(args: &[&str]) -> Output {
    binary().args(args).output().expect("the binary runs")
}

fn examples() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .display()
        .to_string()
}

/// Writes a synthetic collection of `articles` invented articles and returns its path and
/// the number of distinct texts in it.
fn collection(dir: &Path, name: &str, articles: usize, seed: u64) -> (PathBuf, usize) {
    let path = dir.join(name);
    let output = run(&[
        "eval",
        "generate",
        "--articles",
        &articles.to_string(),
        "--stories",
        &(articles / 10).max(1).to_string(),
        "--seed",
        &seed.to_string(),
        "--output",
        &path.display().to_string(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let texts: BTreeSet<String> = std::fs::read_to_string(&path)
        .expect("read collection")
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("json line");
            value["text"].as_str().expect("text").to_string()
        })
        .collect();
    (path, texts.len())
}

#[test]
fn ingest_then_search_the_demo_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("news.db").display().to_string();
    let output = run(&["ingest", &examples(), "--db", &db]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("8 added") && said.contains("2 stories"),
        "{said}"
    );
    let output = run(&[
        "search",
        "--db",
        &db,
        "--format",
        "json",
        "entity:Calloway",
        "is:disputed",
    ]);
    assert!(output.status.success());
    let results: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert!(results["total"].as_u64().expect("total") >= 4);
    let output = run(&["search", "--db", &db, "water"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("matching articles") && text.contains("["),
        "{text}"
    );
}

#[test]
fn a_killed_ingest_resumes_with_every_article_stored_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (input, distinct) = collection(dir.path(), "news.jsonl", 3000, 11);
    let db = dir.path().join("news.db");
    let mut child = binary()
        .args([
            "ingest",
            &input.display().to_string(),
            "--db",
            &db.display().to_string(),
            "--chunk",
            "50",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ingest starts");
    // Wait until some chunks are committed, then kill it without warning (SIGKILL).
    let started = Instant::now();
    let mut stored_when_killed = 0;
    while started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(100));
        if let Ok(store) = Store::open_read_only(&db)
            && let Ok(count) = store.article_count()
            && count >= 200
        {
            stored_when_killed = count;
            break;
        }
        if child.try_wait().expect("poll").is_some() {
            break;
        }
    }
    let finished_early = child.try_wait().expect("poll").is_some();
    child.kill().ok();
    child.wait().expect("reaped");
    if finished_early {
        eprintln!(
            "note: the ingest finished before it could be killed; the resume is still checked"
        );
    } else {
        assert!(stored_when_killed >= 200 && stored_when_killed < distinct);
    }
    // The store opens cleanly and is sound after the kill.
    let store = Store::open(&db).expect("reopens after kill -9");
    assert_eq!(store.integrity().expect("check"), Vec::<String>::new());
    drop(store);

    let output = run(&[
        "ingest",
        &input.display().to_string(),
        "--db",
        &db.display().to_string(),
        "--chunk",
        "500",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let store = Store::open(&db).expect("open");
    assert_eq!(store.article_count().expect("count"), distinct);
    assert_eq!(store.integrity().expect("check"), Vec::<String>::new());
}

#[test]
fn two_ingests_at_once_leave_a_sound_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (first, first_distinct) = collection(dir.path(), "a.jsonl", 600, 21);
    let (second, second_distinct) = collection(dir.path(), "b.jsonl", 600, 22);
    let db = dir.path().join("news.db").display().to_string();
    // Create the file first so both start on an existing store.
    assert!(run(&["ingest", &examples(), "--db", &db]).status.success());
    let spawn = |input: &PathBuf| {
        binary()
            .args([
                "ingest",
                &input.display().to_string(),
                "--db",
                &db,
                "--chunk",
                "100",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ingest starts")
    };
    let (one, two) = (spawn(&first), spawn(&second));
    let outputs = [
        one.wait_with_output().expect("one"),
        two.wait_with_output().expect("two"),
    ];
    let mut expected = 8;
    for (output, distinct) in outputs.iter().zip([first_distinct, second_distinct]) {
        if output.status.success() {
            expected += distinct;
        } else {
            // The only acceptable failure is a clear busy message naming the file.
            let message = String::from_utf8_lossy(&output.stderr);
            assert!(
                message.contains("busy") && message.contains("news.db"),
                "{message}"
            );
        }
    }
    let store = Store::open(Path::new(&db)).expect("open");
    assert_eq!(store.integrity().expect("check"), Vec::<String>::new());
    assert!(store.article_count().expect("count") >= expected.min(8));
    // Whatever committed is whole: re-running both adds exactly what was missing.
    drop(store);
    for input in [&first, &second] {
        let output = run(&["ingest", &input.display().to_string(), "--db", &db]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let store = Store::open(Path::new(&db)).expect("open");
    let all_texts: BTreeSet<String> = [&first, &second]
        .iter()
        .flat_map(|path| {
            std::fs::read_to_string(path)
                .expect("read")
                .lines()
                .map(|line| {
                    serde_json::from_str::<serde_json::Value>(line).expect("json")["text"]
                        .as_str()
                        .expect("text")
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(store.article_count().expect("count"), all_texts.len() + 8);
}

#[test]
fn a_file_that_is_not_a_store_is_named_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.db");
    std::fs::write(&notes, "shopping list\n".repeat(300)).expect("write");
    for args in [
        vec!["search", "--db", notes.to_str().expect("utf-8"), "anything"],
        vec![
            "ingest",
            &examples(),
            "--db",
            notes.to_str().expect("utf-8"),
        ],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2));
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.contains("notes.db") && message.contains("not an SQLite database"),
            "{message}"
        );
        assert!(!message.contains("panicked"));
    }
    assert_eq!(
        std::fs::read_to_string(&notes).expect("read"),
        "shopping list\n".repeat(300)
    );
    let missing = dir.path().join("absent.db");
    let output = run(&["search", "--db", missing.to_str().expect("utf-8"), "x"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("absent.db"));
}
