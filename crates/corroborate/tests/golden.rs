//! Golden briefs: each demo story through the whole pipeline, every rendering compared with
//! the files under `tests/golden/<story>/`. Refresh with `UPDATE_EXPECT=1 cargo test` and
//! review the diff like code.

mod common;

use std::fs;
use std::path::Path;

use corroborate::ingest::text_article;
use corroborate::model::Brief;
use corroborate::pipeline::{PipelineConfig, brief_articles};
use corroborate::render::{Format, JsonBrief, RenderOptions, render};
use expect_test::{ExpectFile, expect_file};

/// Briefs `examples/<story>/`, naming inputs as the README's command does.
fn brief_example(story: &str) -> (Brief, Vec<Vec<u8>>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(story);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("the demo corpus ships in examples/")
        .map(|entry| {
            entry
                .expect("readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    let mut articles = Vec::new();
    let mut inputs = Vec::new();
    for name in names {
        let bytes = fs::read(dir.join(&name)).expect("readable demo article");
        let shown = format!("examples/{story}/{name}");
        articles.push(
            text_article(&name, &shown, &bytes)
                .0
                .expect("demo articles have text"),
        );
        inputs.push(bytes);
    }
    (
        brief_articles(articles, &PipelineConfig::default()).brief,
        inputs,
    )
}

fn check_renderings(
    story: &str,
    text: ExpectFile,
    markdown: ExpectFile,
    json: ExpectFile,
    html: ExpectFile,
) {
    let (brief, inputs) = brief_example(story);
    common::assert_traceable(&brief, &inputs, story);
    let plain = RenderOptions { color: false };
    text.assert_eq(&render(&brief, Format::Text, plain));
    markdown.assert_eq(&render(&brief, Format::Markdown, plain));
    let rendered_json = render(&brief, Format::Json, plain);
    json.assert_eq(&rendered_json);
    html.assert_eq(&render(&brief, Format::Html, plain));
    let parsed: JsonBrief =
        serde_json::from_str(&rendered_json).expect("the JSON brief parses back");
    assert_eq!(parsed, JsonBrief::from_brief(&brief));
}

#[test]
fn kelsworth_by_election() {
    check_renderings(
        "kelsworth-by-election",
        expect_file!["golden/kelsworth-by-election/brief.txt"],
        expect_file!["golden/kelsworth-by-election/brief.md"],
        expect_file!["golden/kelsworth-by-election/brief.json"],
        expect_file!["golden/kelsworth-by-election/brief.html"],
    );
}

#[test]
fn pellmouth_water_outage() {
    check_renderings(
        "pellmouth-water-outage",
        expect_file!["golden/pellmouth-water-outage/brief.txt"],
        expect_file!["golden/pellmouth-water-outage/brief.md"],
        expect_file!["golden/pellmouth-water-outage/brief.json"],
        expect_file!["golden/pellmouth-water-outage/brief.html"],
    );
}

#[test]
fn demo_furniture_is_removed_and_reported() {
    let (brief, _) = brief_example("kelsworth-by-election");
    let removed: Vec<&str> = brief
        .removed
        .iter()
        .map(|item| item.text.as_str())
        .collect();
    for furniture in [
        "Video unavailable",
        "Switch to a supported browser to watch this video",
        "Your browser does not support HTML5 video.",
        "Read More",
        "Related Articles",
        "Picture: Meridian Press",
        "Photo: Owen Pritchard/Lenscape Pictures",
        "This story is being updated",
        "Advertisement",
        "Share this article",
        "You can unsubscribe at any time",
    ] {
        assert!(
            removed.contains(&furniture),
            "{furniture:?} was not removed"
        );
    }
    // Reporting and headlines stay: nothing removed is a full reporting sentence.
    assert!(
        brief
            .removed
            .iter()
            .all(|item| item.text.split_whitespace().count() < 80)
    );
    assert!(removed.iter().all(|text| !text.contains("14,873")));
    let summary: String = brief
        .summary
        .iter()
        .map(|sentence| sentence.text.as_str())
        .collect();
    assert!(!summary.contains("unsubscribe") && !summary.contains("Video unavailable"));
}

#[test]
fn demo_hyphenation_is_repaired_in_the_wire_copy() {
    let (brief, _) = brief_example("kelsworth-by-election");
    let run_text = brief_article_text("kelsworth-by-election", "meridian-press-wire.txt");
    for joined in [
        "constituency",
        "candidate",
        "majority",
        "disappointment",
        "Westminster",
    ] {
        assert!(run_text.contains(joined), "{joined} not joined");
    }
    for compound in ["long-\nstanding", "by-\nelection", "co-\nchairwoman"] {
        assert!(run_text.contains(compound), "{compound:?} lost its hyphen");
    }
    assert!(!brief.title.is_empty());
}

fn brief_article_text(story: &str, name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(story);
    let articles: Vec<_> = fs::read_dir(&dir)
        .expect("demo corpus")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
        .map(|path| {
            let bytes = fs::read(&path).expect("readable");
            let name = path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            text_article(&name, &name, &bytes).0.expect("text")
        })
        .collect();
    let (analyzed, _) =
        corroborate::pipeline::analyze_articles(&articles, &PipelineConfig::default());
    analyzed
        .into_iter()
        .find(|article| article.clean.article.id.as_str() == name)
        .map(|article| article.clean.text)
        .expect("the named article")
}
