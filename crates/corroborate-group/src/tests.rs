//! Grouping small invented collections: the joining rule, alike events kept apart, the time
//! window, copies, explanations, and the partition and order properties.

use corroborate_analyze::{AnalyzeConfig, analyze};
use corroborate_model::{AnalyzedArticle, Article, ArticleId, CleanText, OffsetMap, PublishedDate};
use proptest::prelude::*;

use crate::{GroupConfig, Grouping, Sketches, Verdict, group};

fn article(id: &str, date: Option<&str>, text: &str) -> AnalyzedArticle {
    let article = Article {
        id: ArticleId::new(id),
        input: id.to_owned(),
        title: None,
        outlet: None,
        published: date.map(|date| PublishedDate::parse(date).expect("a valid test date")),
        text: text.to_owned(),
        origin: OffsetMap::identity(text.len()),
    };
    let clean = CleanText {
        text: text.to_owned(),
        map: OffsetMap::identity(text.len()),
        removed: Vec::new(),
        article,
    };
    analyze(&clean, &AnalyzeConfig::default())
}

fn stories(articles: &[AnalyzedArticle]) -> Grouping {
    group(articles, &GroupConfig::default())
}

const QUAKE_NORTH: [&str; 3] = [
    "Earthquake kills 41 in Ardley\n\nA magnitude 6.1 earthquake struck the mountain town of \
     Ardley on Tuesday, killing 41 people, the governor of Kessia province said. Rescue teams \
     searched collapsed homes in Ardley through the night.",
    "Ardley quake toll rises to 41\n\nThe death toll from Tuesday's 6.1 earthquake in Ardley \
     rose to 41, officials in Kessia province said, as rescue teams dug through rubble in the \
     mountain town.",
    "Rescuers search rubble after Ardley earthquake\n\nSoldiers joined rescue teams in Ardley, \
     where a 6.1 magnitude earthquake killed 41 people on Tuesday. The Kessia governor said \
     hundreds of homes collapsed in the mountain town.",
];

const QUAKE_SOUTH: [&str; 3] = [
    "Earthquake hits Port Velan, 7 dead\n\nA magnitude 5.4 earthquake shook the coastal city of \
     Port Velan on Sunday, killing 7 people, mayor Ines Okafor said. Rescue teams searched \
     collapsed homes near the harbour of Port Velan.",
    "Port Velan quake kills 7\n\nSeven people died when a 5.4 earthquake hit Port Velan on \
     Sunday, mayor Ines Okafor said, as rescue teams searched the harbour district of the \
     coastal city.",
    "Port Velan counts damage after quake\n\nMayor Ines Okafor said 7 people were killed by \
     Sunday's 5.4 magnitude earthquake in Port Velan, and rescue teams worked through the \
     night near the harbour of the coastal city.",
];

#[test]
fn two_alike_earthquakes_stay_apart() {
    let articles: Vec<AnalyzedArticle> = QUAKE_NORTH
        .iter()
        .chain(&QUAKE_SOUTH)
        .enumerate()
        .map(|(index, text)| article(&format!("a{index}"), None, text))
        .collect();
    let grouping = stories(&articles);
    assert_eq!(grouping.stories, [vec![0, 1, 2], vec![3, 4, 5]]);
    assert!(grouping.copies.is_empty());
}

#[test]
fn an_article_joins_the_story_it_matches_and_says_why() {
    let articles = [
        article("a", Some("2024-03-05"), QUAKE_NORTH[0]),
        article("b", Some("2024-03-06"), QUAKE_NORTH[1]),
        article("c", Some("2024-03-08"), QUAKE_NORTH[2]),
    ];
    let grouping = stories(&articles);
    assert_eq!(grouping.stories, [vec![0, 1, 2]]);
    let first = &grouping.decisions[0];
    assert_eq!(first.verdict, Verdict::Opened);
    assert_eq!(first.read_score, None);
    let last = &grouping.decisions[2];
    assert_eq!((last.verdict, last.story), (Verdict::Joined, 0));
    assert!(last.read_score.is_some_and(|score| score >= 0.1));
    let fit = last.fit.as_ref().expect("a story of three has a fit");
    assert!(fit.score > 0.2, "{fit:?}");
    assert!(
        fit.shared_entities.iter().any(|name| name == "Ardley"),
        "{fit:?}"
    );
    assert_eq!(fit.time_gap_days, Some(2));
    assert!(!last.split && !last.merged);
}

#[test]
fn the_same_event_outside_the_window_is_another_story() {
    let articles = [
        article("a", Some("2024-03-05"), QUAKE_NORTH[0]),
        article("b", Some("2024-03-06"), QUAKE_NORTH[1]),
        article("c", Some("2024-05-20"), QUAKE_NORTH[2]),
    ];
    let grouping = stories(&articles);
    assert_eq!(grouping.stories, [vec![0, 1], vec![2]]);
    assert_eq!(grouping.decisions[2].verdict, Verdict::Opened);
}

#[test]
fn articles_are_read_by_date_then_undated() {
    let articles = [
        article("z", None, QUAKE_SOUTH[0]),
        article("y", Some("2024-03-06"), QUAKE_NORTH[1]),
        article("x", Some("2024-03-05"), QUAKE_NORTH[0]),
    ];
    assert_eq!(stories(&articles).order, [2, 1, 0]);
}

#[test]
fn a_reprint_follows_its_original_as_a_copy() {
    let reprint = QUAKE_SOUTH[0].replace("mayor Ines Okafor said", "the mayor said");
    let mut articles: Vec<AnalyzedArticle> = QUAKE_NORTH
        .iter()
        .chain(&QUAKE_SOUTH)
        .enumerate()
        .map(|(index, text)| article(&format!("a{index}"), None, text))
        .collect();
    articles.push(article("copy", None, &reprint));
    articles.push(article("same", None, QUAKE_SOUTH[0]));
    let grouping = stories(&articles);
    assert_eq!(grouping.copies, [vec![3, 6, 7]]);
    assert_eq!(grouping.exact_duplicates, [vec![3, 7]]);
    assert_eq!(grouping.stories, [vec![0, 1, 2], vec![3, 4, 5, 6, 7]]);
    assert_eq!(grouping.decisions[6].verdict, Verdict::Copy { of: 3 });
    assert_eq!(grouping.decisions[7].verdict, Verdict::Copy { of: 3 });
    assert_eq!(grouping.decisions[7].fit, None);
}

#[test]
fn an_article_without_words_opens_its_own_story() {
    let articles = [
        article("a", None, QUAKE_NORTH[0]),
        article("b", None, " -- "),
        article("c", None, ""),
    ];
    let grouping = stories(&articles);
    assert_eq!(grouping.stories, [vec![0], vec![1], vec![2]]);
}

#[test]
fn nothing_in_nothing_out() {
    let grouping = stories(&[]);
    assert!(grouping.stories.is_empty() && grouping.decisions.is_empty());
}

/// Words of three invented events and of no event; a generated article mixes its event's
/// words with a few others.
const EVENT_WORDS: [&[&str]; 3] = [
    &[
        "Ardley",
        "earthquake",
        "magnitude",
        "rubble",
        "Kessia",
        "governor",
        "collapsed",
        "mountain",
        "rescue",
        "41",
    ],
    &[
        "Velan",
        "harbour",
        "ferry",
        "capsized",
        "coastguard",
        "Okafor",
        "passengers",
        "storm",
        "divers",
        "12",
    ],
    &[
        "Marrow",
        "election",
        "ballots",
        "turnout",
        "candidate",
        "Brisk",
        "parliament",
        "coalition",
        "votes",
        "63",
    ],
];
const NOISE_WORDS: &[&str] = &[
    "Monday",
    "officials",
    "city",
    "people",
    "week",
    "report",
    "statement",
    "local",
    "police",
    "national",
];

fn generated_text(event: usize, picks: &[usize]) -> String {
    let mut sentence_words: Vec<&str> = Vec::new();
    for (at, pick) in picks.iter().enumerate() {
        let words = if at % 4 == 3 {
            NOISE_WORDS
        } else {
            EVENT_WORDS[event]
        };
        sentence_words.push(words[pick % words.len()]);
    }
    format!("{}.", sentence_words.join(" "))
}

fn collection() -> impl Strategy<Value = Vec<(usize, Option<u8>, Vec<usize>)>> {
    proptest::collection::vec(
        (
            0usize..3,
            proptest::option::of(1u8..20),
            proptest::collection::vec(0usize..10, 8..30),
        ),
        1..14,
    )
}

fn build(specs: &[(usize, Option<u8>, Vec<usize>)]) -> Vec<AnalyzedArticle> {
    specs
        .iter()
        .enumerate()
        .map(|(index, (event, day, picks))| {
            let date = day.map(|day| format!("2024-04-{day:02}"));
            article(
                &format!("id{index:02}"),
                date.as_deref(),
                &generated_text(*event, picks),
            )
        })
        .collect()
}

/// The stories as sets of article ids, sorted, so two groupings of the same articles in
/// different orders compare equal.
fn partition_by_id(articles: &[AnalyzedArticle], grouping: &Grouping) -> Vec<Vec<String>> {
    let mut stories: Vec<Vec<String>> = grouping
        .stories
        .iter()
        .map(|story| {
            let mut ids: Vec<String> = story
                .iter()
                .map(|index| articles[*index].clean.article.id.to_string())
                .collect();
            ids.sort();
            ids
        })
        .collect();
    stories.sort();
    stories
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn stories_partition_the_input_and_ignore_its_order(
        (specs, shuffled) in collection().prop_flat_map(|specs| {
            let order: Vec<usize> = (0..specs.len()).collect();
            (Just(specs), Just(order).prop_shuffle())
        })
    ) {
        let articles = build(&specs);
        let grouping = stories(&articles);
        let mut seen = vec![0; articles.len()];
        for story in &grouping.stories {
            prop_assert!(!story.is_empty());
            for &index in story {
                seen[index] += 1;
            }
        }
        prop_assert!(seen.iter().all(|count| *count == 1), "not a partition: {seen:?}");
        for decision in &grouping.decisions {
            prop_assert!(grouping.stories[decision.story].contains(&decision.article));
        }
        for copies in &grouping.copies {
            let story = grouping.decisions[copies[0]].story;
            prop_assert!(copies.iter().all(|index| grouping.decisions[*index].story == story));
        }

        let moved: Vec<AnalyzedArticle> =
            shuffled.iter().map(|index| articles[*index].clone()).collect();
        let regrouped = stories(&moved);
        prop_assert_eq!(
            partition_by_id(&moved, &regrouped),
            partition_by_id(&articles, &grouping)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The pipeline sketches a large collection a chunk at a time and drops the analyses;
    /// the grouping must not depend on where the chunks are cut.
    #[test]
    fn sketching_in_chunks_groups_as_all_at_once(
        specs in collection(),
        chunk in 1usize..6,
    ) {
        let articles = build(&specs);
        let whole = stories(&articles);
        let mut sketches = Sketches::new(&GroupConfig::default());
        for part in articles.chunks(chunk) {
            sketches.add(part);
        }
        prop_assert_eq!(sketches.len(), articles.len());
        let chunked = sketches.group();
        prop_assert_eq!(&chunked.stories, &whole.stories);
        prop_assert_eq!(&chunked.copies, &whole.copies);
        prop_assert_eq!(&chunked.order, &whole.order);
        prop_assert_eq!(&chunked.decisions, &whole.decisions);
    }
}

/// Two floods in two towns, read a day apart: the wording reaches the join threshold, but
/// no name is shared, so they stay two stories; a third report naming the first town joins
/// it.
#[test]
fn alike_wording_without_a_shared_name_does_not_join() {
    const MARROWBY: &str = "Flood forces families from homes in Marrowby\n\nA flood forced \
        families from their homes in Marrowby on Tuesday. Emergency crews pumped water from the \
        streets and the council opened a shelter at the school.";
    const TESSALY: &str = "River bursts banks in Tessaly\n\nResidents of Tessaly were moved \
        to a sports hall on Wednesday after the river burst its banks. Firefighters pumped \
        water from flooded houses and the council promised help with repairs.";
    const RETURN: &str = "Marrowby families return home\n\nFamilies forced out by the flood in \
        Marrowby began returning home as crews finished pumping water from the streets.";
    let collection = || {
        vec![
            article("a", Some("2024-05-01"), MARROWBY),
            article("b", Some("2024-05-02"), TESSALY),
            article("c", Some("2024-05-02"), RETURN),
        ]
    };
    let grouping = stories(&collection());
    assert_eq!(grouping.stories, vec![vec![0, 2], vec![1]]);
    // Without the rule the wording alone would have joined the two floods.
    let mut config = GroupConfig::default();
    config.cluster.unnamed_threshold = 0.0;
    let loose = group(&collection(), &config);
    assert_eq!(loose.stories, vec![vec![0, 1, 2]]);
}
