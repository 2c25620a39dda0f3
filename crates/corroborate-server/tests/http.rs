//! The server over real HTTP on a loopback port: every route, statuses, security headers,
//! escaping, traversal attempts, size limits and methods.

mod support;

use std::net::SocketAddr;
use std::sync::OnceLock;

use corroborate_server::{CONTENT_SECURITY_POLICY, encode_component};
use support::*;

/// One server over one store for the whole file (the store is only read).
fn server() -> SocketAddr {
    static SERVER: OnceLock<(tempfile::TempDir, SocketAddr)> = OnceLock::new();
    SERVER
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let db = build_store(dir.path());
            let addr = start_server(&db);
            (dir, addr)
        })
        .1
}

fn get(path: &str) -> RawResponse {
    http(server(), "GET", path, None)
}

fn get_ok(path: &str) -> String {
    let response = get(path);
    assert_eq!(response.status, 200, "{path}: {}", response.text());
    response.text()
}

fn assert_security_headers(response: &RawResponse, what: &str) {
    assert_eq!(
        response.header("content-security-policy"),
        Some(CONTENT_SECURITY_POLICY),
        "{what}"
    );
    assert_eq!(
        response.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        response.header("referrer-policy"),
        Some("no-referrer"),
        "{what}"
    );
    assert_eq!(response.header("x-frame-options"), Some("DENY"), "{what}");
}

fn awkward_path() -> String {
    format!("/articles/{}", encode_component(AWKWARD_ID))
}

#[test]
fn story_list_is_newest_first_with_counts_and_the_disputed_badge() {
    let html = get_ok("/");
    let recount = html
        .find("Harrowfield count ends in a recount")
        .expect("new story");
    let library = html.find("Pellbridge library reopens").expect("old story");
    assert!(recount < library, "newest first");
    assert!(html.contains("href=\"/stories/7\""), "{html}");
    assert!(html.contains("<span class=\"badge disputed\">1 disputed fact</span>"));
    assert_eq!(
        html.matches("badge disputed").count(),
        1,
        "only the disputed story"
    );
    assert!(html.contains("2025-05-02 to 2025-05-03 \u{b7} 2 sources, 2 independent"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/static/style.css\">"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing external"
    );
}

#[test]
fn story_list_pages_past_the_end_are_empty_not_errors() {
    let html = get_ok("/?page=9");
    assert!(html.contains("No stories on this page"));
    assert_eq!(get("/?page=x").status, 400);
}

#[test]
fn story_page_shows_every_section_disputed_facts_with_their_check() {
    let html = get_ok("/stories/7");
    for anchor in [
        "id=\"summary\"",
        "id=\"facts\"",
        "id=\"quotes\"",
        "id=\"entities\"",
        "id=\"timeline\"",
        "id=\"additions\"",
        "id=\"sources\"",
        "id=\"removed\"",
    ] {
        assert!(html.contains(anchor), "{anchor} missing");
    }
    assert!(html.contains("<div class=\"fact disputed\" id=\"fact-F1\">"));
    assert!(html.contains("<span class=\"badge disputed\">disputed</span>"));
    assert!(html.contains(
        "Check <code>majority = winner - runner-up</code> holds: 1,204 - 1,190 = 14, the majority S1 gives"
    ));
    assert!(html.contains("<li class=\"contradicted\"><strong class=\"value\">1,240</strong>"));
    assert!(html.contains("<h3>Tamsin Vell</h3>"));
    assert!(
        html.contains("<span class=\"when\">2025-05-02</span> The count ended after midnight.")
    );
    assert!(html.contains("A recount was confirmed."));
    // The entity links to a search for it.
    assert!(
        html.contains("href=\"/search?q=entity%3A%22Tamsin%20Vell%22\""),
        "{html}"
    );
    // The facts come before the quotes, the summary before the facts.
    let order: Vec<usize> = [
        "id=\"summary\"",
        "id=\"facts\"",
        "id=\"quotes\"",
        "id=\"sources\"",
    ]
    .iter()
    .map(|anchor| html.find(anchor).expect("section"))
    .collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{order:?}");
}

#[test]
fn citations_open_the_cited_passage_highlighted() {
    let html = get_ok("/stories/7");
    let links = hrefs_with(&html, "#passage");
    let (from, to) = input_span(AWKWARD_TEXT, "The Harrowfield Party won 1,204 votes");
    let expected = format!("{}?from={from}&to={to}#passage", awkward_path());
    assert!(links.contains(&expected), "{links:?}");
    let page = expected.split('#').next().expect("path");
    let article = get_ok(page);
    assert_eq!(article.matches("id=\"passage\"").count(), 1);
    let start = article.find("id=\"passage\">").expect("anchor");
    let plain: String = article[start..]
        .split("<mark class=\"passage\"")
        .map(|piece| strip_tags(&format!("<{}", piece.split("</mark>").next().unwrap_or(""))))
        .collect();
    assert!(
        plain.contains("The Harrowfield Party won 1,204 votes"),
        "{plain}"
    );
    assert!(
        !plain.contains("Lantern Group"),
        "only the passage: {plain}"
    );
    assert!(article.contains("The cited passage is highlighted"));
}

#[test]
fn a_span_outside_the_text_says_so_instead_of_failing() {
    let article = get_ok(&format!("{}?from=900000&to=900010", awkward_path()));
    assert!(article.contains("The cited passage is not in the text shown"));
    assert!(!article.contains("id=\"passage\""));
    assert_eq!(get(&format!("{}?from=-3&to=2", awkward_path())).status, 400);
}

#[test]
fn article_page_marks_quotes_claims_and_names_and_folds_removed_furniture() {
    let html = get_ok(&awkward_path());
    assert!(html.contains(
        "<span class=\"mark mention\" title=\"Tamsin Vell (person)\">Tamsin Vell</span>"
    ));
    assert!(html.contains("<span class=\"mark quote\" title=\"said by Tamsin Vell\">"));
    assert!(html.contains("<span class=\"mark claim\" title=\"votes: 1,204\">1,204 votes</span>"));
    assert!(html.contains(
        "<details class=\"removed\"><summary>removed: video or audio player notice</summary>Click to play\n</details>"
    ));
    assert!(
        html.contains("href=\"/stories/7\""),
        "links back to its story"
    );
}

#[test]
fn ids_with_slashes_spaces_and_hashes_round_trip() {
    let encoded = encode_component(AWKWARD_ID);
    assert_eq!(encoded, "wire%2Fcount%20day%20%231.txt");
    get_ok(&format!("/articles/{encoded}"));
    // A slash left unencoded is part of the id too.
    get_ok("/articles/wire/count%20day%20%231.txt");
    get_ok(&format!("/articles?id={encoded}"));
    let json: serde_json::Value =
        serde_json::from_str(&get_ok(&format!("/api/articles/{encoded}"))).expect("json");
    assert_eq!(json["id"], AWKWARD_ID);
    assert_eq!(json["text"], AWKWARD_TEXT);
    assert_eq!(json["marks"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["removed"][0]["reason"], "video or audio player notice");
    // An unencoded `#` ends the path: the id is then another, unknown one.
    assert_eq!(get("/articles/wire/count%20day%20#1.txt").status, 404);
}

#[test]
fn article_markup_renders_inert_everywhere() {
    let pages = [
        get_ok(&format!("/articles/{HOSTILE_ID}")),
        get_ok("/stories/7"),
        get_ok("/search?q=harrowfield"),
        get_ok("/"),
    ];
    for html in &pages {
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(!html.contains("onerror=\""), "{html}");
    }
    let article = &pages[0];
    assert!(article.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(article.contains("&lt;a href=&quot;javascript:"));
    assert!(article.contains("title=\"Tamsin Vell &lt;script&gt;alert(3)&lt;/script&gt;\""));
    assert!(pages[1].contains("Lantern &lt;i&gt;Post&lt;/i&gt;"));
}

#[test]
fn every_response_carries_the_security_headers() {
    for path in [
        "/",
        "/stories/7",
        "/stories/999",
        "/search?q=recount",
        "/static/style.css",
        "/api/stories",
        "/api/openapi.json",
        "/nowhere",
        "/api/nowhere",
    ] {
        assert_security_headers(&get(path), path);
    }
    assert_security_headers(&http(server(), "POST", "/", Some("{}")), "POST /");
    assert_security_headers(&get(&format!("/search?q={}", "a".repeat(3000))), "414");
}

#[test]
fn each_section_of_a_story_has_its_own_page() {
    let facts = get_ok(&format!("/stories/{STORY}/facts"));
    assert!(facts.contains("<h1>Facts</h1>"), "{facts}");
    assert!(facts.contains("class=\"fact disputed\""), "{facts}");
    assert!(
        !facts.contains("<section id=\"quotes\">"),
        "only the one section"
    );
    assert!(
        facts.contains(&format!("href=\"/stories/{STORY}\"")),
        "a way back"
    );
    let sources = get_ok(&format!("/stories/{STORY}/sources?page=1"));
    assert!(sources.contains("id=\"source-S1\""), "{sources}");
    let past = get_ok(&format!("/stories/{STORY}/sources?page=40"));
    assert!(
        !past.contains("id=\"source-S1\""),
        "a page past the end is empty"
    );
    assert_eq!(get(&format!("/stories/{STORY}/facts?page=x")).status, 400);
}

#[test]
fn unknown_stories_articles_and_routes_are_404_pages() {
    for path in [
        "/stories/999",
        "/stories/abc",
        "/stories/7x",
        "/stories/999/facts",
        "/stories/7/nothing",
        "/stories/7/facts/more",
        "/articles/nothing.txt",
        "/nowhere",
        "/static/missing.css",
    ] {
        let response = get(path);
        assert_eq!(response.status, 404, "{path}");
        assert!(
            response
                .header("content-type")
                .is_some_and(|kind| kind.starts_with("text/html")),
            "{path}"
        );
        assert!(response.text().contains("<h1>404 Not Found</h1>"), "{path}");
    }
    for path in [
        "/api/stories/999",
        "/api/articles/nothing.txt",
        "/api/nowhere",
    ] {
        let response = get(path);
        assert_eq!(response.status, 404, "{path}");
        let json: serde_json::Value = serde_json::from_slice(&response.body).expect("json");
        assert_eq!(json["status"], 404);
        assert!(json["error"].as_str().is_some_and(|e| !e.is_empty()));
    }
}

#[test]
fn no_path_leads_out_of_the_static_files() {
    for path in [
        "/static/../../etc/passwd",
        "/static/..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/%252e%252e/etc/passwd",
        "/static/style.css/../../../etc/passwd",
        "/static//etc/passwd",
        "/../../etc/passwd",
        "/articles/../../etc/passwd",
        "/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/articles/..%2F..%2Fetc%2Fpasswd",
        "/stories/..%2f..%2fetc%2fpasswd",
    ] {
        let response = get(path);
        assert_eq!(response.status, 404, "{path}");
        assert!(!response.text().contains("root:"), "{path}");
    }
    let css = get("/static/style.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(css.text().contains("@media print"));
}

#[test]
fn long_query_strings_and_paths_are_refused() {
    let long_query = format!("/search?q={}", "a".repeat(3000));
    assert_eq!(get(&long_query).status, 414);
    let long_api = format!("/api/search?q={}", "a".repeat(3000));
    let response = get(&long_api);
    assert_eq!(response.status, 414);
    assert!(serde_json::from_slice::<serde_json::Value>(&response.body).is_ok());
    assert_eq!(get(&format!("/articles/{}", "x".repeat(3000))).status, 414);
    // Just under the limit is served.
    assert_eq!(get(&format!("/search?q={}", "a".repeat(2000))).status, 200);
}

#[test]
fn writes_are_refused_with_405_and_bodies_with_413() {
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        for path in ["/", "/api/stories", "/api/stories/7", "/nowhere"] {
            let response = http(server(), method, path, Some("{\"title\":\"x\"}"));
            assert_eq!(response.status, 405, "{method} {path}");
            assert_eq!(response.header("allow"), Some("GET, HEAD"));
        }
    }
    let response = raw_request(
        server(),
        "GET / HTTP/1.1\nHost: x\nContent-Length: 5",
        b"hello",
    );
    assert_eq!(response.status, 413);
}

#[test]
fn head_gets_the_headers_without_a_body() {
    let response = http(server(), "HEAD", "/stories/7", None);
    assert_eq!(response.status, 200);
    assert!(response.body.is_empty());
    assert_security_headers(&response, "HEAD");
}

#[test]
fn search_page_explains_the_syntax_and_finds_entities_and_words() {
    let empty = get_ok("/search");
    assert!(empty.contains("<details class=\"help\" open>"));
    assert!(empty.contains("<code>entity:\"Grace Okafor\"</code>"));
    let by_entity = get_ok("/search?q=entity%3A%22Tamsin%20Vell%22");
    assert!(by_entity.contains("2 articles match"), "{by_entity}");
    assert!(by_entity.contains("value=\"entity:&quot;Tamsin Vell&quot;\""));
    let by_word = get_ok("/search?q=ballots");
    assert!(by_word.contains("<mark>ballots</mark>"), "{by_word}");
    assert!(by_word.contains(&format!("href=\"{}\"", awkward_path())));
    let disputed = get_ok("/search?q=is%3Adisputed+library");
    assert!(disputed.contains("0 articles match"));
    let bad_date = get_ok("/search?q=after%3Asoon+recount");
    assert!(bad_date.contains("not a date"), "{bad_date}");
}

#[test]
fn api_stories_pages_with_limit_and_offset() {
    let json: serde_json::Value = serde_json::from_str(&get_ok("/api/stories")).expect("json");
    assert_eq!(json["total"], 2);
    let first = &json["stories"][0];
    assert_eq!(first["id"], STORY);
    assert_eq!(first["disputed"], 1);
    assert_eq!(first["independent_sources"], 2);
    assert_eq!(first["first_published"], "2025-05-02");
    assert_eq!(
        first["articles"],
        serde_json::json!([AWKWARD_ID, HOSTILE_ID])
    );
    let second: serde_json::Value =
        serde_json::from_str(&get_ok("/api/stories?limit=1&offset=1")).expect("json");
    assert_eq!(second["stories"].as_array().map(Vec::len), Some(1));
    assert_eq!(second["stories"][0]["id"], CALM_STORY);
    assert_eq!(second["total"], 2);
    for bad in [
        "/api/stories?limit=0",
        "/api/stories?limit=501",
        "/api/stories?limit=x",
    ] {
        let response = get(bad);
        assert_eq!(response.status, 400, "{bad}");
        assert_eq!(response.header("content-type"), Some("application/json"));
    }
}

#[test]
fn api_story_is_the_stored_brief_and_api_search_finds_by_entity() {
    let brief: serde_json::Value = serde_json::from_str(&get_ok("/api/stories/7")).expect("json");
    assert_eq!(brief["schema"], "corroborate/brief/v1");
    assert_eq!(brief["facts"][0]["status"], "disputed");
    let found: serde_json::Value = serde_json::from_str(&get_ok(
        "/api/search?q=entity%3A%22Tamsin%20Vell%22&limit=1",
    ))
    .expect("json");
    assert_eq!(found["query"], "entity:\"Tamsin Vell\"");
    assert_eq!(found["total"], 2);
    assert_eq!(found["hits"].as_array().map(Vec::len), Some(1));
    assert_eq!(found["hits"][0]["story"], STORY);
}

#[test]
fn every_openapi_path_is_served_with_its_documented_fields() {
    let document: serde_json::Value =
        serde_json::from_str(&get_ok("/api/openapi.json")).expect("json");
    assert_eq!(document["openapi"], "3.1.0");
    let paths = document["paths"].as_object().expect("paths");
    assert!(paths.len() >= 5);
    for (template, item) in paths {
        let id = if template.contains("articles") {
            encode_component(AWKWARD_ID)
        } else {
            STORY.to_string()
        };
        let path = template.replace("{id}", &id);
        let path = if template == "/api/search" {
            "/api/search?q=recount".to_string()
        } else {
            path
        };
        let response = get(&path);
        assert_eq!(response.status, 200, "{template} as {path}");
        let ok = &item["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        let schema = match ok["$ref"].as_str() {
            Some(reference) => {
                let name = reference.rsplit('/').next().expect("name");
                &document["components"]["schemas"][name]
            }
            None => ok,
        };
        let body: serde_json::Value = serde_json::from_slice(&response.body).expect("json");
        for field in schema["required"].as_array().into_iter().flatten() {
            let field = field.as_str().expect("field name");
            assert!(body.get(field).is_some(), "{template}: {field} missing");
        }
    }
}

#[test]
fn a_damaged_brief_is_a_500_with_a_plain_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = build_store(dir.path());
    let mut store = corroborate_store::Store::open(&db).expect("open");
    let writer = store.writer().expect("writer");
    writer
        .write_story(&corroborate_store::StoryWrite {
            id: 11,
            title: "Broken".into(),
            first_published: None,
            last_published: None,
            sources: 0,
            independent_sources: 0,
            disputed: 0,
            brief_json: "{not json".into(),
            members: Vec::new(),
        })
        .expect("write");
    writer.commit().expect("commit");
    drop(store);
    let addr = start_server(&db);
    let response = http(addr, "GET", "/stories/11", None);
    assert_eq!(response.status, 500);
    let text = response.text();
    assert!(text.contains("the store could not be read"), "{text}");
    assert!(
        !text.contains("news.db"),
        "no file paths to the client: {text}"
    );
    assert_security_headers(&response, "500");
    // The other stories are still served.
    assert_eq!(http(addr, "GET", "/stories/7", None).status, 200);
}

#[test]
fn missing_and_foreign_store_files_are_refused_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("absent.db");
    let error = corroborate_server::AppState::open(&missing, 2)
        .err()
        .expect("refused");
    assert!(error.to_string().contains("absent.db"), "{error}");
    let notes = dir.path().join("notes.db");
    std::fs::write(&notes, "not a database at all\n".repeat(100)).expect("write");
    let error = corroborate_server::AppState::open(&notes, 2)
        .err()
        .expect("refused");
    assert!(
        error.to_string().contains("not an SQLite database"),
        "{error}"
    );
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
