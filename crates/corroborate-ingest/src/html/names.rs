//! Person names in bylines: cutting a byline into names, and telling a person's name from an
//! organisation's ("better none than wrong").

use super::dom::squash_whitespace;
use super::metadata::alphanumeric_key;

const BYLINE_PREFIXES: &[&str] = &[
    "analysis by ",
    "opinion by ",
    "story by ",
    "written by ",
    "posted by ",
    "reported by ",
    "words by ",
    "by: ",
    "by ",
    "von ",
    "por ",
    "par ",
    "di ",
];

pub(crate) fn starts_like_byline(line: &str) -> bool {
    let lower = line.to_lowercase();
    BYLINE_PREFIXES
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

/// The names in a byline: `By Ilse Varga and Tomas Brandt, Staff Writers` gives `Ilse Varga`
/// and `Tomas Brandt` (the role after the comma is dropped by the person test).
pub(crate) fn split_byline(text: &str) -> Vec<String> {
    let text = squash_whitespace(text);
    let mut rest = text.as_str();
    let lower = rest.to_lowercase();
    for prefix in BYLINE_PREFIXES {
        if lower.starts_with(prefix) {
            rest = &rest[prefix.len()..];
            break;
        }
    }
    // Cut at a date, a separator or a role.
    let cut = rest
        .find(['|', '(', '\n', '•', '·', '/'])
        .into_iter()
        .chain(rest.find(" - "))
        .chain(rest.find(" – "))
        .chain(rest.find(" — "))
        .min()
        .unwrap_or(rest.len());
    let mut rest = &rest[..cut];
    // `Finian Cunningham. Sputnik International`: a full stop after a whole word (not an
    // initial) ends the name.
    if let Some(stop) = rest.match_indices(". ").map(|(at, _)| at).find(|&at| {
        rest[..at]
            .rsplit(' ')
            .next()
            .is_some_and(|word| word.chars().count() > 2)
    }) {
        rest = &rest[..stop];
    }
    // A weekday or month glued to the name by the markup (`Jeff FoustMonday, Nov 18`) is
    // where the name ends.
    if let Some(at) = WEEKDAYS_AND_MONTHS
        .iter()
        .flat_map(|word| {
            rest.match_indices(word).filter_map(move |(at, _)| {
                let after = rest[at + word.len()..].chars().next();
                let before = rest[..at].chars().next_back();
                let whole_word = after.is_none_or(|next| !next.is_alphabetic());
                let glued_or_spaced =
                    before.is_some_and(|previous| previous.is_lowercase() || previous == ' ');
                (whole_word && glued_or_spaced).then_some(at)
            })
        })
        .min()
    {
        rest = &rest[..at];
    }
    let mut names = Vec::new();
    for part in rest.split([',', ';', '&']) {
        for name in split_words_and(part) {
            let name = name.trim().trim_matches(['.', ':', '"', '\'']).trim();
            if !name.is_empty() {
                names.push(name.to_string());
            }
        }
    }
    names
}

const WEEKDAYS_AND_MONTHS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn split_words_and(part: &str) -> Vec<&str> {
    let mut pieces = vec![part];
    for joiner in [" and ", " And ", " AND ", " e ", " y ", " und ", " et "] {
        pieces = pieces
            .into_iter()
            .flat_map(|piece| piece.split(joiner))
            .collect();
    }
    pieces
}

/// `JANIE HAR` becomes `Janie Har`; names in mixed case are left as written.
pub(crate) fn capitalise_shouted(name: &str) -> String {
    if name.chars().any(char::is_lowercase) || !name.chars().any(char::is_uppercase) {
        return name.to_string();
    }
    let mut capitalised = String::with_capacity(name.len());
    let mut word_start = true;
    for character in name.chars() {
        if word_start {
            capitalised.extend(character.to_uppercase());
        } else {
            capitalised.extend(character.to_lowercase());
        }
        word_start = !character.is_alphabetic();
    }
    capitalised
}

/// A person's name: two to five capitalised words, no digits or addresses, none of the words
/// organisations use, and not part of the publication's name or host.
pub(crate) fn looks_like_person(name: &str, publication_names: &[&str]) -> bool {
    const ORGANISATION_WORDS: &[&str] = &[
        "news",
        "staff",
        "press",
        "reuters",
        "agency",
        "agencies",
        "bureau",
        "desk",
        "team",
        "editorial",
        "editor",
        "editors",
        "media",
        "network",
        "inc",
        "ltd",
        "llc",
        "group",
        "times",
        "post",
        "journal",
        "magazine",
        "daily",
        "online",
        "wire",
        "service",
        "services",
        "associated",
        "newsroom",
        "report",
        "reports",
        "sports",
        "tv",
        "radio",
        "channel",
        "company",
        "corporation",
        "corp",
        "university",
        "department",
        "admin",
        "administrator",
        "contributor",
        "contributors",
        "correspondent",
        "writer",
        "writers",
        "guest",
        "blog",
        "official",
        "web",
        "digital",
        "studio",
        "studios",
        "foundation",
        "council",
        "ministry",
        "police",
        "government",
        "press",
        "release",
        "partner",
        "sponsored",
        "content",
        "the",
        "of",
        "for",
        "com",
        "afp",
        "ap",
        "pti",
        "ians",
        "ani",
        "upi",
        "dpa",
        "efe",
        "ansa",
        "xinhua",
        "bloomberg",
        "cnn",
        "bbc",
        "abc",
        "nbc",
        "cbs",
        "fox",
        "international",
    ];
    const PARTICLES: &[&str] = &[
        "de", "da", "do", "dos", "das", "van", "von", "der", "den", "del", "della", "la", "le",
        "bin", "al", "el", "di", "du", "ter", "ten", "y", "e",
    ];
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > 50
        || name.contains(['@', '/', ':', '#', '?'])
        || name.chars().any(|character| character.is_ascii_digit())
    {
        return false;
    }
    let name_key = alphanumeric_key(name);
    if publication_names.iter().any(|publication| {
        let publication_key = alphanumeric_key(publication);
        publication_key.contains(&name_key) || name_key.contains(&publication_key)
    }) {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let mut capitalised = 0;
    for word in &words {
        let bare: String = word
            .chars()
            .filter(|character| character.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if ORGANISATION_WORDS.contains(&bare.as_str()) {
            return false;
        }
        let first = word.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitalised += 1;
        } else if !PARTICLES.contains(&bare.as_str()) {
            return false;
        }
        if !word.chars().all(|character| {
            character.is_alphabetic() || matches!(character, '.' | '-' | '\'' | '’')
        }) {
            return false;
        }
    }
    capitalised >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_names() {
        for name in [
            "Ilse Varga",
            "Tomas de la Cruz",
            "J. R. Okonkwo",
            "Anne-Marie O'Neill",
        ] {
            assert!(looks_like_person(name, &[]), "{name}");
        }
        for name in [
            "Tarnby Gazette Staff",
            "Associated Press",
            "Reuters",
            "admin",
            "Ilse",
            "Staff Writer",
            "Jane Smith 2",
            "jane@example.org",
            "The Editors",
            "Mira Lake News",
        ] {
            assert!(!looks_like_person(name, &[]), "{name}");
        }
        assert!(!looks_like_person(
            "Tarnby Herald",
            &["Tarnby Herald Online"]
        ));
        assert!(!looks_like_person(
            "Tarnby Herald",
            &["tarnbyherald.example"]
        ));
        assert_eq!(capitalise_shouted("JANIE O'HARA-LUND"), "Janie O'Hara-Lund");
        assert_eq!(capitalise_shouted("Ilse McVarga"), "Ilse McVarga");
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(
            split_byline("By Ilse Varga and Tomas Brandt, Staff Writers"),
            ["Ilse Varga", "Tomas Brandt", "Staff Writers"]
        );
        assert_eq!(
            split_byline("Analysis by Odile Marchetti, Gazette senior editor"),
            ["Odile Marchetti", "Gazette senior editor"]
        );
        assert_eq!(split_byline("by Pia Lund | 4 May 2021"), ["Pia Lund"]);
        assert_eq!(
            split_byline("J. R. Okonkwo. Harbour Wire"),
            ["J. R. Okonkwo"]
        );
        assert_eq!(split_byline("Pia LundMonday, 4 May"), ["Pia Lund"]);
        assert_eq!(split_byline("By Ana Ruiz Tuesday"), ["Ana Ruiz"]);
        assert_eq!(split_byline("By Odile Marchetti"), ["Odile Marchetti"]);
    }
}
