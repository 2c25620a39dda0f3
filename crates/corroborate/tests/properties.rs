//! Properties of the whole pipeline on arbitrary input: no panic, offsets inside the input
//! (summary, timeline, additions, removals), cleaning is stable, the same input gives the
//! same brief, the JSON brief parses back.

mod common;

use corroborate::clean::{CleanConfig, CleanContext, clean};
use corroborate::ingest::text_article;
use corroborate::model::Article;
use corroborate::pipeline::{PipelineConfig, brief_articles};
use corroborate::render::{Format, JsonBrief, RenderOptions, render};
use proptest::prelude::*;

/// Pieces news text is made of, furniture and awkward punctuation included.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("The council voted 14,512 to 402 on Tuesday.".to_string()),
        Just("Mr. Hale said: \u{201C}We won. We are back.\u{201D}".to_string()),
        Just("\"Is it over?\" she asked.".to_string()),
        Just("Video unavailable".to_string()),
        Just("Sign up for our newsletter".to_string()),
        Just("Read More".to_string()),
        Just("\u{2022} A related headline here".to_string()),
        Just("Photo: Ann Lee/Coast Pictures".to_string()),
        Just("Advertisement".to_string()),
        Just("the constitu-".to_string()),
        Just("ency voted and the by-".to_string()),
        Just("election \u{2014} a long-standing seat\u{2026}".to_string()),
        Just("U.S. officials met J. R. Brandt at 3 a.m.".to_string()),
        Just("\u{201C}".to_string()),
        Just("\n\u{2014} Staff reporter".to_string()),
        Just("\n\u{2013}".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" date 2021-07-04 ".to_string()),
        Just("The pier closed on 2 July 2021 and reopened in May.".to_string()),
        Just("Schools shut yesterday; the mine closed five years ago, on Friday.".to_string()),
        Just("Officials will meet next week, she said last month.".to_string()),
        "[a-zA-Z ,.!?\"'\u{2019}\u{201C}\u{201D}\u{00A0}-]{0,40}",
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..40).prop_map(|parts| parts.join(" "))
}

fn article(bytes: &[u8], name: &str) -> Option<Article> {
    text_article(name, name, bytes).0
}

fn check_brief(inputs: &[Vec<u8>]) -> Result<(), TestCaseError> {
    let articles: Vec<Article> = inputs
        .iter()
        .enumerate()
        .filter_map(|(index, bytes)| article(bytes, &format!("{index}.txt")))
        .collect();
    let kept: Vec<Vec<u8>> = inputs
        .iter()
        .enumerate()
        .filter(|(index, bytes)| article(bytes, &format!("{index}.txt")).is_some())
        .map(|(_, bytes)| bytes.clone())
        .collect();
    let run = brief_articles(articles.clone(), &PipelineConfig::default());
    common::assert_traceable(&run.brief, &kept, "generated");
    let again = brief_articles(articles, &PipelineConfig::default());
    prop_assert_eq!(&run.brief, &again.brief);
    let json = render(&run.brief, Format::Json, RenderOptions::default());
    let parsed: JsonBrief = serde_json::from_str(&json).expect("JSON brief parses back");
    prop_assert_eq!(parsed, JsonBrief::from_brief(&run.brief));
    for format in [Format::Text, Format::Markdown, Format::Html] {
        render(&run.brief, format, RenderOptions { color: true });
    }
    for article in &run.story.articles {
        for sentence in &article.sentences {
            prop_assert!(sentence.span.end() <= article.clean.text.len());
            prop_assert!(article.clean.text.is_char_boundary(sentence.span.start()));
            prop_assert!(article.clean.text.is_char_boundary(sentence.span.end()));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_bytes_never_panic(inputs in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..400), 1..4)) {
        check_brief(&inputs)?;
    }

    #[test]
    fn news_like_text_gives_traceable_briefs(texts in proptest::collection::vec(news_text(), 1..4)) {
        let inputs: Vec<Vec<u8>> = texts.into_iter().map(String::into_bytes).collect();
        check_brief(&inputs)?;
    }

    #[test]
    fn cleaning_twice_changes_nothing(text in news_text()) {
        let Some(first) = article(text.as_bytes(), "a.txt") else { return Ok(()) };
        let context = CleanContext::new(std::slice::from_ref(&first));
        let (once, _) = clean(&first, &context, &CleanConfig::default());
        let Some(second) = article(once.text.as_bytes(), "a.txt") else { return Ok(()) };
        let context = CleanContext::new(std::slice::from_ref(&second));
        let (twice, _) = clean(&second, &context, &CleanConfig::default());
        prop_assert_eq!(twice.text, once.text);
    }

    #[test]
    fn quote_marks_in_a_row_never_panic(count in 0usize..10_000, mark in prop_oneof![Just('"'), Just('\u{201C}'), Just('\u{201D}'), Just('.')]) {
        let text: String = std::iter::repeat_n(mark, count).collect();
        check_brief(&[text.into_bytes()])?;
    }
}

/// Found by `cleaning_twice_changes_nothing`: a one-letter word on a furniture line decided
/// whether `O-` joined the next line, so the second cleaning (without that line) differed.
#[test]
fn cleaning_is_stable_when_a_removed_line_held_the_deciding_word() {
    let text = "Read More A\u{a0}O- \n election \u{2014} a long-standing seat\u{2026} \n\u{2014} Staff reporter o\u{a0} Video unavailable";
    let first = article(text.as_bytes(), "a.txt").expect("an article");
    let context = CleanContext::new(std::slice::from_ref(&first));
    let (once, _) = clean(&first, &context, &CleanConfig::default());
    let second = article(once.text.as_bytes(), "a.txt").expect("an article");
    let context = CleanContext::new(std::slice::from_ref(&second));
    let (twice, _) = clean(&second, &context, &CleanConfig::default());
    assert_eq!(twice.text, once.text);
}
