//! The timeline and what each outlet adds, on invented stories: one event told by several
//! outlets on one date is one entry citing them all, different events stay apart, an
//! undated outlet keeps its dates relative, and a copy group adds nothing of one member
//! over the other.

use corroborate::model::{Brief, SourceId, TimePrecision, When};
use corroborate::pipeline::PipelineConfig;

mod common;

fn brief(texts: &[(&str, &str)]) -> Brief {
    brief_with_summary(texts, PipelineConfig::default().reconcile.summary.words)
}

/// A brief whose summary holds about `words` words (small stories fit whole in the default
/// budget, and additions leave out what the summary already says).
fn brief_with_summary(texts: &[(&str, &str)], words: usize) -> Brief {
    let mut config = PipelineConfig::default();
    config.reconcile.summary.words = words;
    common::brief_of_texts(texts, &config)
}

fn ids(sources: &[SourceId]) -> Vec<String> {
    sources.iter().map(ToString::to_string).collect()
}

#[test]
fn one_event_on_one_date_is_one_entry_citing_every_source() {
    // 2023-06-09 is a Friday; the first outlet writes the weekday, the second the date,
    // the third publishes the next day and writes the weekday too.
    let a = " date 2023-06-09\nFerry strike ends\n\nThe Harlow ferry crews ended their strike on Friday after a pay deal with the port authority. Talks lasted eleven hours.\n";
    let b = " date 2023-06-09\nFerry crews back at work\n\nOn 9 June the Harlow ferry crews ended their strike after agreeing a pay deal with the port authority. The first sailing left at noon.\n";
    let c = " date 2023-06-10\nPay deal ends ferry strike\n\nHarlow ferry crews ended their strike on Friday with a pay deal from the port authority. The union will ballot members next week.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    let strike: Vec<_> = brief
        .timeline
        .iter()
        .filter(|entry| entry.text.contains("strike"))
        .collect();
    assert_eq!(strike.len(), 1, "{:#?}", brief.timeline);
    assert_eq!(strike[0].when.to_string(), "2023-06-09");
    assert_eq!(strike[0].when.precision(), TimePrecision::Day);
    assert_eq!(ids(&strike[0].sources), ["S1", "S2", "S3"]);
    assert_eq!(strike[0].evidence.len(), 3);
    // The ballot is another event, a week later, told by one outlet.
    let ballot = brief
        .timeline
        .iter()
        .find(|entry| entry.text.contains("ballot"))
        .expect("the ballot is dated");
    assert_eq!(ballot.when.to_string(), "week of 2023-06-12");
    assert_eq!(ids(&ballot.sources), ["S3"]);
    // Sorted by date.
    let dates: Vec<_> = brief
        .timeline
        .iter()
        .filter_map(|entry| entry.when.sort_date())
        .collect();
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]));
}

#[test]
fn different_events_on_one_date_stay_apart_and_an_undated_outlet_stays_relative() {
    let a = " date 2023-06-09\nFerry strike ends\n\nThe Harlow ferry crews ended their strike on Friday after a pay deal with the port authority. A lorry overturned on the coast road on Friday, closing it for hours.\n";
    let b = "Ferry strike over\n\nThe harbour museum reopened its whaling gallery on Friday after a long refit of its old rooms.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    let dated: Vec<_> = brief
        .timeline
        .iter()
        .filter(|entry| entry.when.to_string() == "2023-06-09")
        .collect();
    assert_eq!(dated.len(), 2, "{:#?}", brief.timeline);
    let museum = brief
        .timeline
        .iter()
        .find(|entry| entry.text.contains("museum"))
        .expect("the museum's Friday is listed");
    assert_eq!(
        museum.when,
        When::Relative {
            label: "Friday".into(),
            around: None
        }
    );
    assert_eq!(
        brief.timeline.last(),
        Some(museum),
        "undated entries come last"
    );
}

#[test]
fn a_copy_group_adds_nothing_of_one_member_over_the_other() {
    let wire = "Dock fire in Harlow\n\nA fire broke out in a grain warehouse at Harlow docks on Tuesday night and was brought under control by dawn, the fire service said. Forty firefighters and eight engines attended the blaze at its height. The warehouse owner, Brack Grain, said the building had been empty since a flood damaged its floor last winter. Police said they were treating the fire as suspicious and asked witnesses to come forward.\n";
    let reprint = "Harlow docks blaze\n\nA fire broke out in a grain warehouse at Harlow docks on Tuesday night and was brought under control by dawn, the fire service said. Forty firefighters and eight engines attended the blaze at its height. The warehouse owner, Brack Grain, said the building had been empty since a flood damaged its floor last winter. Police said they were treating the fire as suspicious and asked witnesses to come forward. Nearby residents said smoke hung over the harbour quarter until mid-morning.\n";
    let local = "Warehouse fire at Harlow docks\n\nFirefighters fought a blaze at a grain warehouse on Harlow docks through Tuesday night. The fire was out by dawn. Dockers on the early shift were sent home and the port said ships would be loaded at the south quay instead.\n";
    let brief = brief_with_summary(
        &[
            ("wire.txt", wire),
            ("reprint.txt", reprint),
            ("local.txt", local),
        ],
        20,
    );
    assert_eq!(brief.copies.len(), 1, "the wire and its reprint are copies");
    let of = |source: &str| {
        brief
            .additions
            .iter()
            .find(|addition| addition.source.to_string() == source)
            .map(|addition| addition.items.clone())
            .unwrap_or_default()
    };
    // What both copies print is listed once, under the first, with evidence in both.
    let wire_items = of("S1");
    assert!(!wire_items.is_empty(), "{:#?}", brief.additions);
    for item in &wire_items {
        let sources: Vec<String> = item
            .evidence
            .iter()
            .map(|evidence| evidence.source.to_string())
            .collect();
        assert_eq!(sources, ["S1", "S2"], "{item:#?}");
    }
    // The reprint's own sentence is its addition; nothing it shares with the wire is.
    let reprint_items = of("S2");
    // (unless the summary already carries it: additions repeat nothing of the summary).
    let in_summary = brief
        .summary
        .iter()
        .any(|sentence| sentence.text.contains("smoke hung"));
    let in_additions = reprint_items
        .iter()
        .any(|item| item.text.contains("smoke hung"));
    assert!(in_summary != in_additions, "{reprint_items:#?}");
    assert!(
        reprint_items
            .iter()
            .all(|item| !wire.contains(item.text.as_str())),
        "{reprint_items:#?}"
    );
    // The independent outlet's own detail is its addition.
    assert!(of("S3").iter().any(|item| item.text.contains("south quay")));
    for addition in &brief.additions {
        assert!(addition.items.len() <= 5);
    }
}
