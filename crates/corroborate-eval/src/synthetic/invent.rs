//! Invented material for the generator: a seeded random source, made-up words and names,
//! and the way figures and days are written.

/// A deterministic 64-bit generator (SplitMix64): same seed, same collection.
#[derive(Clone, Debug)]
pub(crate) struct SplitMix(pub u64);

impl SplitMix {
    /// A generator for one of many independent streams (a story, an article, a fact).
    pub(crate) fn stream(seed: u64, stream: u64, index: u64) -> SplitMix {
        let mut mixer = SplitMix(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        mixer.0 ^= index.wrapping_mul(0xE703_7ED1_A0B4_28DB);
        mixer.next();
        mixer
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// An invented lower-case word of `syllables` syllables (about a thousand syllables, so
/// words of two or more are rarely invented twice).
pub(crate) fn word(random: &mut SplitMix, syllables: usize) -> String {
    const ONSETS: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr", "gl",
        "dr", "kr", "sh", "th", "w",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou", "ei", "oa"];
    const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "th", "m", "nd", "rk", "lt"];
    let mut out = String::with_capacity(4 * syllables);
    for _ in 0..syllables {
        out.push_str(random.pick(ONSETS));
        out.push_str(random.pick(VOWELS));
        out.push_str(random.pick(CODAS));
    }
    out
}

/// An invented capitalised word of two or three syllables.
pub(crate) fn name_word(random: &mut SplitMix) -> String {
    let syllables = 2 + random.below(2);
    capital(&word(random, syllables))
}

pub(crate) fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A figure with thousands separators: `14,873`.
pub(crate) fn thousands(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub(crate) fn ordinal(value: u32) -> String {
    let suffix = match (value % 10, value % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{value}{suffix}")
}

pub(crate) use corroborate_model::calendar::MONTH_NAMES as MONTHS;
use corroborate_model::calendar::{WEEKDAY_NAMES, civil_date, day_number};

/// Day 0 of generated collections: 2024-01-01, a Monday.
fn first_day() -> i64 {
    day_number(2024, 1, 1)
}

/// The weekday of day `offset` after 2024-01-01.
pub(crate) fn weekday(offset: i64) -> &'static str {
    WEEKDAY_NAMES[corroborate_model::calendar::weekday(first_day() + offset)]
}

/// Year, month (1-12) and day of day `offset` (at least 0) after 2024-01-01.
pub(crate) fn calendar_day(offset: i64) -> (i64, usize, i64) {
    let (year, month, day) = civil_date(first_day() + offset.max(0));
    (year, month as usize, i64::from(day))
}

pub(crate) fn iso_day(offset: i64) -> String {
    let (year, month, day) = calendar_day(offset);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_figures_and_ordinals_are_written_right() {
        assert_eq!(iso_day(0), "2024-01-01");
        assert_eq!(iso_day(59), "2024-02-29");
        assert_eq!(iso_day(366), "2025-01-01");
        assert_eq!(weekday(0), "Monday");
        assert_eq!(weekday(366), "Wednesday", "2025-01-01");
        assert_eq!(thousands(14873), "14,873");
        assert_eq!(thousands(402), "402");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 111].map(ordinal),
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "111th"
            ]
        );
    }

    #[test]
    fn streams_differ_by_index_and_repeat_by_seed() {
        let first: Vec<u64> = (0..4)
            .map(|index| SplitMix::stream(7, 1, index).next())
            .collect();
        let again: Vec<u64> = (0..4)
            .map(|index| SplitMix::stream(7, 1, index).next())
            .collect();
        assert_eq!(first, again);
        let distinct: std::collections::BTreeSet<_> = first.iter().collect();
        assert_eq!(distinct.len(), 4);
        assert_ne!(SplitMix::stream(7, 2, 0).next(), first[0]);
    }
}
