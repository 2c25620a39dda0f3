//! The server over a store built by `corroborate ingest` from the demo corpus: every
//! citation of every story opens its passage, and the brief's sources are the story's
//! articles.

mod support;

use serde_json::Value;
use support::*;

#[test]
fn every_citation_of_every_story_opens_its_passage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = build_demo_store(dir.path());
    let server = start_server(&db);
    let get = |path: &str| {
        let response = http(server, "GET", path, None);
        assert_eq!(response.status, 200, "{path}: {}", response.text());
        response.text()
    };
    let list: Value = serde_json::from_str(&get("/api/stories")).expect("json");
    let stories = list["stories"].as_array().expect("stories");
    assert!(stories.len() >= 2, "{list}");
    let mut citations = 0;
    for story in stories {
        let id = story["id"].as_i64().expect("id");
        // Source i of the brief is article i of the story, read from the same input.
        let brief: Value =
            serde_json::from_str(&get(&format!("/api/stories/{id}"))).expect("brief");
        let articles = story["articles"].as_array().expect("articles");
        let sources = brief["sources"].as_array().expect("sources");
        assert_eq!(sources.len(), articles.len(), "story {id}");
        for (source, article) in sources.iter().zip(articles) {
            let article = article.as_str().expect("id");
            let stored: Value = serde_json::from_str(&get(&format!(
                "/api/articles/{}",
                corroborate_server::encode_component(article)
            )))
            .expect("article");
            assert_eq!(stored["input"], source["input"], "story {id}: {article}");
        }
        let page = get(&format!("/stories/{id}"));
        for link in hrefs_with(&page, "#passage") {
            let target = get(link.split('#').next().expect("path"));
            assert!(
                target.contains("<mark class=\"passage\" id=\"passage\">"),
                "{link} shows no passage"
            );
            citations += 1;
        }
    }
    assert!(citations >= 10, "only {citations} citations");
}

#[test]
fn the_demo_story_shows_its_disputed_vote_count_with_the_majority_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = build_demo_store(dir.path());
    let server = start_server(&db);
    let list = http(server, "GET", "/", None).text();
    assert!(list.contains("Kelsworth"), "{list}");
    assert!(list.contains("disputed fact"), "{list}");
    let story = hrefs_with(&list, "/stories/")
        .into_iter()
        .find(|href| {
            let page = http(server, "GET", href, None).text();
            page.contains("Niamh Calloway: votes")
        })
        .expect("the by-election story");
    let page = http(server, "GET", &story, None).text();
    let facts = page.find("id=\"facts\"").expect("facts");
    let fact = &page[facts..];
    assert!(fact.contains("<div class=\"fact disputed\""), "{fact}");
    assert!(fact.contains("14,873") && fact.contains("14,837"), "{fact}");
    assert!(fact.contains("Check <code>majority"), "{fact}");
    assert!(page.contains("carry the same copy"), "the wire copy group");
    let hostile = http(server, "GET", "/articles/hostile-page.txt", None).text();
    assert!(
        !hostile.contains("<script") && !hostile.contains("<img"),
        "{hostile}"
    );
}

#[test]
fn a_story_page_shows_the_brief_an_ingest_rebuilt_while_serving() {
    use corroborate::library::{LibraryConfig, ingest_into_store};
    use corroborate::pipeline::PipelineConfig;
    use corroborate_store::Store;
    let dir = tempfile::tempdir().expect("temp dir");
    let story_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/kelsworth-by-election");
    let mut files: Vec<String> = std::fs::read_dir(&story_dir)
        .expect("demo story")
        .map(|entry| entry.expect("entry").path().display().to_string())
        .collect();
    files.sort();
    let db = dir.path().join("news.db");
    let ingest = |inputs: &[String]| {
        let mut store = Store::open(&db).expect("store");
        ingest_into_store(
            &mut store,
            inputs,
            &PipelineConfig::default(),
            &LibraryConfig::default(),
            &mut |_, _| {},
        )
        .expect("ingest")
    };
    assert_eq!(ingest(&files[..2]).added, 2);
    // Every brief is cached, however small, so the second read would come from the cache.
    let state = corroborate_server::AppState::open(&db, 2)
        .expect("the store opens")
        .caching_briefs_from(0);
    let server = serve_state(state);
    let list: Value =
        serde_json::from_str(&http(server, "GET", "/api/stories", None).text()).expect("json");
    let id = list["stories"][0]["id"].as_i64().expect("id");
    // The story's line under the title: its time span and how many sources it has.
    let meta = |path: &str| {
        let response = http(server, "GET", path, None);
        assert_eq!(response.status, 200, "{path}");
        let html = response.text();
        html.split("<p class=\"meta\">")
            .skip(1)
            .map(|rest| rest.split("</p>").next().unwrap_or_default().to_string())
            .find(|line| line.contains("independent"))
            .expect("a line counting the sources")
    };
    // The API's brief, sent from the cache once the page or the API has read it.
    let api_sources = || {
        let response = http(server, "GET", &format!("/api/stories/{id}"), None);
        assert_eq!(response.status, 200);
        let brief: Value = serde_json::from_str(&response.text()).expect("json");
        brief["sources"].as_array().map(Vec::len)
    };
    assert_eq!(api_sources(), Some(2));
    for _ in 0..2 {
        let shown = meta(&format!("/stories/{id}"));
        assert!(shown.contains("2 sources"), "{shown}");
        assert_eq!(api_sources(), Some(2));
    }
    assert!(meta(&format!("/stories/{id}/sources")).contains("2 sources"));

    // The rest of the story arrives while the server runs: the pages show the new brief.
    let report = ingest(&files[2..]);
    assert_eq!((report.added, report.stories_updated), (3, 1));
    assert_eq!(api_sources(), Some(5), "the API sends the rebuilt brief");
    let shown = meta(&format!("/stories/{id}"));
    assert!(shown.contains("5 sources"), "{shown}");
    assert!(meta(&format!("/stories/{id}/sources")).contains("5 sources"));
}
