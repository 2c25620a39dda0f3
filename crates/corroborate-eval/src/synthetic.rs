//! Synthetic news collections for scale and load measurements: N articles telling M
//! invented stories, with wire reprints, page furniture, undated articles and unrelated
//! noise, reproducible from a seed. Every name, place and sentence is made up here (from
//! syllables and the templates of `phrasebook.rs`); nothing comes from real articles.
//!
//! Each story has its own cast (a town, streets, people with roles, organisations, the
//! things it is about, its figures) and its own facts: templates drawn from a pool, each
//! with its slot choices fixed, so every outlet reports the same people and figures while
//! choosing its own words among the alternatives. Two stories of one kind (two floods) share
//! the event's words but not its names or, mostly, its sentences. Articles run from 300 to
//! 900 words: facts in a loose order, the story's quotations, and background written afresh
//! for each article. Story sizes follow a heavy-tailed law, as news does: most stories have a
//! few articles, a few have hundreds. An unrelated article invents its own topic words, so
//! two of them share only common English.
//!
//! The collection is planned in one cheap pass (which article tells which story, which
//! reprints which); each article is then written from its own seed alone, so articles can be
//! written in any order, in parallel, without holding the collection in memory.

mod fill;
mod invent;
mod phrasebook;

use serde::Serialize;

use fill::{Cast, fill};
use invent::{MONTHS, SplitMix, calendar_day, iso_day, name_word, weekday};
use phrasebook::{
    BACKGROUND, EVENTS, Event, FURNITURE, GENERAL_FACTS, NOISE, NOISE_HEADLINES, NOISE_ORG_KINDS,
    NOISE_ROLES, OUTLET_KINDS, QUOTES,
};

/// One generated article (a JSON Lines record `corroborate` reads; `story` is the truth).
#[derive(Clone, Debug, Serialize)]
pub struct SyntheticArticle {
    pub id: String,
    pub title: String,
    /// `None` for an undated article (the field is then left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub outlet: String,
    pub text: String,
    /// The story the article was generated for (for B-cubed), or `None` for noise.
    pub story: Option<usize>,
}

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct SyntheticConfig {
    pub articles: usize,
    /// Stories planned; stories drawn for no article are absent, so a collection holds at
    /// most this many (heavy-tailed sizes leave some empty when articles are few).
    pub stories: usize,
    pub seed: u64,
    /// Share of articles that reprint another article of their story with small edits.
    pub reprint_share: f64,
    /// Share of articles that belong to no story.
    pub noise_share: f64,
    /// Share of articles without a publication date.
    pub undated_share: f64,
}

impl Default for SyntheticConfig {
    fn default() -> SyntheticConfig {
        SyntheticConfig {
            articles: 1000,
            stories: 100,
            seed: 7,
            reprint_share: 0.1,
            noise_share: 0.05,
            undated_share: 0.03,
        }
    }
}

/// A planned collection: [`SyntheticCollection::article`] writes any article on demand.
pub struct SyntheticCollection {
    config: SyntheticConfig,
    outlets: Vec<String>,
    stories: Vec<StoryPlan>,
    plans: Vec<ArticlePlan>,
}

impl SyntheticCollection {
    /// Plans the collection: which story each article tells and which article it reprints.
    pub fn new(config: &SyntheticConfig) -> SyntheticCollection {
        let mut random = SplitMix::stream(config.seed, STREAM_PLAN, 0);
        let outlets = (0..OUTLETS)
            .map(|_| {
                let kind = random.pick(OUTLET_KINDS);
                format!("The {} {kind}", name_word(&mut random))
            })
            .collect();
        let n_stories = config.stories.max(1);
        let stories: Vec<StoryPlan> = (0..n_stories)
            .map(|index| StoryPlan::new(config.seed, index))
            .collect();
        // Cumulative story weights: Pareto with shape 1.5 (capped), so sizes are heavy-tailed.
        let mut cumulative = Vec::with_capacity(n_stories);
        let mut total = 0.0;
        for story in &stories {
            total += story.weight;
            cumulative.push(total);
        }
        let mut last_original: Vec<Option<u32>> = vec![None; n_stories];
        let mut plans = Vec::with_capacity(config.articles);
        for number in 0..config.articles {
            let roll = random.unit();
            let seed = random.next();
            let kind = if roll < config.noise_share {
                Kind::Noise
            } else {
                let target = random.unit() * total;
                let story = cumulative
                    .partition_point(|&sum| sum <= target)
                    .min(n_stories - 1);
                match last_original[story] {
                    Some(of) if roll < config.noise_share + config.reprint_share => Kind::Reprint {
                        story: story as u32,
                        of,
                    },
                    _ => {
                        last_original[story] = Some(number as u32);
                        Kind::Original {
                            story: story as u32,
                        }
                    }
                }
            };
            plans.push(ArticlePlan { kind, seed });
        }
        SyntheticCollection {
            config: *config,
            outlets,
            stories,
            plans,
        }
    }

    pub fn len(&self) -> usize {
        self.plans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.plans.is_empty()
    }

    /// Writes article `number` (`0..len()`); the same number always gives the same article.
    pub fn article(&self, number: usize) -> SyntheticArticle {
        let plan = self.plans[number];
        match plan.kind {
            Kind::Original { story } => self.story_article(number, story as usize, plan.seed),
            Kind::Reprint { story, of } => {
                self.reprint(number, story as usize, of as usize, plan.seed)
            }
            Kind::Noise => self.noise_article(number, plan.seed),
        }
    }

    /// Every article, in order.
    pub fn articles(&self) -> impl Iterator<Item = SyntheticArticle> + '_ {
        (0..self.len()).map(|number| self.article(number))
    }

    fn story_article(&self, number: usize, story_index: usize, seed: u64) -> SyntheticArticle {
        let story = &self.stories[story_index];
        let cast = &story.cast;
        let mut style = SplitMix(seed);
        let outlet = self.outlets[style.below(self.outlets.len())].clone();
        // Most reports come within two days; some follow up a week later.
        let offset = if style.unit() < 0.85 {
            style.below(3)
        } else {
            3 + style.below(7)
        };
        let published = self.dated(&mut style, story.day + offset as i64);
        let target_words = 300 + style.below(601);

        let event = story.event;
        let mut title = String::new();
        let headline = style.pick(event.headlines);
        fill(
            headline,
            cast,
            &mut SplitMix(story.headline_seed),
            &mut style,
            &mut title,
        );

        let mut text = String::with_capacity(target_words * 7);
        let mut writer = ArticleWriter::new(&mut text);
        // The lead is always the story's first fact.
        let (lead, lead_seed) = story.facts[0];
        writer.sentence(|out| fill(lead, cast, &mut SplitMix(lead_seed), &mut style, out));
        writer.end_paragraph();
        let mut next_fact = 1;
        while writer.words < target_words {
            if next_fact < story.facts.len() && style.unit() < 0.6 {
                // Facts in the story's order, some skipped, as each outlet chooses.
                while next_fact + 1 < story.facts.len() && style.unit() < 0.3 {
                    next_fact += 1;
                }
                let (template, fact_seed) = story.facts[next_fact];
                next_fact += 1;
                writer.sentence(|out| {
                    fill(template, cast, &mut SplitMix(fact_seed), &mut style, out)
                });
            } else {
                let template = style.pick(BACKGROUND);
                let mut slots = SplitMix(style.next());
                writer.sentence(|out| fill(template, cast, &mut slots, &mut style, out));
            }
            writer.maybe_end_paragraph(&mut style);
        }
        writer.finish();
        SyntheticArticle {
            id: article_id(number),
            title,
            published,
            outlet,
            text,
            story: Some(story_index),
        }
    }

    /// An agency copy: the original with a paragraph or two cut, a credit line added, the
    /// headline sometimes marked as an update, under another outlet.
    fn reprint(&self, number: usize, story: usize, original: usize, seed: u64) -> SyntheticArticle {
        let original = self.article(original);
        let mut style = SplitMix(seed);
        let mut paragraphs: Vec<&str> = original.text.split("\n\n").collect();
        if paragraphs.len() > 4 {
            let cut = 1 + style.below(paragraphs.len() - 1);
            paragraphs.remove(cut);
        }
        if paragraphs.len() > 4 && style.unit() < 0.5 {
            paragraphs.pop();
        }
        let mut text = paragraphs.join("\n\n");
        text.push_str("\n\n");
        if style.unit() < 0.5 {
            let reporter = format!("{} {}", name_word(&mut style), name_word(&mut style));
            let editor = format!("{} {}", name_word(&mut style), name_word(&mut style));
            text.push_str(&format!("Reporting by {reporter}; editing by {editor}."));
        } else {
            text.push_str("This story was supplied by a news agency.");
        }
        let title = if style.unit() < 0.3 {
            format!("UPDATE {}-{}", 1 + style.below(3), original.title)
        } else {
            original.title.clone()
        };
        let published = match original.published {
            Some(date) if style.unit() >= self.config.undated_share => Some(date),
            _ => None,
        };
        SyntheticArticle {
            id: article_id(number),
            title,
            published,
            outlet: self.outlets[style.below(self.outlets.len())].clone(),
            text,
            story: Some(story),
        }
    }

    /// An article about nothing else in the collection, with a topic of its own.
    fn noise_article(&self, number: usize, seed: u64) -> SyntheticArticle {
        let mut style = SplitMix(seed);
        let day = style.below(DAYS) as i64;
        let cast = Cast::invent(
            None,
            NOISE_ROLES,
            NOISE_ORG_KINDS,
            weekday(day),
            MONTHS[calendar_day(day).1 - 1],
            &mut style,
        );
        let published = self.dated(&mut style, day);
        let target_words = 250 + style.below(551);
        let mut title = String::new();
        let headline = style.pick(NOISE_HEADLINES);
        let mut slots = SplitMix(style.next());
        fill(headline, &cast, &mut slots, &mut style, &mut title);
        let mut text = String::with_capacity(target_words * 7);
        let mut writer = ArticleWriter::new(&mut text);
        while writer.words < target_words {
            // Mostly sentences any article can hold, so what sets the article apart is its
            // invented topic words rather than words only unrelated articles use.
            let template = if style.unit() < 0.35 {
                style.pick(NOISE)
            } else {
                style.pick(BACKGROUND)
            };
            let mut slots = SplitMix(style.next());
            writer.sentence(|out| fill(template, &cast, &mut slots, &mut style, out));
            writer.maybe_end_paragraph(&mut style);
        }
        writer.finish();
        SyntheticArticle {
            id: article_id(number),
            title,
            published,
            outlet: self.outlets[style.below(self.outlets.len())].clone(),
            text,
            story: None,
        }
    }

    fn dated(&self, style: &mut SplitMix, day: i64) -> Option<String> {
        (style.unit() >= self.config.undated_share).then(|| iso_day(day))
    }
}

/// Generates the whole collection in memory (small collections and tests; large ones are
/// written article by article through [`SyntheticCollection`]).
pub fn synthetic_collection(config: &SyntheticConfig) -> Vec<SyntheticArticle> {
    SyntheticCollection::new(config).articles().collect()
}

/// Independent random streams of one seed.
const STREAM_PLAN: u64 = 1;
const STREAM_STORY: u64 = 2;

/// Outlets in a collection.
const OUTLETS: usize = 200;

/// Days the stories are spread over (two years from 2024-01-01).
const DAYS: usize = 730;

/// Facts of each kind a story draws.
const EVENT_FACTS: usize = 6;
const GENERAL_FACTS_PER_STORY: usize = 10;
const QUOTES_PER_STORY: usize = 6;

/// The largest story weight, in multiples of the smallest.
const MAX_WEIGHT: f64 = 100.0;

#[derive(Clone, Copy)]
enum Kind {
    Original { story: u32 },
    Reprint { story: u32, of: u32 },
    Noise,
}

#[derive(Clone, Copy)]
struct ArticlePlan {
    kind: Kind,
    seed: u64,
}

/// One invented event: its cast, day and facts, each fact a template with its slot seed.
struct StoryPlan {
    event: &'static Event,
    cast: Cast,
    day: i64,
    weight: f64,
    headline_seed: u64,
    facts: Vec<(&'static str, u64)>,
}

impl StoryPlan {
    fn new(seed: u64, index: usize) -> StoryPlan {
        let mut random = SplitMix::stream(seed, STREAM_STORY, index as u64);
        let event = &EVENTS[random.below(EVENTS.len())];
        let day = random.below(DAYS) as i64;
        let (_, month, _) = calendar_day(day);
        // Events are talked about in relation to a month near them.
        let month = MONTHS[(month - 1 + random.below(3)) % 12];
        let cast = Cast::invent(
            Some(event),
            event.roles,
            event.org_kinds,
            weekday(day),
            month,
            &mut random,
        );
        let weight = (1.0 - random.unit()).powf(-1.0 / 1.5).min(MAX_WEIGHT);
        // The lead is the event's first fact (what happened); the rest are shuffled together.
        let lead = event.facts[0];
        let mut rest = choose(&event.facts[1..], EVENT_FACTS - 1, &mut random);
        rest.extend(choose(GENERAL_FACTS, GENERAL_FACTS_PER_STORY, &mut random));
        rest.extend(choose(QUOTES, QUOTES_PER_STORY, &mut random));
        shuffle(&mut rest, &mut random);
        let facts = std::iter::once(lead)
            .chain(rest)
            .map(|template| (template, random.next()))
            .collect();
        StoryPlan {
            event,
            cast,
            day,
            weight,
            headline_seed: random.next(),
            facts,
        }
    }
}

/// Builds an article's text: sentences into paragraphs, counting words.
struct ArticleWriter<'a> {
    text: &'a mut String,
    words: usize,
    in_paragraph: usize,
}

impl<'a> ArticleWriter<'a> {
    fn new(text: &'a mut String) -> ArticleWriter<'a> {
        ArticleWriter {
            text,
            words: 0,
            in_paragraph: 0,
        }
    }

    fn sentence(&mut self, write: impl FnOnce(&mut String)) {
        if self.in_paragraph > 0 {
            self.text.push(' ');
        }
        let start = self.text.len();
        write(self.text);
        // Templates separate words by single spaces.
        self.words += 1 + self.text.as_bytes()[start..]
            .iter()
            .filter(|&&b| b == b' ')
            .count();
        self.in_paragraph += 1;
    }

    /// Paragraphs of one to three sentences; now and then a line of page furniture.
    fn maybe_end_paragraph(&mut self, style: &mut SplitMix) {
        if self.in_paragraph >= 3 || style.unit() < 0.4 {
            self.end_paragraph();
            if style.unit() < 0.03 {
                self.text.push_str(style.pick(FURNITURE));
                self.text.push_str("\n\n");
            }
        }
    }

    fn end_paragraph(&mut self) {
        self.text.push_str("\n\n");
        self.in_paragraph = 0;
    }

    /// Ends the text without a blank line after the last paragraph or furniture line.
    fn finish(self) {
        let kept = self.text.trim_end().len();
        self.text.truncate(kept);
    }
}

fn article_id(number: usize) -> String {
    format!("gen-{number:07}")
}

/// `count` of the templates, different ones, in a random order.
fn choose(
    templates: &'static [&'static str],
    count: usize,
    random: &mut SplitMix,
) -> Vec<&'static str> {
    let mut all = templates.to_vec();
    shuffle(&mut all, random);
    all.truncate(count);
    all
}

fn shuffle<T>(items: &mut [T], random: &mut SplitMix) {
    for index in (1..items.len()).rev() {
        items.swap(index, random.below(index + 1));
    }
}

#[cfg(test)]
mod tests;
