//! Synthetic news collections for scale and load measurements: N articles telling M
//! invented stories, with wire reprints, page furniture and unrelated noise, reproducible
//! from a seed. Every name, place and sentence is made up from syllables and templates
//! here; nothing comes from real articles.

use serde::Serialize;

/// One generated article (a JSON Lines record `corroborate` reads; `story` is the truth).
#[derive(Clone, Debug, Serialize)]
pub struct SyntheticArticle {
    pub id: String,
    pub title: String,
    pub published: String,
    pub outlet: String,
    pub text: String,
    /// The story the article was generated for (for B-cubed), or `None` for noise.
    pub story: Option<usize>,
}

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct SyntheticConfig {
    pub articles: usize,
    pub stories: usize,
    pub seed: u64,
    /// Share of articles that reprint another article of their story with small edits.
    pub reprint_share: f64,
    /// Share of articles that belong to no story.
    pub noise_share: f64,
}

impl Default for SyntheticConfig {
    fn default() -> SyntheticConfig {
        SyntheticConfig {
            articles: 1000,
            stories: 100,
            seed: 7,
            reprint_share: 0.1,
            noise_share: 0.05,
        }
    }
}

/// Generates the collection, articles in a fixed order (by story, shuffled by the seed).
pub fn synthetic_collection(config: &SyntheticConfig) -> Vec<SyntheticArticle> {
    let mut random = SplitMix(config.seed);
    let outlets: Vec<String> = (0..40)
        .map(|_| {
            let kind = pick(&mut random, OUTLET_KINDS);
            format!("The {} {kind}", capital(&word(&mut random, 2)))
        })
        .collect();
    let stories: Vec<StoryPlan> = (0..config.stories.max(1))
        .map(|index| StoryPlan::new(index, &mut random))
        .collect();
    let mut articles: Vec<SyntheticArticle> = Vec::with_capacity(config.articles);
    for number in 0..config.articles {
        let roll = random.unit();
        if roll < config.noise_share {
            articles.push(noise_article(number, &outlets, &mut random));
            continue;
        }
        let story_index = random.below(stories.len());
        let story = &stories[story_index];
        let earlier = articles
            .iter()
            .rposition(|article| article.story == Some(story_index));
        if roll < config.noise_share + config.reprint_share
            && let Some(original) = earlier
        {
            let reprint = reprint(&articles[original], number, &outlets, &mut random);
            articles.push(reprint);
            continue;
        }
        articles.push(story.article(number, &outlets, &mut random));
    }
    articles
}

/// One invented event: what happened, where, to whom, with which figures, when.
struct StoryPlan {
    index: usize,
    event: &'static Event,
    place: String,
    people: Vec<String>,
    figures: Vec<u32>,
    day: i64,
}

struct Event {
    noun: &'static str,
    headline: &'static str,
    sentences: &'static [&'static str],
}

impl StoryPlan {
    fn new(index: usize, random: &mut SplitMix) -> StoryPlan {
        let people = (0..3)
            .map(|_| {
                format!(
                    "{} {}",
                    capital(&word(random, 2)),
                    capital(&word(random, 3))
                )
            })
            .collect();
        StoryPlan {
            index,
            event: &EVENTS[random.below(EVENTS.len())],
            place: capital(&word(random, 3)),
            people,
            figures: (0..4).map(|_| 20 + random.below(20_000) as u32).collect(),
            // Days from 2024-01-01 over two years.
            day: random.below(730) as i64,
        }
    }

    fn article(
        &self,
        number: usize,
        outlets: &[String],
        random: &mut SplitMix,
    ) -> SyntheticArticle {
        let outlet = &outlets[random.below(outlets.len())];
        let day = self.day + random.below(4) as i64;
        let mut lines = Vec::new();
        let title = self.fill(self.event.headline, random);
        lines.push(title.clone());
        lines.push(String::new());
        let count = 6 + random.below(10);
        for _ in 0..count {
            let template = self.event.sentences[random.below(self.event.sentences.len())];
            let mut sentence = self.fill(template, random);
            if random.unit() < 0.15 {
                // A slip: one figure off by a little, as outlets differ.
                sentence = sentence.replacen(
                    &self.figures[0].to_string(),
                    &(self.figures[0] + 50).to_string(),
                    1,
                );
            }
            lines.push(sentence);
            lines.push(String::new());
            if random.unit() < 0.08 {
                lines.push(pick(random, FURNITURE).to_string());
                lines.push(String::new());
            }
        }
        SyntheticArticle {
            id: format!("gen-{number:07}"),
            title,
            published: iso_day(day),
            outlet: outlet.clone(),
            text: lines.join("\n"),
            story: Some(self.index),
        }
    }

    fn fill(&self, template: &str, random: &mut SplitMix) -> String {
        let speaker = &self.people[random.below(self.people.len())];
        template
            .replace("{place}", &self.place)
            .replace("{noun}", self.event.noun)
            .replace("{a}", &self.people[0])
            .replace("{b}", &self.people[1])
            .replace("{speaker}", speaker)
            .replace("{n0}", &thousands(self.figures[0]))
            .replace("{n1}", &thousands(self.figures[1]))
            .replace("{n2}", &self.figures[2].to_string())
            .replace("{n3}", &(self.figures[3] % 90 + 5).to_string())
            .replace("{day}", pick(random, WEEKDAYS))
    }
}

fn reprint(
    original: &SyntheticArticle,
    number: usize,
    outlets: &[String],
    random: &mut SplitMix,
) -> SyntheticArticle {
    let mut text = original.text.clone();
    // Small edits: a sentence dropped, a byline line added.
    if let Some(cut) = text.rfind("\n\n") {
        text.truncate(cut);
    }
    text.push_str("\n\nThis story was supplied by a news agency.");
    SyntheticArticle {
        id: format!("gen-{number:07}"),
        title: original.title.clone(),
        published: original.published.clone(),
        outlet: outlets[random.below(outlets.len())].clone(),
        text,
        story: original.story,
    }
}

fn noise_article(number: usize, outlets: &[String], random: &mut SplitMix) -> SyntheticArticle {
    let topic = capital(&word(random, 3));
    let mut sentences = Vec::new();
    for _ in 0..(4 + random.below(6)) {
        sentences.push(format!(
            "{} {} {} the {} {} near {}.",
            capital(&word(random, 2)),
            pick(
                random,
                &["praised", "reviewed", "visited", "described", "opened"]
            ),
            pick(random, &["a new", "the old", "a small", "the local"]),
            word(random, 2),
            pick(
                random,
                &["garden", "gallery", "recipe", "collection", "festival"]
            ),
            topic
        ));
    }
    SyntheticArticle {
        id: format!("gen-{number:07}"),
        title: format!("Notes from {topic}"),
        published: iso_day(random.below(730) as i64),
        outlet: outlets[random.below(outlets.len())].clone(),
        text: sentences.join("\n\n"),
        story: None,
    }
}

const OUTLET_KINDS: &[&str] = &[
    "Courier",
    "Herald",
    "Post",
    "Gazette",
    "Chronicle",
    "Wire",
    "Times",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const FURNITURE: &[&str] = &[
    "Sign up to our morning newsletter",
    "Read More",
    "Click to play video",
    "Share this article",
    "Advertisement",
];

const EVENTS: &[Event] = &[
    Event {
        noun: "by-election",
        headline: "{a} wins the {place} {noun}",
        sentences: &[
            "{a} won the {place} {noun} with {n0} votes on {day}.",
            "{b} came second with {n1} votes.",
            "Turnout in {place} was {n3}%, officials said.",
            "\"This is a win for every family in {place},\" {a} said.",
            "{b} said the result was disappointing but promised to stand again.",
            "The count in {place} finished shortly after midnight on {day}.",
        ],
    },
    Event {
        noun: "flood",
        headline: "{noun} forces {n2} families from homes in {place}",
        sentences: &[
            "A {noun} in {place} forced {n2} families from their homes on {day}.",
            "Emergency crews pumped water from {n3} streets, {b} said.",
            "\"We have never seen the river this high,\" said {speaker}.",
            "The council said repairs would cost about {n0} pounds.",
            "{a}, who leads the council, visited the worst hit streets.",
            "Forecasters expect more rain in {place} later in the week.",
        ],
    },
    Event {
        noun: "strike",
        headline: "{n1} workers walk out in {place} {noun}",
        sentences: &[
            "About {n1} workers in {place} joined the {noun} on {day}.",
            "Union organiser {a} said pay had fallen behind prices.",
            "\"We did not want this {noun},\" {speaker} told reporters.",
            "Managers led by {b} offered a rise of {n3} percent.",
            "The {noun} closed {n2} offices across {place}.",
            "Talks are due to resume in {place} next week.",
        ],
    },
    Event {
        noun: "fire",
        headline: "{noun} destroys warehouse in {place}",
        sentences: &[
            "A {noun} destroyed a warehouse in {place} early on {day}.",
            "{n2} firefighters fought the blaze for hours, said chief officer {a}.",
            "\"Nobody was hurt, which is a relief,\" {speaker} said.",
            "The owner, {b}, estimated the damage at {n0} pounds.",
            "Smoke could be seen across {place} for most of the day.",
            "Investigators have not yet found the cause of the {noun}.",
        ],
    },
    Event {
        noun: "trial",
        headline: "{a} found guilty at {place} {noun}",
        sentences: &[
            "A jury in {place} found {a} guilty on {day} after a {noun} of {n3} days.",
            "Prosecutor {b} said the fraud cost investors {n0} pounds.",
            "\"Justice has been done,\" {speaker} said outside the court.",
            "{a} will be sentenced next month, the judge said.",
            "The court heard from {n2} witnesses during the {noun}.",
            "Lawyers for {a} said they would appeal.",
        ],
    },
];

/// A deterministic 64-bit generator (SplitMix64): same seed, same collection.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn pick<'a>(random: &mut SplitMix, items: &[&'a str]) -> &'a str {
    items[random.below(items.len())]
}

/// An invented word of `syllables` syllables.
fn word(random: &mut SplitMix, syllables: usize) -> String {
    const ONSETS: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr", "gl",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "th", "m"];
    let mut out = String::new();
    for _ in 0..syllables {
        out.push_str(pick(random, ONSETS));
        out.push_str(pick(random, VOWELS));
        out.push_str(pick(random, CODAS));
    }
    out
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn thousands(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Day `offset` after 2024-01-01 as an ISO date.
fn iso_day(offset: i64) -> String {
    let (mut year, mut day) = (2024i64, offset);
    loop {
        let length = if year % 4 == 0 { 366 } else { 365 };
        if day < length {
            break;
        }
        day -= length;
        year += 1;
    }
    let leap = year % 4 == 0;
    let months = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 0;
    while day >= months[month] {
        day -= months[month];
        month += 1;
    }
    format!("{year:04}-{:02}-{:02}", month + 1, day + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_collection_and_sizes_hold() {
        let config = SyntheticConfig {
            articles: 300,
            stories: 20,
            ..SyntheticConfig::default()
        };
        let first = synthetic_collection(&config);
        let second = synthetic_collection(&config);
        assert_eq!(first.len(), 300);
        assert_eq!(
            first.iter().map(|a| &a.text).collect::<Vec<_>>(),
            second.iter().map(|a| &a.text).collect::<Vec<_>>()
        );
        let stories: std::collections::BTreeSet<_> = first.iter().filter_map(|a| a.story).collect();
        assert!(stories.len() > 10, "{}", stories.len());
        assert!(
            first.iter().any(|a| a.story.is_none()),
            "noise articles exist"
        );
        assert!(
            first
                .iter()
                .any(|a| a.text.contains("supplied by a news agency")),
            "reprints exist"
        );
    }

    #[test]
    fn days_and_thousands_are_written_right() {
        assert_eq!(iso_day(0), "2024-01-01");
        assert_eq!(iso_day(59), "2024-02-29");
        assert_eq!(iso_day(366), "2025-01-01");
        assert_eq!(thousands(14873), "14,873");
        assert_eq!(thousands(402), "402");
    }
}
