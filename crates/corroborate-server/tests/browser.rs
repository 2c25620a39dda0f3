//! The web UI in a real browser: Debian's Chromium driven headless through chromedriver's
//! W3C WebDriver API (spoken with the plain HTTP client of `support`, no client crate).
//!
//! Skipped, with the reason printed, when `/usr/bin/chromium` or `/usr/bin/chromedriver` is
//! missing, unless `CORROBORATE_REQUIRE_BROWSER=1` (set by `.ci/run` after installing
//! them), which turns the skip into a failure. The story page's screenshot is saved to
//! `target/browser-artifacts/story.png`.

mod support;

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::*;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

#[test]
fn reading_a_story_in_a_real_browser() {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|program| !Path::new(program).exists())
        .collect();
    if !missing.is_empty() {
        let reason = format!(
            "browser test skipped: {} not installed (apt-get install -y chromium chromium-driver)",
            missing.join(" and ")
        );
        assert!(
            std::env::var_os("CORROBORATE_REQUIRE_BROWSER").is_none_or(|value| value != "1"),
            "{reason}, but CORROBORATE_REQUIRE_BROWSER=1"
        );
        eprintln!("{reason}");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = build_demo_store(dir.path());
    let server = start_server(&db);
    let base = format!("http://{server}");
    let driver = Driver::start(dir.path());
    let browser = driver.session(&dir.path().join("profile"));

    // The story list, then the by-election story by clicking its title.
    browser.open(&format!("{base}/"));
    let title = browser.find_xpath("//ol[@class='stories']//a[contains(., 'Kelsworth')]");
    browser.click(&title);
    browser.wait_for_url(|url| url.contains("/stories/"));

    // The disputed vote count and the majority check deciding it are on screen.
    let fact = browser.find(".fact.disputed");
    assert!(browser.displayed(&fact));
    let fact_text = browser.text(&fact);
    assert!(fact_text.contains("Niamh Calloway: votes"), "{fact_text}");
    assert!(fact_text.contains("disputed"), "{fact_text}");
    assert!(
        fact_text.contains("14,873") && fact_text.contains("14,837"),
        "{fact_text}"
    );
    assert!(
        fact_text.contains("Check majority = winner votes - runner-up votes holds"),
        "{fact_text}"
    );
    assert!(fact_text.contains("14,873 - 11,269 = 3,604"), "{fact_text}");
    let screenshot = browser.screenshot();
    let artifacts = artifacts_dir();
    std::fs::create_dir_all(&artifacts).expect("artifacts dir");
    std::fs::write(artifacts.join("story.png"), &screenshot).expect("screenshot");
    assert!(screenshot.starts_with(b"\x89PNG"), "a PNG");

    // A citation of the summary opens its article with the cited passage highlighted and
    // scrolled into view; the passage is the cited sentence.
    let cite = browser.find("#summary a.cite");
    let cited_sentence = browser
        .script("return document.querySelector('#summary li').firstChild.textContent.trim();");
    browser.click(&cite);
    let url = browser.wait_for_url(|url| url.contains("/articles/"));
    assert!(
        url.contains("/articles/") && url.contains("?from="),
        "{url}"
    );
    assert!(url.ends_with("#passage"), "{url}");
    let passage = browser.find("mark#passage");
    assert!(browser.displayed(&passage));
    let shown = browser.script(
        "const marks = [...document.querySelectorAll('mark.passage')];
         const first = marks[0].getBoundingClientRect();
         return { text: marks.map(m => m.textContent).join(''),
                  inView: first.top >= 0 && first.top < window.innerHeight,
                  background: getComputedStyle(marks[0]).backgroundColor };",
    );
    assert_eq!(shown["inView"], true, "{shown}");
    assert_ne!(
        shown["background"], "rgba(0, 0, 0, 0)",
        "highlighted: {shown}"
    );
    // The first citation may be another outlet's wording of the sentence: most of the
    // sentence's words are in the passage either way.
    let passage_text = shown["text"].as_str().unwrap_or_default();
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.len() > 3)
            .map(str::to_lowercase)
            .collect()
    };
    let sentence_words = words(cited_sentence.as_str().unwrap_or_default());
    let passage_words = words(passage_text);
    let shared = sentence_words
        .iter()
        .filter(|word| passage_words.contains(word))
        .count();
    assert!(
        !sentence_words.is_empty() && shared * 2 >= sentence_words.len(),
        "passage {passage_text:?} shares {shared} of the {} words of {cited_sentence}",
        sentence_words.len()
    );

    // Searching for an entity by name from the search box.
    browser.open(&format!("{base}/"));
    let input = browser.find("form.search input[name=q]");
    browser.type_text(&input, "entity:\"Niamh Calloway\"");
    browser.click(&browser.find("form.search button"));
    browser.wait_for_url(|url| url.contains("/search?q="));
    let hits = browser.script("return document.querySelectorAll('ol.hits li.hit').length;");
    assert!(hits.as_u64().is_some_and(|n| n >= 5), "{hits}");
    assert!(
        browser
            .text(&browser.find("main"))
            .contains("articles match")
    );

    // No script from an article ran, on its page, in its story or in search results.
    browser.open(&format!("{base}/articles/hostile-page.txt"));
    let story_link = browser.script(
        "const a = document.querySelector('main p a[href^=\"/stories/\"]'); return a ? a.getAttribute('href') : null;",
    );
    let mut pages = vec![
        format!("{base}/articles/hostile-page.txt"),
        format!("{base}/search?q=questioned"),
    ];
    if let Some(story) = story_link.as_str() {
        pages.push(format!("{base}{story}"));
    }
    for page in &pages {
        browser.open(page);
        let state = browser.script(
            "return { title: document.title,
                      pwned: document.body.getAttribute('data-pwned'),
                      scripts: document.querySelectorAll('script').length,
                      images: document.querySelectorAll('img').length,
                      jsLinks: document.querySelectorAll('a[href^=\"javascript\"]').length };",
        );
        assert!(
            !state["title"].as_str().unwrap_or("").contains("pwned"),
            "{page}: {state}"
        );
        assert_eq!(state["pwned"], Value::Null, "{page}: {state}");
        assert_eq!(state["scripts"], json!(0), "{page}: {state}");
        assert_eq!(state["images"], json!(0), "{page}: {state}");
        assert_eq!(state["jsLinks"], json!(0), "{page}: {state}");
    }
    browser.open(&format!("{base}/articles/hostile-page.txt"));
    let body = browser.text(&browser.find(".article-text"));
    assert!(
        body.contains("<script>document.title='pwned'</script>"),
        "the markup is shown as text: {body}"
    );
}

fn artifacts_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("browser-artifacts")
}

/// A chromedriver process on a free loopback port, killed when dropped.
struct Driver {
    child: Child,
    addr: SocketAddr,
}

impl Driver {
    fn start(dir: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let log = std::fs::File::create(dir.join("chromedriver.log")).expect("log file");
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if std::net::TcpStream::connect(driver.addr).is_ok() {
                let status = http(driver.addr, "GET", "/status", None);
                if status.status == 200 {
                    break;
                }
            }
            assert!(Instant::now() < deadline, "chromedriver did not start");
            sleep(Duration::from_millis(100));
        }
        driver
    }

    fn session(&self, profile: &Path) -> Browser {
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1000,1400",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        }}});
        let reply = call(self.addr, "POST", "/session", Some(&capabilities));
        let id = reply["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("a session: {reply}"))
            .to_string();
        Browser {
            addr: self.addr,
            session: id,
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One WebDriver session.
struct Browser {
    addr: SocketAddr,
    session: String,
}

impl Browser {
    fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        call(
            self.addr,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        )
    }

    fn open(&self, url: &str) {
        self.command("POST", "/url", Some(&json!({ "url": url })));
    }

    fn url(&self) -> String {
        self.command("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Clicking a link or a submit button can return before the navigation it starts has
    /// finished: the current URL is polled until it passes `arrived` (or ten seconds pass,
    /// which fails with the URL last seen), and then returned.
    fn wait_for_url(&self, arrived: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let url = self.url();
            let ready = self.script("return document.readyState;");
            if arrived(&url) && ready == "complete" {
                return url;
            }
            assert!(
                Instant::now() < deadline,
                "navigation did not arrive: {url} ({ready})"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn find(&self, css: &str) -> String {
        let found = self.command(
            "POST",
            "/element",
            Some(&json!({"using": "css selector", "value": css})),
        );
        found[ELEMENT_KEY]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_string()
    }

    fn find_xpath(&self, xpath: &str) -> String {
        let found = self.command(
            "POST",
            "/element",
            Some(&json!({"using": "xpath", "value": xpath})),
        );
        found[ELEMENT_KEY]
            .as_str()
            .unwrap_or_else(|| panic!("no element {xpath}: {found}"))
            .to_string()
    }

    fn text(&self, element: &str) -> String {
        self.command("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn displayed(&self, element: &str) -> bool {
        self.command("GET", &format!("/element/{element}/displayed"), None) == json!(true)
    }

    fn click(&self, element: &str) {
        self.command(
            "POST",
            &format!("/element/{element}/click"),
            Some(&json!({})),
        );
    }

    fn type_text(&self, element: &str, text: &str) {
        self.command(
            "POST",
            &format!("/element/{element}/value"),
            Some(&json!({ "text": text })),
        );
    }

    fn script(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            Some(&json!({"script": script, "args": []})),
        )
    }

    fn screenshot(&self) -> Vec<u8> {
        let encoded = self.command("GET", "/screenshot", None);
        decode_base64(encoded.as_str().expect("base64 text"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.addr,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
    }
}

/// A WebDriver command; its `value`, or a panic naming the WebDriver error.
fn call(addr: SocketAddr, method: &str, path: &str, body: Option<&Value>) -> Value {
    let body = body.map(Value::to_string);
    let response = http(addr, method, path, body.as_deref());
    let reply: Value = serde_json::from_slice(&response.body)
        .unwrap_or_else(|_| panic!("{method} {path}: {}", response.text()));
    assert_eq!(response.status, 200, "{method} {path}: {reply}");
    reply["value"].clone()
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut acc = 0u32;
        for (index, digit) in chunk.iter().enumerate() {
            acc |= digit << (18 - 6 * index);
        }
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}
