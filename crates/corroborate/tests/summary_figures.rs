//! The summary and the figures: it does not state a figure most sources give otherwise,
//! and a source whose sentence gives a different figure is not cited as carrying it.

use corroborate::model::{Brief, SourceId};
use corroborate::pipeline::PipelineConfig;

mod common;

fn brief(texts: &[(&str, &str)]) -> Brief {
    common::brief_of_texts(texts, &PipelineConfig::default())
}

fn report(votes: &str, closing: &str) -> String {
    format!(
        "Marr takes Orley\n\nMs Ada Marr of the Lantern Party won the Orley seat with {votes} votes after an overnight count in the town hall. \
         Mr Tom Hale of the Field Party was second on 9,870 votes. {closing}\n"
    )
}

#[test]
fn a_figure_most_sources_give_otherwise_is_not_stated() {
    let brief = brief(&[
        (
            "a.txt",
            &report("14,512", "Turnout was lower than in the spring."),
        ),
        (
            "b.txt",
            &report("14,521", "Counting staff worked through the night."),
        ),
        (
            "c.txt",
            &report("14,512", "The result was declared at dawn."),
        ),
    ]);
    assert!(!brief.summary.is_empty());
    for sentence in &brief.summary {
        assert!(!sentence.text.contains("14,521"), "{}", sentence.text);
        if sentence.text.contains("14,512") {
            assert!(
                !sentence.sources.contains(&SourceId::from_index(1)),
                "b.txt says 14,521, yet it is cited for: {}",
                sentence.text
            );
        }
    }
    assert!(
        brief.summary.iter().any(|s| s.text.contains("14,512")),
        "the figure most sources give is stated: {:?}",
        brief.summary.iter().map(|s| &s.text).collect::<Vec<_>>()
    );
}

#[test]
fn a_source_giving_another_figure_is_not_cited_for_the_sentence() {
    // One against one: neither figure is outvoted, so either may be stated, but only by
    // the source that gives it.
    let brief = brief(&[
        (
            "a.txt",
            &report("14,512", "Turnout was lower than in the spring."),
        ),
        (
            "b.txt",
            &report("14,521", "Counting staff worked through the night."),
        ),
    ]);
    let stated = brief
        .summary
        .iter()
        .find(|s| s.text.contains("14,512") || s.text.contains("14,521"))
        .expect("the winner's sentence is in the summary");
    assert_eq!(stated.sources.len(), 1, "{stated:?}");
    // A sentence whose figures both sources give alike is cited by both.
    let runner_up = brief
        .summary
        .iter()
        .find(|s| s.text.contains("9,870"))
        .expect("the runner-up's sentence is in the summary");
    assert_eq!(runner_up.sources.len(), 2, "{runner_up:?}");
}

#[test]
fn a_toll_worded_two_ways_outvotes_a_third_figure() {
    // `killing 24 people` and `left 24 dead` are one figure: two sources against one.
    let opening = "A strong earthquake struck the hill town of Varno before dawn on Sunday";
    let closing = "Rescue teams from the coast reached the town by noon.";
    let brief = brief(&[
        (
            "a.txt",
            &format!(
                "Quake hits Varno\n\n{opening}, killing 24 people and flattening dozens of homes, officials said. {closing}\n"
            ),
        ),
        (
            "b.txt",
            &format!(
                "Varno quake\n\n{opening} and left 24 dead, with dozens of homes flattened, officials said. {closing}\n"
            ),
        ),
        (
            "c.txt",
            &format!(
                "Varno earthquake\n\n{opening} and left 25 dead, with dozens of homes flattened, officials said. {closing}\n"
            ),
        ),
    ]);
    assert!(!brief.summary.is_empty());
    for sentence in &brief.summary {
        assert!(!sentence.text.contains("25 dead"), "{}", sentence.text);
        if sentence.text.contains("24") {
            assert!(
                !sentence.sources.contains(&SourceId::from_index(2)),
                "c.txt says 25, yet it is cited for: {}",
                sentence.text
            );
        }
    }
}
