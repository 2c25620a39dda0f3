//! Writes a template of the phrasebook: each `{slot}` becomes a name or figure of the cast,
//! each `[a|b]` one of its alternatives.
//!
//! Two random sources drive it. Slot choices (which person, which street, which invented
//! word) come from `slots`, which a story seeds once per fact, so every outlet telling that
//! fact names the same people and figures. Alternatives come from `style`, the article's
//! own source, so outlets word the fact differently.

use super::invent::{SplitMix, name_word, ordinal, thousands, word};
use super::phrasebook::Event;

/// Who and what an article can name.
pub(crate) struct Cast {
    pub event: Option<&'static Event>,
    pub town: String,
    pub streets: Vec<String>,
    /// Full name and role.
    pub people: Vec<(String, &'static str)>,
    pub orgs: Vec<String>,
    /// The things the story is about (`Stavel footbridge`), or an unrelated article's
    /// invented topic nouns.
    pub objects: Vec<String>,
    /// The two figures the story turns on (counts of people, votes, pounds).
    pub major: [u32; 2],
    /// Lesser figures: tens to hundreds, small counts, percentages, years.
    pub medium: [u32; 3],
    pub small: [u32; 4],
    pub percent: [u32; 2],
    pub years: [u32; 2],
    pub weekday: &'static str,
    pub month: &'static str,
}

impl Cast {
    /// A cast of invented names around an event (`event` `None` for unrelated articles,
    /// whose roles and organisation kinds are given).
    pub(crate) fn invent(
        event: Option<&'static Event>,
        roles: &'static [&'static str],
        org_kinds: &'static [&'static str],
        weekday: &'static str,
        month: &'static str,
        random: &mut SplitMix,
    ) -> Cast {
        let town = name_word(random);
        let streets = (0..3)
            .map(|_| {
                let kind = random.pick(super::phrasebook::STREET_KINDS);
                format!("{} {kind}", name_word(random))
            })
            .collect();
        let people = roles
            .iter()
            .map(|role| {
                (
                    format!("{} {}", name_word(random), name_word(random)),
                    *role,
                )
            })
            .collect();
        let orgs = (0..2)
            .map(|slot| {
                let kind = org_kinds[random.below(org_kinds.len())];
                // One organisation is named after the town, as local bodies are.
                let owner = if slot == 0 {
                    town.clone()
                } else {
                    name_word(random)
                };
                format!("{owner} {kind}")
            })
            .collect();
        let objects = match event {
            Some(event) => (0..2)
                .map(|_| {
                    let kind = random.pick(event.object_kinds);
                    format!("{} {kind}", name_word(random))
                })
                .collect(),
            None => (0..4)
                .map(|_| {
                    let syllables = 2 + random.below(2);
                    word(random, syllables)
                })
                .collect(),
        };
        let mut figure = |low: u32, high: u32| low + random.below((high - low) as usize) as u32;
        Cast {
            event,
            town,
            streets,
            people,
            orgs,
            objects,
            major: [figure(1_000, 60_000), figure(200, 20_000)],
            medium: [figure(12, 900), figure(12, 900), figure(12, 900)],
            small: [figure(2, 40), figure(2, 40), figure(2, 40), figure(2, 40)],
            percent: [figure(5, 90), figure(5, 90)],
            years: [figure(1975, 2022), figure(1975, 2022)],
            weekday,
            month,
        }
    }
}

/// Writes `template` to `out`.
pub(crate) fn fill(
    template: &str,
    cast: &Cast,
    slots: &mut SplitMix,
    style: &mut SplitMix,
    out: &mut String,
) {
    let mut filler = Filler {
        cast,
        slots,
        style,
        person: 0,
    };
    filler.write(template, out);
}

/// Share of major figures an outlet gets slightly wrong, as outlets do.
const SLIP_SHARE: f64 = 0.04;

struct Filler<'a> {
    cast: &'a Cast,
    slots: &'a mut SplitMix,
    style: &'a mut SplitMix,
    /// The person named last (`{role}` is theirs).
    person: usize,
}

impl Filler<'_> {
    fn write(&mut self, template: &str, out: &mut String) {
        let mut rest = template;
        while let Some(at) = rest.bytes().position(|b| b == b'{' || b == b'[') {
            out.push_str(&rest[..at]);
            let close = if rest.as_bytes()[at] == b'{' {
                b'}'
            } else {
                b']'
            };
            let Some(length) = rest.as_bytes()[at..].iter().position(|&b| b == close) else {
                // An unclosed mark is written as it is (the phrasebook has none).
                out.push_str(&rest[at..]);
                return;
            };
            let inner = &rest[at + 1..at + length];
            if close == b'}' {
                self.slot(inner, out);
            } else {
                let n_choices = 1 + inner.bytes().filter(|&b| b == b'|').count();
                let choice = inner
                    .split('|')
                    .nth(self.style.below(n_choices))
                    .expect("the index is below the number of choices");
                self.write(choice, out);
            }
            rest = &rest[at + length + 1..];
        }
        out.push_str(rest);
    }

    fn slot(&mut self, name: &str, out: &mut String) {
        let cast = self.cast;
        let event = cast.event;
        match name {
            "town" => out.push_str(&cast.town),
            "street" => out.push_str(&cast.streets[self.slots.below(cast.streets.len())]),
            "org" => out.push_str(&cast.orgs[self.slots.below(cast.orgs.len())]),
            "object" | "thing" => out.push_str(&cast.objects[self.slots.below(cast.objects.len())]),
            "person" => {
                self.person = self.slots.below(cast.people.len());
                out.push_str(&cast.people[self.person].0);
            }
            "role" => out.push_str(cast.people[self.person].1),
            "noun" => out.push_str(event.map_or("event", |event| self.style.pick(event.nouns))),
            "harm" => out.push_str(event.map_or("people", |event| self.slots.pick(event.harm))),
            "response" => {
                let response =
                    event.map_or("opened early", |event| self.slots.pick(event.response));
                self.write(response, out);
            }
            "n0" | "n1" => {
                let mut value = cast.major[usize::from(name == "n1")];
                if self.style.unit() < SLIP_SHARE {
                    value += 10 * (1 + self.style.below(5) as u32);
                }
                out.push_str(&thousands(value));
            }
            "n2" => out.push_str(&thousands(cast.medium[self.slots.below(3)])),
            "small" => out.push_str(&cast.small[self.slots.below(4)].to_string()),
            "nth" => out.push_str(&ordinal(cast.small[self.slots.below(4)])),
            "pct" => out.push_str(&cast.percent[self.slots.below(2)].to_string()),
            "year0" => out.push_str(&cast.years[self.slots.below(2)].to_string()),
            "magnitude" => {
                let tenths = 30 + cast.small[0] % 30;
                out.push_str(&format!("{}.{}", tenths / 10, tenths % 10));
            }
            "weekday" => out.push_str(cast.weekday),
            "month" => out.push_str(cast.month),
            "word" => {
                let syllables = 2 + self.slots.below(2);
                out.push_str(&word(self.slots, syllables));
            }
            "Word" => out.push_str(&name_word(self.slots)),
            other => {
                // An unknown slot is written as it is (the tests hold the phrasebook to none).
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::phrasebook::{
        BACKGROUND, EVENTS, GENERAL_FACTS, NOISE, NOISE_HEADLINES, NOISE_ORG_KINDS, NOISE_ROLES,
        QUOTES,
    };
    use super::*;

    fn story_cast() -> Cast {
        let mut random = SplitMix(3);
        Cast::invent(
            Some(&EVENTS[0]),
            EVENTS[0].roles,
            EVENTS[0].org_kinds,
            "Friday",
            "March",
            &mut random,
        )
    }

    fn written(template: &str, cast: &Cast, slot_seed: u64, style_seed: u64) -> String {
        let mut out = String::new();
        fill(
            template,
            cast,
            &mut SplitMix(slot_seed),
            &mut SplitMix(style_seed),
            &mut out,
        );
        out
    }

    #[test]
    fn slots_and_alternatives_are_filled() {
        let cast = story_cast();
        let out = written(
            "[Floodwater|The flood] hit {town} on {weekday}; {person}, {role}, counted {n2}.",
            &cast,
            1,
            2,
        );
        assert!(out.starts_with("Floodwater hit ") || out.starts_with("The flood hit "));
        assert!(out.contains(&cast.town), "{out}");
        assert!(out.contains("on Friday;"), "{out}");
        assert!(
            cast.people
                .iter()
                .any(|(name, role)| out.contains(&format!("{name}, {role},"))),
            "the role is the named person's: {out}"
        );
        assert!(!out.contains(['{', '}', '[', ']', '|']), "{out}");
    }

    #[test]
    fn one_slot_seed_names_the_same_people_whatever_the_style() {
        let cast = story_cast();
        let template = "{person} of the {org} on {street}";
        let a = written(template, &cast, 9, 1);
        let b = written(template, &cast, 9, 2);
        assert_eq!(a, b);
        let others: std::collections::BTreeSet<String> = (0..20)
            .map(|seed| written(template, &cast, seed, 1))
            .collect();
        assert!(others.len() > 3, "other facts name others: {others:?}");
    }

    #[test]
    fn every_template_uses_known_slots_and_closes_its_marks() {
        let cast = story_cast();
        let mut noise_random = SplitMix(5);
        let noise_cast = Cast::invent(
            None,
            NOISE_ROLES,
            NOISE_ORG_KINDS,
            "Monday",
            "May",
            &mut noise_random,
        );
        let mut templates: Vec<&str> = Vec::new();
        for event in EVENTS {
            templates.extend(event.facts);
            templates.extend(event.headlines);
            templates.extend(event.response);
        }
        templates.extend(GENERAL_FACTS);
        templates.extend(QUOTES);
        templates.extend(BACKGROUND);
        for template in templates {
            for seed in 0..8 {
                let out = written(template, &cast, seed, seed);
                assert!(
                    !out.contains(['{', '}', '[', ']', '|']),
                    "{template} -> {out}"
                );
            }
        }
        for template in NOISE.iter().chain(NOISE_HEADLINES).chain(BACKGROUND) {
            let out = written(template, &noise_cast, 1, 1);
            assert!(
                !out.contains(['{', '}', '[', ']', '|']),
                "{template} -> {out}"
            );
        }
    }
}
