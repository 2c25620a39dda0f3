//! The store as a growing collection: incremental stories, idempotent ingest, briefs equal
//! to the brief of the story's articles, search and article views, on the demo corpus.

use std::path::{Path, PathBuf};

use corroborate::library::{LibraryConfig, LibraryReport, ingest_into_store};
use corroborate::pipeline::{PipelineConfig, brief_inputs};
use corroborate::render::{Format, RenderOptions, render};
use corroborate::store::{MarkKind, SearchQuery, Store};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn story_files(story: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(examples().join(story))
        .expect("demo story")
        .map(|entry| entry.expect("entry").path().display().to_string())
        .filter(|path| path.ends_with(".txt"))
        .collect();
    files.sort();
    files
}

fn add(store: &mut Store, inputs: &[String]) -> LibraryReport {
    ingest_into_store(
        store,
        inputs,
        &PipelineConfig::default(),
        &LibraryConfig::default(),
        &mut |_, _| {},
    )
    .expect("ingest")
}

#[test]
fn articles_added_later_join_their_story_and_its_brief_is_rebuilt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("store");
    let files = story_files("kelsworth-by-election");
    assert_eq!(files.len(), 5);
    let first = add(&mut store, &files[..2]);
    assert_eq!((first.added, first.stories_opened), (2, 1));
    let second = add(&mut store, &files[2..]);
    assert_eq!(
        (second.added, second.stories_opened, second.stories_updated),
        (3, 0, 1)
    );
    assert_eq!(store.story_count().expect("count"), 1);

    // The stored brief is the brief of the five articles read together.
    let stories = store.stories(10, 0).expect("list");
    let stored = store.story(stories[0].id).expect("read").expect("story");
    let whole = brief_inputs(&files, &PipelineConfig::default());
    assert_eq!(
        stored.brief_json,
        render(&whole.brief, Format::Json, RenderOptions::default())
    );
    assert_eq!(stored.summary.sources, 5);
    // The wire reprint and its copy count once.
    assert_eq!(stored.summary.independent_sources, 4);
    assert!(
        stored.summary.disputed >= 1,
        "the planted vote-count slip is disputed"
    );
    assert!(store.integrity().expect("check").is_empty());
}

#[test]
fn ingest_is_idempotent_and_story_ids_stay() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("store");
    let election = story_files("kelsworth-by-election");
    add(&mut store, &election);
    let election_id = store.stories(10, 0).expect("list")[0].id;
    let before = store
        .story(election_id)
        .expect("read")
        .expect("story")
        .brief_json;

    let all = vec![examples().display().to_string()];
    let report = add(&mut store, &all);
    assert_eq!((report.added, report.already_stored), (3, 5));
    assert_eq!(store.story_count().expect("count"), 2);
    let again = add(&mut store, &all);
    assert_eq!((again.added, again.already_stored), (0, 8));
    assert_eq!(store.article_count().expect("count"), 8);
    // The election story kept its id and its brief.
    let after = store.story(election_id).expect("read").expect("story");
    assert_eq!(after.brief_json, before);
    assert!(store.integrity().expect("check").is_empty());
}

#[test]
fn the_same_name_with_other_text_gets_its_own_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let one = dir.path().join("one");
    let two = dir.path().join("two");
    std::fs::create_dir_all(&one).expect("dir");
    std::fs::create_dir_all(&two).expect("dir");
    std::fs::write(
        one.join("report.txt"),
        "The ferry service to Oldcastle resumed on Monday after repairs to the pier.\n",
    )
    .expect("write");
    std::fs::write(
        two.join("report.txt"),
        "A new library opened in Brindle Vale on Tuesday with four thousand books.\n",
    )
    .expect("write");
    let mut store = Store::open(&dir.path().join("news.db")).expect("store");
    add(
        &mut store,
        &[one.display().to_string(), two.display().to_string()],
    );
    assert_eq!(store.article_count().expect("count"), 2);
    let first = store.article("report.txt").expect("read").expect("first");
    let second = store
        .article("report.txt#2")
        .expect("read")
        .expect("second");
    assert_ne!(first.article.text, second.article.text);
}

#[test]
fn search_finds_by_words_entity_outlet_date_and_dispute() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("store");
    add(&mut store, &[examples().display().to_string()]);
    let search = |text: &str| {
        store
            .search(&SearchQuery::parse(text), 50, 0)
            .expect("search")
    };
    // Stemmed words: "bursts" finds "burst".
    let water = search("burst main");
    assert!(water.total >= 1);
    assert!(water.hits.iter().all(|hit| {
        hit.story_title
            .as_deref()
            .is_some_and(|t| t.contains("Pellmouth"))
    }));
    assert!(water.hits[0].snippet.iter().any(|part| part.hit));
    // An entity by full name and by surname alone gives the same articles.
    let full = search(r#"entity:"Niamh Calloway""#);
    let surname = search("entity:Calloway");
    assert!(full.total >= 4, "{}", full.total);
    assert_eq!(full.total, surname.total);
    // Filters narrow.
    let disputed = search("is:disputed");
    assert!(disputed.total >= 1);
    assert!(disputed.hits.iter().all(|hit| hit.disputed > 0));
    let april = search("after:2024-04-01 before:2024-04-30");
    assert!(april.total >= 1);
    assert!(april.hits.iter().all(|hit| {
        hit.published
            .as_deref()
            .is_some_and(|d| d.starts_with("2024-04"))
    }));
    let gazette = search("entity:Calloway outlet:gazette");
    assert_eq!(gazette.total, 1);
    // Nothing to search for is said, not an error.
    assert!(!search("").problems.is_empty());
}

#[test]
fn article_views_mark_quotes_claims_and_removed_furniture_inside_the_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("store");
    add(&mut store, &story_files("kelsworth-by-election"));
    let record = store
        .article("kelsworth-gazette.txt")
        .expect("read")
        .expect("article");
    let text = &record.article.text;
    let view = &record.view;
    for mark in &view.marks {
        assert!(mark.start < mark.end && mark.end <= text.len());
        assert!(text.is_char_boundary(mark.start) && text.is_char_boundary(mark.end));
    }
    assert!(view.marks.iter().any(|m| m.kind == MarkKind::Quote));
    let claim = view
        .marks
        .iter()
        .find(|m| m.kind == MarkKind::Claim && text[m.start..m.end].contains("14,873"))
        .expect("the vote count is marked");
    assert!(claim.label.contains("14,873"), "{}", claim.label);
    assert!(
        !view.removed.is_empty(),
        "the page furniture is kept as removed passages"
    );
    for removed in &view.removed {
        assert!(removed.end <= text.len() && !removed.reason.is_empty());
    }
    // Evidence spans of the brief land on the passage they cite.
    let story = store
        .story(record.article.story.expect("in a story"))
        .expect("read")
        .expect("story");
    let brief: serde_json::Value = serde_json::from_str(&story.brief_json).expect("json");
    let source_number = brief["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .position(|source| {
            source["input"]
                .as_str()
                .is_some_and(|input| input.ends_with("kelsworth-gazette.txt"))
        })
        .expect("the gazette is a source");
    let source_id = brief["sources"][source_number]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let mut checked = 0;
    for sentence in brief["summary"].as_array().expect("summary") {
        for evidence in sentence["evidence"].as_array().expect("evidence") {
            if evidence["source"] != source_id.as_str() {
                continue;
            }
            let (start, end) = record
                .text_span_of_input(
                    evidence["start"].as_u64().expect("start") as usize,
                    evidence["end"].as_u64().expect("end") as usize,
                )
                .expect("maps into the text");
            let first_word = sentence["text"]
                .as_str()
                .expect("text")
                .split_whitespace()
                .next()
                .expect("a word");
            assert!(
                text[start..end].contains(first_word),
                "{}",
                &text[start..end]
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "the gazette backs some summary sentence");
}

#[test]
fn a_brief_left_pending_by_a_killed_run_is_rebuilt_by_the_next() {
    use corroborate::store::{NewArticle, content_hash};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("store");
    let files = story_files("kelsworth-by-election");
    // What a run killed after a chunk's commit leaves: the articles in a story whose first
    // brief is pending. Readers do not see that story yet.
    let read = corroborate::ingest::ingest(&files[..2], &PipelineConfig::default().ingest);
    let writer = store.writer().expect("writer");
    let mut seqs = Vec::new();
    for article in &read.articles {
        seqs.push(
            writer
                .insert_article(&NewArticle {
                    id: article.id.as_str().to_string(),
                    input: article.input.clone(),
                    title: article.title.clone(),
                    outlet: article.outlet.clone(),
                    published: article.published,
                    text: article.text.clone(),
                    origin: article.origin.clone(),
                    hash: content_hash(&article.text),
                })
                .expect("insert"),
        );
    }
    writer.assign_story(1, &seqs).expect("assign");
    writer.commit().expect("commit");
    assert_eq!(store.story_count().expect("count"), 0);
    assert!(store.story(1).expect("read").is_none());
    assert!(store.integrity().expect("check").is_empty());

    // The next run, even with nothing new to add, writes the pending brief.
    let report = add(&mut store, &files[..2]);
    assert_eq!((report.added, report.briefs_built), (0, 1));
    let stored = store.story(1).expect("read").expect("story");
    let whole = brief_inputs(&files[..2], &PipelineConfig::default());
    assert_eq!(
        stored.brief_json,
        render(&whole.brief, Format::Json, RenderOptions::default())
    );
    assert!(store.integrity().expect("check").is_empty());
}

#[test]
fn a_story_changed_by_several_chunks_of_a_run_gets_one_brief() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("store");
    let files = story_files("kelsworth-by-election");
    let report = ingest_into_store(
        &mut store,
        &files,
        &PipelineConfig::default(),
        &LibraryConfig {
            chunk: 2,
            ..LibraryConfig::default()
        },
        &mut |_, _| {},
    )
    .expect("ingest");
    assert_eq!((report.added, report.stories_opened), (5, 1));
    assert_eq!(report.briefs_built, 1, "three chunks, one brief");
    let id = store.stories(10, 0).expect("list")[0].id;
    let stored = store.story(id).expect("read").expect("story");
    // Chunks follow publication order, so the story holds its articles in that order.
    let in_store_order: Vec<String> = stored
        .summary
        .articles
        .iter()
        .map(|article| {
            store
                .article(article)
                .expect("read")
                .expect("article")
                .article
                .input
        })
        .collect();
    assert_eq!(in_store_order.len(), 5);
    let whole = brief_inputs(&in_store_order, &PipelineConfig::default());
    assert_eq!(
        stored.brief_json,
        render(&whole.brief, Format::Json, RenderOptions::default())
    );
    assert_eq!(stored.revision, 1);
}
