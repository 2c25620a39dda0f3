//! Facts across sources on invented stories: disputes, the majority check that decides
//! between values, scopes that keep alike figures apart, hedged figures that agree, copies
//! counted once; and properties: no claim is ever lost and input order does not matter.

use corroborate::ingest::text_article;
use corroborate::model::{Article, Brief, FactStatus};
use corroborate::pipeline::{PipelineConfig, brief_articles};
use proptest::prelude::*;

mod common;

fn brief(texts: &[(&str, &str)]) -> Brief {
    common::brief_of_texts(texts, &PipelineConfig::default())
}

fn election(winner_votes: &str, extra: &str) -> String {
    format!(
        "Marr holds Orley\n\nMs Ada Marr won the Orley seat with {winner_votes} votes on Thursday. Mr Tom Hale of the Field Party polled 14,110 votes. Her majority was 402. {extra}\n"
    )
}

#[test]
fn mistyped_count_is_disputed_and_the_majority_check_decides() {
    let a = election("14,512", "Turnout was 38 per cent.");
    let b = election("14,521", "The count finished at dawn in the town hall.");
    let c = election(
        "14,512",
        "At the 2019 general election the majority was 3,400.",
    );
    let brief = brief(&[("a.txt", &a), ("b.txt", &b), ("c.txt", &c)]);
    let votes = brief
        .facts
        .iter()
        .find(|fact| fact.property == "votes" && fact.subject.as_deref() == Some("Ada Marr"))
        .expect("a votes fact for the winner");
    assert_eq!(votes.status, FactStatus::Disputed);
    let right = votes
        .values
        .iter()
        .find(|value| value.value == 14512.0)
        .expect("14,512");
    let wrong = votes
        .values
        .iter()
        .find(|value| value.value == 14521.0)
        .expect("14,521");
    assert_eq!((right.sources.len(), right.consistent), (2, Some(true)));
    assert_eq!((wrong.sources.len(), wrong.consistent), (1, Some(false)));
    assert!(
        votes
            .checks
            .iter()
            .any(|check| check.holds && check.explanation.contains("14,512 - 14,110"))
    );
    // This election's majority and 2019's are two facts, not a conflict.
    let majorities: Vec<_> = brief
        .facts
        .iter()
        .filter(|fact| fact.property == "majority")
        .collect();
    assert_eq!(majorities.len(), 2);
    assert!(
        majorities
            .iter()
            .all(|fact| fact.status != FactStatus::Disputed)
    );
    assert!(
        majorities
            .iter()
            .any(|fact| fact.scope.as_deref() == Some("2019"))
    );
}

#[test]
fn shares_of_one_vote_must_not_exceed_the_whole() {
    let a = "Orley count\n\nMs Ada Marr won 61 per cent of the vote and Mr Tom Hale won 52 per cent of the vote.\n";
    let b = "Orley result\n\nMs Ada Marr took 61 per cent of the vote; Mr Tom Hale had 52 per cent of the vote.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    let shares: Vec<_> = brief
        .facts
        .iter()
        .filter(|fact| fact.property == "percent of the vote")
        .collect();
    assert_eq!(shares.len(), 2);
    for fact in shares {
        let check = fact
            .checks
            .iter()
            .find(|check| check.rule.contains("100%"))
            .expect("a shares check");
        assert!(
            !check.holds,
            "61% + 52% is more than the whole: {}",
            check.explanation
        );
    }
}

#[test]
fn approximate_figure_agrees_with_an_exact_one() {
    let a = "Storm hits Orley\n\nAbout 900 homes lost power on Monday, the utility said.\n";
    let b = "Orley storm\n\nThe storm cut power to 912 homes on Monday, the utility said.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    let homes = brief
        .facts
        .iter()
        .find(|fact| fact.property == "homes")
        .expect("a homes fact");
    assert_eq!(homes.status, FactStatus::Agreed);
    assert_eq!(homes.values.len(), 2);
}

#[test]
fn copies_count_once_as_independent_support() {
    let wire = "The ferry service between Orley and Dunmere will resume on Friday after engineers replaced a damaged propeller shaft, the operator said. The crossing had been suspended for eleven days, stranding 340 passengers on the island.";
    let a = format!("Ferry returns\n\n{wire}\n");
    let b = format!("Ferry to resume\n\n{wire} Local shops welcomed the news.\n");
    let c = "Ferry back on Friday\n\nThe operator said 340 passengers had been stranded by the broken propeller shaft, which engineers have now replaced.\n";
    let brief = brief(&[("a.txt", &a), ("b.txt", &b), ("c.txt", c)]);
    assert_eq!(brief.copies.len(), 1);
    assert_eq!(
        brief.copies[0]
            .sources
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["S1", "S2"]
    );
    let passengers = brief
        .facts
        .iter()
        .find(|fact| fact.property == "passengers")
        .expect("a passengers fact");
    assert_eq!(passengers.values[0].sources.len(), 3);
    assert_eq!(passengers.values[0].independent_sources, 2);
}

/// Fails, showing the facts, when the brief disputes a fact of `property`.
fn assert_no_dispute(brief: &Brief, property: &str) {
    assert!(
        !statuses(brief, property).contains(&FactStatus::Disputed),
        "{:?}",
        brief.facts
    );
}

fn statuses(brief: &Brief, property: &str) -> Vec<FactStatus> {
    brief
        .facts
        .iter()
        .filter(|fact| fact.property == property)
        .map(|fact| fact.status)
        .collect()
}

#[test]
fn a_plain_toll_conflict_is_disputed() {
    let a = "Quake hits Veldt\n\nThe quake left 24 dead in the early hours, officials said.\n";
    let b = "Veldt quake\n\nThe quake left 31 dead in the early hours, officials said.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    assert_eq!(statuses(&brief, "deaths"), [FactStatus::Disputed]);
}

#[test]
fn tolls_worded_differently_are_one_fact() {
    let a = "Quake hits Veldt\n\nThe quake killed at least 24 people on Monday, officials said.\n";
    let b = "Veldt quake\n\nOfficials said 31 people were killed when the quake struck.\n";
    let c = "Veldt shaken\n\nThe quake left 24 dead, the governor of Veldt said.\n";
    let tolls = brief(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    let deaths: Vec<_> = tolls
        .facts
        .iter()
        .filter(|fact| fact.property == "deaths")
        .collect();
    assert_eq!(deaths.len(), 1, "{:?}", tolls.facts);
    assert_eq!(deaths[0].status, FactStatus::Disputed);
    // `at least 24` and `31` fit together; the exact 24 and the exact 31 do not.
    let values: Vec<f64> = deaths[0].values.iter().map(|value| value.value).collect();
    assert!(
        values.contains(&24.0) && values.contains(&31.0),
        "{values:?}"
    );
    // Injured people are another fact, and people merely mentioned are no toll at all.
    let d = "Veldt quake\n\nThe quake injured 40 people. Some 200 people gathered in the square.\n";
    let e = "Veldt quake\n\nAbout 40 people were hurt. Some 90 people gathered at the church.\n";
    let hurt = brief(&[("d.txt", d), ("e.txt", e)]);
    assert_eq!(statuses(&hurt, "injured"), [FactStatus::Agreed]);
    assert!(!statuses(&hurt, "people").contains(&FactStatus::Disputed));
}

#[test]
fn a_lower_bound_and_an_approximate_figure_above_it_agree_in_either_order() {
    let bound = "Riots in Orley\n\nAt least 70 people were injured in the riots, police said.\n";
    let about = "Orley riots\n\nAbout 100 people have been injured in the riots.\n";
    for pair in [
        [("a.txt", bound), ("b.txt", about)],
        [("a.txt", about), ("b.txt", bound)],
    ] {
        assert_eq!(statuses(&brief(&pair), "injured"), [FactStatus::Agreed]);
    }
    let below = "Orley riots\n\nAbout 40 people have been injured in the riots.\n";
    let disputed = brief(&[("a.txt", bound), ("b.txt", below)]);
    assert_eq!(statuses(&disputed, "injured"), [FactStatus::Disputed]);
}

#[test]
fn parts_summing_to_a_stated_total_are_checked() {
    let right = "Storm in Orley\n\nThe storm left 3 people dead and 9 injured, 12 casualties in all, the mayor said.\n";
    let wrong = "Orley storm\n\nThe storm killed 3 people and injured 9 others, a total of 15 casualties.\n";
    let story = brief(&[("a.txt", right), ("b.txt", wrong)]);
    let casualties = story
        .facts
        .iter()
        .find(|fact| fact.property == "casualties")
        .expect("a casualties fact");
    assert_eq!(casualties.status, FactStatus::Disputed);
    let consistent = |value: f64| {
        casualties
            .values
            .iter()
            .find(|v| v.value == value)
            .and_then(|v| v.consistent)
    };
    assert_eq!(
        (consistent(12.0), consistent(15.0)),
        (Some(true), Some(false))
    );
    let rules: Vec<(&str, bool, &str)> = casualties
        .checks
        .iter()
        .map(|check| (check.rule.as_str(), check.holds, check.explanation.as_str()))
        .collect();
    assert!(
        rules.contains(&(
            "parts sum to the stated total",
            true,
            "3 + 9 = 12, the stated total of 12"
        )),
        "{rules:?}"
    );
    assert!(
        rules.contains(&(
            "parts sum to the stated total",
            false,
            "3 + 9 = 12, not the stated total of 15"
        )),
        "{rules:?}"
    );
    // `Of the N`, parts listed: they may leave some of the whole unaccounted for.
    let seats =
        "Council result\n\nOf the 60 seats, 35 went to the Field Party and 20 to the Hill Party.\n";
    let over =
        "Council count\n\nOf the 60 seats, 35 went to the Field Party and 30 to the Hill Party.\n";
    for (text, holds) in [(seats, true), (over, false)] {
        let one = brief(&[("a.txt", text)]);
        let checks: Vec<(bool, String)> = one
            .facts
            .iter()
            .flat_map(|fact| &fact.checks)
            .filter(|check| check.rule == "parts of a stated whole sum to at most the whole")
            .map(|check| (check.holds, check.explanation.clone()))
            .collect();
        assert_eq!(checks.len(), 1, "{text}: {checks:?}");
        assert_eq!(checks[0].0, holds, "{checks:?}");
    }
}

#[test]
fn figures_not_listed_as_parts_of_a_total_are_not_summed() {
    for text in [
        // A subset, not parts.
        "Storm in Orley\n\nThe storm killed 5 people, including 2 children, 12 casualties in all.\n",
        // A running total: earlier deaths are not listed.
        "Storm in Orley\n\nTwo more people died and 3 were hurt on Monday, bringing the total to 40.\n",
        // No total word.
        "Storm in Orley\n\nThe storm killed 3 people and injured 9, and 40 homes flooded.\n",
        // A range.
        "Storm in Orley\n\nBetween 3 and 5 people died, 12 casualties in all.\n",
        // Different units.
        "Storm in Orley\n\nRepairs cost £3 million and 9 homes were lost, 12 in all.\n",
    ] {
        let one = brief(&[("a.txt", text)]);
        let checks: Vec<&str> = one
            .facts
            .iter()
            .flat_map(|fact| &fact.checks)
            .map(|check| check.rule.as_str())
            .filter(|rule| rule.contains("parts"))
            .collect();
        assert!(checks.is_empty(), "{text}: {checks:?}");
    }
}

#[test]
fn counts_of_different_places_are_not_a_dispute() {
    let a = "Quake hits Veldt\n\nTen houses were damaged in Tarnby, the district capital.\n";
    let b = "Veldt quake\n\nMore than 300 houses were damaged across the province.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    let houses = statuses(&brief, "houses");
    assert_eq!(houses.len(), 2, "{:?}", brief.facts);
    assert!(!houses.contains(&FactStatus::Disputed));
}

#[test]
fn counts_of_different_stretches_of_time_are_not_a_dispute() {
    let a = "Unrest in Orley\n\nPolice said there were 46 arrests on Tuesday night.\n";
    let b = "Orley unrest\n\nOver 50 arrests have been made over four nights of protest.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    assert!(!statuses(&brief, "arrests").contains(&FactStatus::Disputed));
}

#[test]
fn a_population_with_its_crew_is_another_count() {
    let a =
        "Ship turns back\n\nThe liner evacuated some 420 passengers and crew off Cape Morrow.\n";
    let b = "Liner diverted\n\nThe liner flew its 246 passengers home from Cape Morrow.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    assert!(!statuses(&brief, "passengers").contains(&FactStatus::Disputed));
    assert_eq!(statuses(&brief, "passengers and crew").len(), 1);
}

#[test]
fn a_source_giving_both_figures_counts_two_things() {
    // The second source states both 40 and 9 injured: two different counts, no dispute.
    let a = "Raid in Veldt\n\nThe raid left ten commanders dead and around 40 injured.\n";
    let b = "Veldt raid\n\nThe raid left ten commanders dead and around 40 injured. A list names 16 leaders killed and nine injured.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    assert!(!statuses(&brief, "injured").contains(&FactStatus::Disputed));
}

#[test]
fn ages_a_year_apart_conflict_only_in_reports_dated_close_together() {
    let undated_a = "Trial set\n\nTrial is set for June for 26-year-old Mr Ned Voss of Orley.\n";
    let undated_b =
        "Voss convicted\n\nThe jury convicted 27-year-old Mr Ned Voss of Orley on Thursday.\n";
    let apart = brief(&[("a.txt", undated_a), ("b.txt", undated_b)]);
    assert!(!statuses(&apart, "age").contains(&FactStatus::Disputed));
    let dated_a = format!(" date 2024-03-01\n{undated_a}");
    let dated_b = format!(" date 2024-03-03\n{undated_b}");
    let close = brief(&[("a.txt", &dated_a), ("b.txt", &dated_b)]);
    assert_eq!(statuses(&close, "age"), [FactStatus::Disputed]);
    let far =
        "Voss convicted\n\nThe jury convicted 35-year-old Mr Ned Voss of Orley on Thursday.\n";
    let wrong = brief(&[("a.txt", undated_a), ("b.txt", far)]);
    assert_eq!(statuses(&wrong, "age"), [FactStatus::Disputed]);
}

#[test]
fn a_count_of_one_day_of_unrest_is_not_a_dispute_with_the_whole() {
    let a = "Unrest in Orley\n\nMore than 200 people have been arrested since the unrest began.\n";
    let b = "Orley unrest\n\nPolice said they made 86 arrests over the course of Saturday's protests.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    assert!(!statuses(&brief, "arrests").contains(&FactStatus::Disputed));
}

#[test]
fn a_toll_of_an_earlier_disaster_is_not_a_dispute() {
    let a = "Quake hits Varno\n\nThe quake killed 24 people, officials said.\n";
    let b = "Varno quake\n\nThe quake killed 24 people. The great flood four years ago killed 3,100 people.\n";
    let c = "Varno earthquake\n\nThe last major quake to hit Varno was in 2011. It killed 640 people. This quake killed 24 people.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    assert_eq!(
        statuses(&brief, "deaths"),
        [
            FactStatus::Agreed,
            FactStatus::SingleSource,
            FactStatus::SingleSource
        ],
        "{:?}",
        brief.facts
    );
}

#[test]
fn a_toll_over_several_countries_is_not_one_countrys() {
    let a = "Wave remembered\n\nThe 1998 wave left more than 9,000 people dead in Varno, Kessa, Tull and other countries.\n";
    let b = "Wave anniversary\n\nSome 6,000 people were killed in Varno by the 1998 wave.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    assert_no_dispute(&brief, "deaths");
}

#[test]
fn houses_of_a_district_named_in_the_sentence_before_are_another_count() {
    let a = "Quake in Veldt\n\nThe quake damaged more than 1,600 houses, the governor said.\n";
    let b = "Veldt quake\n\nThe tremor was also felt in Orbec regency. The regency police said the quake damaged 18 houses.\n";
    let apart = brief(&[("a.txt", a), ("b.txt", b)]);
    assert_no_dispute(&apart, "houses");
    // The same two reports without the place: a dispute.
    let c = "Veldt quake\n\nThe regional police said the quake damaged 18 houses.\n";
    let together = brief(&[("a.txt", a), ("c.txt", c)]);
    assert_eq!(statuses(&together, "houses"), [FactStatus::Disputed]);
}

#[test]
fn tolls_of_two_incidents_placed_apart_are_not_a_dispute() {
    let a = "Blasts in Varno\n\nTwo bombings at churches in Varno killed 37 people on Sunday.\n";
    let b = "Varno blasts\n\nIn Kessa, a blast outside the cathedral killed 13 people.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    assert_no_dispute(&brief, "deaths");
}

#[test]
fn a_dispute_lists_only_the_values_of_one_count() {
    let a = "Blasts in Varno\n\nTwo bombings at churches in Varno killed 37 people on Sunday.\n";
    let b = "Varno blasts\n\nTwo bombings at churches in Varno left at least 40 people dead. In Kessa, a blast outside the cathedral killed 13 people.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    let deaths: Vec<(FactStatus, Option<String>, Vec<f64>)> = brief
        .facts
        .iter()
        .filter(|fact| fact.property == "deaths")
        .map(|fact| {
            let mut values: Vec<f64> = fact.values.iter().map(|value| value.value).collect();
            values.sort_by(f64::total_cmp);
            (fact.status, fact.scope.clone(), values)
        })
        .collect();
    assert_eq!(
        deaths,
        [
            (
                FactStatus::Disputed,
                Some("in varno".to_string()),
                vec![37.0, 40.0]
            ),
            (
                FactStatus::SingleSource,
                Some("in kessa".to_string()),
                vec![13.0]
            ),
        ]
    );
}

#[test]
fn a_source_giving_the_number_of_a_hedged_value_states_it() {
    // b gives 12 (the `at least 12` of a) and 7 for the earlier raids: two counts, not a
    // dispute with a.
    let a = "Raid on Orley\n\nOfficials said at least 12 people were killed.\n";
    let b = "Orley raid\n\nOfficials said 12 people were killed in the bombing. The president said seven people were killed in the earlier raids.\n";
    let brief = brief(&[("a.txt", a), ("b.txt", b)]);
    assert_no_dispute(&brief, "deaths");
}

fn article_text() -> impl Strategy<Value = String> {
    let sentence = prop_oneof![
        Just("Ms Ada Marr won 14,512 votes.".to_string()),
        Just("Ms Ada Marr won 14,521 votes.".to_string()),
        Just("Mr Tom Hale polled 14,110 votes.".to_string()),
        Just("Her majority was 402.".to_string()),
        Just("About 400 people watched.".to_string()),
        Just("At the 2019 election the majority was 3,400.".to_string()),
        Just("More than 8,000 postal votes arrived.".to_string()),
        Just("Turnout was 38.5%.".to_string()),
        Just("The count cost £0 and -5 staff stayed for 0 hours.".to_string()),
        Just("Fourteen schools closed.".to_string()),
        "[0-9]{1,12}(,[0-9]{3})?( votes| seats|%)?".prop_map(|s| format!("Ms Ada Marr won {s}.")),
        // The sentence checks (share of a total, change between two figures) with zero,
        // negative-looking and huge values.
        ("(0|-?[0-9]{1,40})", "(0|[0-9]{1,40}(\\.[0-9]{1,3})?)", "[0-9]{1,40}(\\.[0-9])?").prop_map(
            |(a, b, p)| format!("Some {a} of the {b} wards ({p}%) counted. Fares rose from {a} to {b}, up {p}%. Fares doubled from {b} to {a}.")
        ),
        // Parts and a stated total with zero, negative-looking and huge values.
        ("(0|-?[0-9]{1,40})", "(0|[0-9]{1,40}(\\.[0-9]{1,3})?)", "(0|-?[0-9]{1,40})").prop_map(
            |(a, b, t)| format!("The storm killed {a} people and injured {b}, {t} casualties in all. Of the {t} seats, {a} went to Ada Marr and {b} to Tom Hale.")
        ),
    ];
    proptest::collection::vec(sentence, 1..8).prop_map(|sentences| sentences.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn facts_never_lose_a_claim_and_order_does_not_matter(texts in proptest::collection::vec(article_text(), 1..5)) {
        let named: Vec<(String, String)> = texts.iter().enumerate().map(|(i, t)| (format!("{i}.txt"), t.clone())).collect();
        let pairs: Vec<(&str, &str)> = named.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        let articles: Vec<Article> = pairs.iter().map(|(n, t)| text_article(n, n, t.as_bytes()).0.expect("article")).collect();
        let run = brief_articles(articles, &PipelineConfig::default());
        // Every claim is the evidence of exactly one fact value.
        let claims: usize = run.story.articles.iter().map(|article| article.claims.len()).sum();
        let evidence: usize = run.brief.facts.iter().flat_map(|fact| &fact.values).map(|value| value.evidence.len()).sum();
        prop_assert_eq!(claims, evidence);
        // Reversed input gives the same facts once sources are named by their file.
        let reversed: Vec<(&str, &str)> = pairs.iter().rev().copied().collect();
        let again = brief(&reversed);
        prop_assert_eq!(fact_summary(&run.brief), fact_summary(&again));
    }
}

/// Facts as sorted text rows with sources named by input, independent of source numbering.
fn fact_summary(brief: &Brief) -> Vec<String> {
    let name = |id: &corroborate::model::SourceId| brief.sources[id.index()].input.clone();
    let mut rows: Vec<String> = brief
        .facts
        .iter()
        .map(|fact| {
            let mut values: Vec<String> = fact
                .values
                .iter()
                .map(|value| {
                    let mut sources: Vec<String> = value.sources.iter().map(name).collect();
                    sources.sort();
                    format!("{}:{:?}:{:?}", value.value, sources, value.consistent)
                })
                .collect();
            values.sort();
            format!(
                "{:?} {} {:?} {} {}",
                fact.subject,
                fact.property,
                fact.scope,
                fact.status.as_str(),
                values.join(",")
            )
        })
        .collect();
    rows.sort();
    rows
}
