//! A small invented store for the server tests, and a plain HTTP/1.1 client for talking to
//! a server (or chromedriver) on loopback without a client library.

#![allow(dead_code)] // Each test file uses part of the support module.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use corroborate_model::{OffsetMap, PublishedDate};
use corroborate_store::{
    ArticleView, Mark, MarkKind, NewArticle, RemovedPassage, Store, StoryMember, StoryWrite,
    content_hash,
};

/// The id of the article whose id needs encoding: a folder, a space and a `#`.
pub const AWKWARD_ID: &str = "wire/count day #1.txt";
/// The id of the article full of markup.
pub const HOSTILE_ID: &str = "hostile.txt";
/// The story holding both, with a disputed figure.
pub const STORY: i64 = 7;
/// An older story with nothing disputed.
pub const CALM_STORY: i64 = 3;

/// How many bytes the input has before the text (a metadata line), so input and text
/// offsets differ and the mapping is exercised.
pub const METADATA_BYTES: usize = 17;

pub const AWKWARD_TEXT: &str = "Harrowfield count ends in a recount\n\n\
Returning officer Tamsin Vell said \"we counted 1,204 ballots by hand\" after midnight.\n\
Click to play\n\
The Harrowfield Party won 1,204 votes, the Lantern Group 1,190.";

pub const HOSTILE_TEXT: &str = "Harrowfield recount <b>confirmed</b>\n\n\
<script>document.title='pwned'</script>\n\
<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\n\
<a href=\"javascript:document.body.setAttribute('data-pwned','2')\">read more</a>\n\
The Harrowfield Party won 1,240 votes, Tamsin Vell said.";

pub const CALM_TEXT: &str = "Pellbridge library reopens\n\nThe library reopened on Monday.";

/// The input span of `needle` in `text` (text offset plus the metadata line).
pub fn input_span(text: &str, needle: &str) -> (usize, usize) {
    let start = text.find(needle).expect("the needle is in the text");
    (
        start + METADATA_BYTES,
        start + needle.len() + METADATA_BYTES,
    )
}

/// The text span of `needle` in `text`.
pub fn text_span(text: &str, needle: &str) -> (usize, usize) {
    let start = text.find(needle).expect("the needle is in the text");
    (start, start + needle.len())
}

/// An invented article full of markup that would run if it were not escaped, told about
/// the demo corpus's by-election so it may join its story.
pub const DEMO_HOSTILE_TEXT: &str = " date 2024-03-16
Kelsworth result <b>questioned</b>

<script>document.title='pwned'</script>
<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">
<a href=\"javascript:document.body.setAttribute('data-pwned','2')\">Read the full result</a>

Niamh Calloway of the Social Alliance won the Kelsworth by-election, the returning officer said.
";

/// A store built by `corroborate ingest` from the demo corpus (`examples/`) and
/// [`DEMO_HOSTILE_TEXT`] as `hostile-page.txt`; returns its path.
pub fn build_demo_store(dir: &Path) -> PathBuf {
    use corroborate::library::{LibraryConfig, ingest_into_store};
    use corroborate::pipeline::PipelineConfig;
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let inputs = dir.join("inputs");
    std::fs::create_dir_all(&inputs).expect("inputs dir");
    std::fs::write(inputs.join("hostile-page.txt"), DEMO_HOSTILE_TEXT).expect("write");
    let path = dir.join("demo.db");
    let mut store = Store::open(&path).expect("a new store");
    let report = ingest_into_store(
        &mut store,
        &[
            examples.to_string_lossy().into_owned(),
            inputs.to_string_lossy().into_owned(),
        ],
        &PipelineConfig::default(),
        &LibraryConfig::default(),
        &mut |_, _| {},
    )
    .expect("ingest");
    assert_eq!(report.added, 9, "{:?}", report.diagnostics);
    path
}

/// Writes the invented store and returns its path.
pub fn build_store(dir: &Path) -> PathBuf {
    let path = dir.join("news.db");
    let mut store = Store::open(&path).expect("a new store");
    let writer = store.writer().expect("a writer");
    let article = |id: &str, text: &str, outlet: &str, date: &str| NewArticle {
        id: id.to_string(),
        input: format!("inputs/{id}"),
        title: text.lines().next().map(str::to_string),
        outlet: Some(outlet.to_string()),
        published: PublishedDate::parse(date),
        text: text.to_string(),
        origin: OffsetMap::shifted(METADATA_BYTES, text.len()),
        hash: content_hash(text),
    };
    let awkward = writer
        .insert_article(&article(
            AWKWARD_ID,
            AWKWARD_TEXT,
            "Harrowfield Courier",
            "2025-05-02",
        ))
        .expect("insert");
    let hostile = writer
        .insert_article(&article(
            HOSTILE_ID,
            HOSTILE_TEXT,
            "Lantern <i>Post</i>",
            "2025-05-03",
        ))
        .expect("insert");
    let calm = writer
        .insert_article(&article(
            "calm.txt",
            CALM_TEXT,
            "Pellbridge Echo",
            "2024-01-08",
        ))
        .expect("insert");

    let quote = text_span(AWKWARD_TEXT, "\"we counted 1,204 ballots by hand\"");
    let name = text_span(AWKWARD_TEXT, "Tamsin Vell");
    let figure = text_span(AWKWARD_TEXT, "1,204 votes");
    let furniture = text_span(AWKWARD_TEXT, "Click to play\n");
    let awkward_view = ArticleView {
        marks: vec![
            Mark {
                kind: MarkKind::Mention,
                start: name.0,
                end: name.1,
                label: "Tamsin Vell (person)".into(),
            },
            Mark {
                kind: MarkKind::Quote,
                start: quote.0,
                end: quote.1,
                label: "said by Tamsin Vell".into(),
            },
            Mark {
                kind: MarkKind::Claim,
                start: figure.0,
                end: figure.1,
                label: "votes: 1,204".into(),
            },
        ],
        removed: vec![RemovedPassage {
            start: furniture.0,
            end: furniture.1,
            reason: "video or audio player notice".into(),
        }],
    };
    let hostile_name = text_span(HOSTILE_TEXT, "Tamsin Vell");
    let hostile_view = ArticleView {
        marks: vec![Mark {
            kind: MarkKind::Mention,
            start: hostile_name.0,
            end: hostile_name.1,
            label: "Tamsin Vell <script>alert(3)</script>".into(),
        }],
        removed: Vec::new(),
    };
    let names = vec![("Tamsin Vell".to_string(), "Tamsin Vell".to_string())];
    writer
        .write_story(&StoryWrite {
            id: STORY,
            title: "Harrowfield count ends in a recount".into(),
            first_published: Some("2025-05-02".into()),
            last_published: Some("2025-05-03".into()),
            sources: 2,
            independent_sources: 2,
            disputed: 1,
            brief_json: brief_json(),
            members: vec![
                StoryMember {
                    seq: awkward,
                    view: awkward_view,
                    names: names.clone(),
                },
                StoryMember {
                    seq: hostile,
                    view: hostile_view,
                    names,
                },
            ],
        })
        .expect("story");
    writer
        .write_story(&StoryWrite {
            id: CALM_STORY,
            title: "Pellbridge library reopens".into(),
            first_published: Some("2024-01-08".into()),
            last_published: Some("2024-01-08".into()),
            sources: 1,
            independent_sources: 1,
            disputed: 0,
            brief_json: serde_json::json!({
                "schema": "corroborate/brief/v1", "title": "Pellbridge library reopens",
                "sources": [{"id": "S1", "input": "calm.txt", "title": null, "outlet": null,
                             "published": "2024-01-08", "published_precision": "day", "words": 9}],
                "summary": [], "entities": [], "quotes": [], "facts": [], "copies": [], "removed": []
            })
            .to_string(),
            members: vec![StoryMember {
                seq: calm,
                view: ArticleView::default(),
                names: Vec::new(),
            }],
        })
        .expect("story");
    writer.commit().expect("commit");
    path
}

/// The brief of the main story, in the public JSON form, citing input spans.
fn brief_json() -> String {
    let cited = input_span(AWKWARD_TEXT, "The Harrowfield Party won 1,204 votes");
    let hostile_cited = input_span(HOSTILE_TEXT, "The Harrowfield Party won 1,240 votes");
    let quote = input_span(AWKWARD_TEXT, "we counted 1,204 ballots by hand");
    serde_json::json!({
        "schema": "corroborate/brief/v1",
        "title": "Harrowfield count ends in a recount",
        "sources": [
            {"id": "S1", "input": AWKWARD_ID, "title": "Harrowfield count ends in a recount",
             "outlet": "Harrowfield Courier", "published": "2025-05-02", "published_precision": "day", "words": 30},
            {"id": "S2", "input": HOSTILE_ID, "title": "Harrowfield recount <b>confirmed</b>",
             "outlet": "Lantern <i>Post</i>", "published": "2025-05-03", "published_precision": "day", "words": 25}
        ],
        "summary": [
            {"text": "The Harrowfield Party won the recount <script>alert(4)</script>.", "sources": ["S1", "S2"],
             "evidence": [{"source": "S1", "start": cited.0, "end": cited.1},
                          {"source": "S2", "start": hostile_cited.0, "end": hostile_cited.1}]}
        ],
        "entities": [
            {"id": "E1", "name": "Tamsin Vell", "kind": "person", "aliases": ["Ms Vell"],
             "roles": ["returning officer"], "sources": ["S1", "S2"], "mentions": 2},
            {"id": "E2", "name": "Lantern Group", "kind": "organisation", "aliases": [],
             "roles": [], "sources": ["S1"], "mentions": 1}
        ],
        "quotes": [
            {"id": "Q1", "speaker": "Tamsin Vell", "speaker_entity": "E1",
             "text": "we counted 1,204 ballots by hand", "sources": ["S1"],
             "variants": [{"text": "we counted 1,204 ballots by hand", "sources": ["S1"],
                           "evidence": [{"source": "S1", "start": quote.0, "end": quote.1}]}]}
        ],
        "facts": [
            {"id": "F1", "subject": "Harrowfield Party", "subject_entity": null, "property": "votes",
             "scope": null, "status": "disputed",
             "values": [
                {"value": 1204.0, "display": "1,204", "qualifier": "exact", "sources": ["S1"],
                 "independent_sources": 1, "consistent": true,
                 "evidence": [{"source": "S1", "start": cited.0, "end": cited.1}]},
                {"value": 1240.0, "display": "1,240", "qualifier": "exact", "sources": ["S2"],
                 "independent_sources": 1, "consistent": false,
                 "evidence": [{"source": "S2", "start": hostile_cited.0, "end": hostile_cited.1}]}
             ],
             "checks": [{"rule": "majority = winner - runner-up", "holds": true,
                         "explanation": "1,204 - 1,190 = 14, the majority S1 gives"}]}
        ],
        "copies": [],
        "removed": [{"source": "S1", "text": "Click to play", "reason": "video or audio player notice",
                     "start": METADATA_BYTES + 120, "end": METADATA_BYTES + 133}],
        "timeline": [{"date": "2025-05-02", "precision": "day", "text": "The count ended after midnight.",
                      "sources": ["S1"], "evidence": []}],
        "additions": [{"source": "S2", "items": [{"text": "A recount was confirmed.", "evidence": []}]}]
    })
    .to_string()
}

/// A response read off the wire.
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `request_head` (a request line and headers, without the blank line) and `body`
/// as written, with `Connection: close`, and reads the whole response.
pub fn raw_request(addr: SocketAddr, request_head: &str, body: &[u8]) -> RawResponse {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut request = request_head.trim_end().replace('\n', "\r\n").into_bytes();
    request.extend_from_slice(b"\r\nConnection: close\r\n\r\n");
    request.extend_from_slice(body);
    stream.write_all(&request).expect("send");
    // Some servers (chromedriver) keep the connection open despite `Connection: close`, so
    // the body is read by its length when the head gives one.
    let mut raw = Vec::new();
    let mut buffer = [0u8; 64 * 1024];
    loop {
        let read = stream.read(&mut buffer).expect("read");
        if read == 0 {
            break;
        }
        raw.extend_from_slice(&buffer[..read]);
        if let Some(head_end) = raw.windows(4).position(|window| window == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..head_end]).to_lowercase();
            let length = head
                .lines()
                .filter_map(|line| line.strip_prefix("content-length:"))
                .find_map(|value| value.trim().parse::<usize>().ok());
            if let Some(length) = length
                && raw.len() >= head_end + 4 + length
            {
                break;
            }
            if head.starts_with("head ") || request_head.starts_with("HEAD ") {
                break;
            }
        }
    }
    parse_response(&raw)
}

/// A `METHOD path` request with a JSON body or none.
pub fn http(addr: SocketAddr, method: &str, path: &str, json: Option<&str>) -> RawResponse {
    let mut head = format!("{method} {path} HTTP/1.1\nHost: {addr}");
    let body = json.unwrap_or("");
    if json.is_some() {
        head.push_str(&format!(
            "\nContent-Type: application/json\nContent-Length: {}",
            body.len()
        ));
    }
    raw_request(addr, &head, body.as_bytes())
}

fn parse_response(raw: &[u8]) -> RawResponse {
    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_string(), value.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers.iter().any(|(key, value)| {
        key.eq_ignore_ascii_case("transfer-encoding") && value.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body);
    }
    RawResponse {
        status,
        headers,
        body,
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(line_end) = raw.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size_text = String::from_utf8_lossy(&raw[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("0").trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        let end = (start + size).min(raw.len());
        out.extend_from_slice(&raw[start..end]);
        raw = &raw[(end + 2).min(raw.len())..];
    }
}

/// Starts the server on a free loopback port in a thread of its own; it runs until the
/// test process ends.
pub fn start_server(db: &Path) -> SocketAddr {
    start_server_with_limits(db, corroborate_server::ConnectionLimits::default())
}

/// Starts the server as [`start_server`] does, with the given connection limits.
pub fn start_server_with_limits(
    db: &Path,
    limits: corroborate_server::ConnectionLimits,
) -> SocketAddr {
    let state = corroborate_server::AppState::open(db, 4).expect("the store opens");
    serve_state_with_limits(state, limits)
}

/// [`start_server`] with a state of the test's making.
pub fn serve_state(state: corroborate_server::AppState) -> SocketAddr {
    serve_state_with_limits(state, corroborate_server::ConnectionLimits::default())
}

fn serve_state_with_limits(
    state: corroborate_server::AppState,
    limits: corroborate_server::ConnectionLimits,
) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.set_nonblocking(true).expect("non-blocking");
    let addr = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            corroborate_server::serve_with_limits(listener, state, std::future::pending(), limits)
                .await
                .expect("serve");
        });
    });
    addr
}

/// The value of `href` attributes in `html` that contain `fragment`, with `&amp;` decoded.
pub fn hrefs_with(html: &str, fragment: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.contains(fragment))
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}
