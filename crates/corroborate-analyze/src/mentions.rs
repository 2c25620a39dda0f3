//! Finds entity mentions without a trained model: capitalised name sequences with their
//! titles, role phrases bound to names, social handles; classifies each as a person, an
//! organisation, a place or other from its words and its context.
//!
//! Capitals are weak evidence at a sentence start and in headlines, so a capitalised first
//! word of a sentence is dropped when the article also writes it in lower case or it is a
//! function word, and a headline only yields names the body also uses.

use rustc_hash::FxHashSet as HashSet;

use corroborate_model::text::{fold, words};
use corroborate_model::{EntityKind, Gender, Mention, Sentence, Span};

use crate::quotes::is_speech_cue;
use crate::word_sets::WordSet;

/// A mention found in the text, before entities are resolved.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub mention: Mention,
    /// The words of the name without title, in order (`["Edward", "Marsh"]`).
    pub name_words: Vec<String>,
    /// A role phrase bound to this mention (before it, or in apposition after it).
    pub role: Option<String>,
    /// Gender shown by the title or the role noun.
    pub gender: Option<Gender>,
}

/// Every mention in `text`, in text order.
pub(crate) fn find_mentions(text: &str, sentences: &[Sentence]) -> Vec<Found> {
    // News averages about six bytes a word: one allocation for the tokens.
    let mut tokens: Vec<(usize, &str)> = Vec::with_capacity(text.len() / 5 + 1);
    tokens.extend(words(text));
    let lower_words: HashSet<&str> = tokens
        .iter()
        .filter(|(_, word)| word.starts_with(char::is_lowercase))
        .map(|(_, word)| *word)
        .collect();
    let mut sentence_starts: HashSet<usize> = sentences
        .iter()
        .map(|sentence| first_word_at(text, sentence.span))
        .collect();
    // A quotation or a colon opens a sentence of its own: `she said: “Tonight we won`.
    for (index, (offset, _)) in tokens.iter().enumerate() {
        let gap_start = if index == 0 {
            0
        } else {
            tokens[index - 1].0 + tokens[index - 1].1.len()
        };
        let raw_gap = &text[gap_start..*offset];
        let gap = raw_gap.trim();
        // A straight mark opens a quotation only when it touches the word after it: in
        // `won," Hale said` it closes one, and `Hale` is not a sentence opener.
        let opening_straight = raw_gap.ends_with('"');
        if gap.ends_with(['\u{201C}', ':', '\u{2018}'])
            || (gap.ends_with('"') && opening_straight)
            || gap.ends_with(": \"")
        {
            sentence_starts.insert(*offset);
        }
    }
    // Words written with a capital away from a sentence start are names wherever they occur.
    let capitalised_inside: HashSet<&str> = tokens
        .iter()
        .filter(|(offset, word)| is_capitalised(word) && !sentence_starts.contains(offset))
        .map(|(_, word)| strip_possessive(word))
        .collect();
    let headline_spans: Vec<Span> = sentences
        .iter()
        .filter(|s| s.headline || is_title_case(&tokens, s.span, &lower_words))
        .map(|s| s.span)
        .collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        if !is_capitalised(tokens[index].1) {
            index += 1;
            continue;
        }
        let end = sequence_end(text, &tokens, index);
        let mut start = index;
        // A capitalised sentence opener is a name only if the article never writes it in
        // lower case and it is not a function word.
        if sentence_starts.contains(&tokens[start].0) {
            let word = tokens[start].1;
            let single = start == end;
            if is_common_word(word, &lower_words)
                || (single && !capitalised_inside.contains(strip_possessive(word)))
            {
                start += 1;
            }
        }
        if start <= end
            && let Some(mention) = build_mention(text, &tokens, start, end)
        {
            found.push(mention);
        }
        index = end + 1;
    }
    found.extend(handles(text));
    found.sort_by_key(|found| found.mention.span);
    // `@TimKaine` is a handle, not also a name inside it: overlapping mentions keep the first.
    let mut last_end = 0;
    found.retain(|found| {
        let keep = found.mention.span.start() >= last_end;
        if keep {
            last_end = found.mention.span.end();
        }
        keep
    });
    // Headlines are title case: keep only names the body also uses.
    let body_names: HashSet<String> = found
        .iter()
        .filter(|f| {
            !headline_spans
                .iter()
                .any(|h| h.contains_span(f.mention.span))
        })
        .map(|f| f.mention.name.clone())
        .collect();
    // A headline name the body does not use may hold one it does: in `Harbour Strike
    // Leaves Tarnby Without Ferries`, only `Tarnby` is a name.
    let mut kept = Vec::with_capacity(found.len());
    for f in found {
        if body_names.contains(&f.mention.name)
            || !headline_spans
                .iter()
                .any(|h| h.contains_span(f.mention.span))
        {
            kept.push(f);
        } else {
            kept.extend(body_names_within(
                text,
                &tokens,
                f.mention.span,
                &body_names,
            ));
        }
    }
    let mut found = kept;
    classify_by_context(text, &mut found);
    for mention in &mut found {
        if mention.role.is_none() {
            mention.role = role_before(text, mention.mention.span)
                .or_else(|| role_after(text, mention.mention.span));
        }
        if mention.gender.is_none() {
            mention.gender = mention.role.as_deref().and_then(gender_of_role);
        }
        let speaks = speaks(text, mention.mention.span);
        if (mention.role.is_some() || speaks) && mention.mention.kind == EntityKind::Other {
            mention.mention.kind = EntityKind::Person;
        }
    }
    found
}

/// The offset of the first word of a sentence (after opening quotes and brackets).
fn first_word_at(text: &str, span: Span) -> usize {
    words(&text[span.range()])
        .next()
        .map_or(span.start(), |(offset, _)| span.start() + offset)
}

/// Index of the last token of the capitalised sequence starting at `start`.
fn sequence_end(text: &str, tokens: &[(usize, &str)], start: usize) -> usize {
    let mut end = start;
    loop {
        if has_possessive(tokens[end].1) || end + 1 >= tokens.len() {
            return end;
        }
        let (offset, word) = tokens[end];
        let gap = &text[offset + word.len()..tokens[end + 1].0];
        let next = tokens[end + 1].1;
        if joins(word, gap) && is_capitalised(next) {
            end += 1;
            continue;
        }
        // Connectors inside names: `Bank of England`, `Ludwig van Beethoven`.
        // `of` and `&` join only after an organisation or place word (`Bank of England`),
        // never after a person's name (`Imogen Saltash of Green Forward`).
        let joins_after = !matches!(next, "of" | "&")
            || ORGANIZATION_SET.contains(word)
            || PLACE_SET.contains(word);
        let connector = NAME_CONNECTORS.contains(&next) && joins_after;
        if connector && gap == " " && end + 2 < tokens.len() && is_capitalised(tokens[end + 2].1) {
            let after = &text[tokens[end + 1].0 + next.len()..tokens[end + 2].0];
            if after == " " {
                end += 2;
                continue;
            }
        }
        return end;
    }
}

/// Whether the text between two capitalised words keeps them in one name.
fn joins(word: &str, gap: &str) -> bool {
    match gap {
        " " | "\u{00A0}" | "-" | "\u{2011}" => true,
        // `J. R. Brandt`, `Dr. Amis`, `U.S. Senate`.
        ". " | ".\u{00A0}" => word.chars().count() == 1 || TITLE_ABBREVIATION_SET.contains(word),
        "." => word.chars().count() == 1,
        _ => false,
    }
}

/// Builds the mention for tokens `start..=end`: splits off a title, strips a possessive,
/// and gives a first kind from the words.
fn build_mention(text: &str, tokens: &[(usize, &str)], start: usize, end: usize) -> Option<Found> {
    let mut name_start = start;
    let mut title: Option<String> = None;
    // Two-word titles first (`Prime Minister`), then one-word titles, possibly repeated
    // (`Former President`, `Sen.` read as `Sen`).
    while name_start <= end {
        let word = tokens[name_start].1;
        if name_start < end {
            let next = tokens[name_start + 1].1;
            let is_pair = TWO_WORD_TITLES.iter().any(|title| {
                title
                    .split_once(' ')
                    .is_some_and(|(first, second)| first == word && second == next)
            });
            if is_pair {
                let pair = format!("{word} {next}");
                title = Some(join_title(title, &pair));
                name_start += 2;
                continue;
            }
        }
        if TITLE_SET.contains(word) && name_start < end {
            title = Some(join_title(title, word));
            name_start += 1;
            continue;
        }
        break;
    }
    if name_start > end {
        return None;
    }
    let mut name_words: Vec<String> = tokens[name_start..=end]
        .iter()
        .map(|(_, word)| strip_possessive(word).to_string())
        .collect();
    if name_words.iter().all(|word| NOT_NAME_SET.contains(word)) {
        return None;
    }
    // Drop trailing words that cannot end a name.
    while name_words
        .last()
        .is_some_and(|word| NAME_CONNECTORS.contains(&word.as_str()))
    {
        name_words.pop();
    }
    let span_start = tokens[start].0;
    let last = tokens[end];
    let span_end = last.0 + strip_possessive(last.1).len();
    let name = name_text(text, tokens, name_start, end);
    let gender = title.as_deref().and_then(gender_of_title);
    let kind = if title.is_some() {
        EntityKind::Person
    } else {
        kind_from_words(&name_words)
    };
    Some(Found {
        mention: Mention {
            span: Span::new(span_start, span_end),
            name,
            title,
            kind,
            entity: None,
        },
        name_words,
        role: None,
        gender,
    })
}

/// The name as written between its first and last word, possessive dropped.
fn name_text(text: &str, tokens: &[(usize, &str)], start: usize, end: usize) -> String {
    let from = tokens[start].0;
    let to = tokens[end].0 + strip_possessive(tokens[end].1).len();
    text[from..to]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn join_title(title: Option<String>, word: &str) -> String {
    match title {
        Some(before) => format!("{before} {word}"),
        None => word.to_string(),
    }
}

/// Kind from the words of a name alone.
fn kind_from_words(words: &[String]) -> EntityKind {
    let Some(last) = words.last() else {
        return EntityKind::Other;
    };
    if ORGANIZATION_SET.contains(last) || words.first().is_some_and(|w| w == "The") {
        return EntityKind::Organization;
    }
    if PLACE_SET.contains(last) {
        return EntityKind::Place;
    }
    let acronym =
        words.len() == 1 && last.len() >= 2 && last.chars().all(|c| c.is_ascii_uppercase());
    if acronym {
        return EntityKind::Organization;
    }
    // A plain name of a few words may be a person or not; evidence (a title, a role, a
    // surname used alone, a speech verb) decides later.
    EntityKind::Other
}

/// Context rules: after a place preposition a name is a place; `of X` right after a person
/// and `X's` right before one name the person's organisation; an all-capitals word opening
/// a paragraph before a comma is a dateline place.
fn classify_by_context(text: &str, found: &mut [Found]) {
    for index in 0..found.len() {
        let span = found[index].mention.span;
        let before = text[..span.start()].trim_end_matches([' ', '\u{00A0}']);
        let previous_word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        let kind = found[index].mention.kind;
        let has_person_evidence = found[index].mention.title.is_some();
        if kind != EntityKind::Organization
            && !has_person_evidence
            && PLACE_PREPOSITIONS.contains(&previous_word)
        {
            found[index].mention.kind = EntityKind::Place;
            continue;
        }
        let at_paragraph_start = before.is_empty() || before.ends_with('\n');
        let shouting = found[index]
            .name_words
            .iter()
            .all(|w| w.chars().all(|c| !c.is_lowercase()));
        if at_paragraph_start && shouting && text[span.end()..].starts_with(',') {
            found[index].mention.kind = EntityKind::Place;
            continue;
        }
        if previous_word == "of" && index > 0 && kind != EntityKind::Place {
            let person_before = &found[index - 1];
            let between = text.get(person_before.mention.span.end()..span.start());
            if person_before.mention.kind == EntityKind::Person
                && between.is_some_and(|b| b.trim() == "of")
            {
                found[index].mention.kind = EntityKind::Organization;
            }
        }
        if index + 1 < found.len() && text[span.end()..].starts_with(['\'', '\u{2019}']) {
            let next = &found[index + 1];
            let between = text.get(span.end()..next.mention.span.start());
            if next.mention.kind == EntityKind::Person
                && between.is_some_and(|b| b.trim().len() <= 3)
                && kind == EntityKind::Person
            {
                found[index].mention.kind = EntityKind::Organization;
            }
        }
    }
}

/// `Mara Quist said`, `said Mara Quist`: a name next to a speech verb names a speaker.
fn speaks(text: &str, span: Span) -> bool {
    let after = text[span.end()..].trim_start_matches([' ', '\u{00A0}']);
    let next = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let before = text[..span.start()].trim_end_matches([' ', '\u{00A0}']);
    let previous = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    (!next.is_empty() && is_speech_cue(next) && !next.eq_ignore_ascii_case("according"))
        || (!previous.is_empty()
            && is_speech_cue(previous)
            && previous.chars().all(|c| c.is_lowercase()))
}

/// A role phrase right before a name: `opposition leader Edward Marsh`, `campaign
/// co-chairwoman Fenella Drury`: lower-case words ending in a role noun.
fn role_before(text: &str, span: Span) -> Option<String> {
    let mut before = &text[..span.start()];
    // `Her mother, Bernadette Calloway,`: the role may stand before a comma.
    if let Some(stripped) = before.strip_suffix(", ") {
        let head = stripped
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        if is_role_noun(head) {
            before = stripped;
        }
    }
    // The word right before the name decides; most names have no role noun there.
    let head = before.trim_end().rsplit(char::is_whitespace).next()?;
    if !is_role_noun(head) {
        return None;
    }
    let line_start = after_last(before, &['\n', '.', ',', ';', ':', '(', '"', '\u{201C}']);
    let candidate: Vec<&str> = before[line_start..].split_whitespace().collect();
    let head = candidate.last()?;
    let mut taken = vec![*head];
    for word in candidate.iter().rev().skip(1).take(3) {
        let lower = word.to_lowercase();
        if DETERMINERS.contains(&lower.as_str())
            || !word.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            break;
        }
        taken.push(word);
    }
    taken.reverse();
    Some(taken.join(" ").to_lowercase())
}

/// A role phrase in apposition: `Marcus Whitlow, a long-standing district councillor,`.
fn role_after(text: &str, span: Span) -> Option<String> {
    let after = text[span.end()..].strip_prefix(", ")?;
    let end = after
        .find([',', ';', '.', '\n', '(', ')'])
        .unwrap_or(after.len());
    let phrase = &after[..end];
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    if !matches!(
        first.as_str(),
        "the" | "a" | "an" | "its" | "his" | "her" | "their"
    ) || words.len() < 2
        || words.len() > 9
    {
        return None;
    }
    // The role noun is the last word before `of`/`for`/`at`/`in`, or the last word.
    let head_end = words
        .iter()
        .position(|w| matches!(*w, "of" | "for" | "at" | "in" | "on" | "who" | "whose"))
        .unwrap_or(words.len());
    let head = words[..head_end].last()?;
    if !is_role_noun(head) {
        return None;
    }
    Some(words[1..].join(" "))
}

/// The offset just after the last of `marks` in `text` (0 when there is none).
pub(crate) fn after_last(text: &str, marks: &[char]) -> usize {
    text.char_indices()
        .rev()
        .find(|(_, c)| marks.contains(c))
        .map_or(0, |(at, c)| at + c.len_utf8())
}

fn is_role_noun(word: &str) -> bool {
    let last_part = word.rsplit('-').next().unwrap_or(word);
    ROLE_SET.contains_lowercase(word) || ROLE_SET.contains_lowercase(last_part)
}

fn gender_of_title(title: &str) -> Option<Gender> {
    let first = title.split_whitespace().next_back()?;
    if FEMALE_TITLES.contains(&first) {
        Some(Gender::Female)
    } else if MALE_TITLES.contains(&first) {
        Some(Gender::Male)
    } else {
        None
    }
}

fn gender_of_role(role: &str) -> Option<Gender> {
    let head = role.rsplit([' ', '-']).next()?;
    if FEMALE_ROLES.contains(&head) {
        Some(Gender::Female)
    } else if MALE_ROLES.contains(&head) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// `@name` social handles.
fn handles(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let name_len = text[at + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(text.len() - at - 1);
        if !before_ok || name_len == 0 || name_len > 30 {
            continue;
        }
        let handle = &text[at..at + 1 + name_len];
        found.push(Found {
            mention: Mention {
                span: Span::new(at, at + 1 + name_len),
                name: handle.to_string(),
                title: None,
                kind: EntityKind::Other,
                entity: None,
            },
            name_words: vec![handle.to_string()],
            role: None,
            gender: None,
        });
    }
    found
}

/// True for a sentence written in title case (`Storm Leaves Hundreds Without Power`): four
/// words or more, at least four in five capitalised, and at least two of the capitalised
/// ones are words the article also writes in lower case or function words, which a list of
/// names would not hold.
fn is_title_case(tokens: &[(usize, &str)], span: Span, lower_words: &HashSet<&str>) -> bool {
    let first = tokens.partition_point(|(offset, _)| *offset < span.start());
    let last = tokens.partition_point(|(offset, _)| *offset < span.end());
    let words = tokens[first..last]
        .iter()
        .filter(|(_, word)| word.starts_with(char::is_alphabetic));
    let (mut total, mut capitalised, mut common) = (0usize, 0usize, 0usize);
    for (_, word) in words {
        total += 1;
        if word.starts_with(char::is_uppercase) {
            capitalised += 1;
            if is_common_word(word, lower_words) {
                common += 1;
            }
        }
    }
    total >= 4 && capitalised * 5 >= total * 4 && common >= 2
}

/// The longest runs of words inside a headline mention at `span` that name what the body
/// names, left to right, as mentions of their own.
fn body_names_within(
    text: &str,
    tokens: &[(usize, &str)],
    span: Span,
    body_names: &HashSet<String>,
) -> Vec<Found> {
    let first = tokens.partition_point(|(offset, _)| *offset < span.start());
    let last = tokens.partition_point(|(offset, _)| *offset < span.end());
    let mut out = Vec::new();
    let mut start = first;
    while start < last {
        let found = (start..last).rev().find_map(|end| {
            build_mention(text, tokens, start, end)
                .filter(|found| body_names.contains(&found.mention.name))
                .map(|found| (end, found))
        });
        match found {
            Some((end, found)) => {
                out.push(found);
                start = end + 1;
            }
            None => start += 1,
        }
    }
    out
}

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word != "I"
        && !word.starts_with("I'")
        && !word.starts_with("I\u{2019}")
        && !NOT_NAME_SET.contains(word)
}

fn is_common_word(word: &str, lower_words: &HashSet<&str>) -> bool {
    let folded = fold(word);
    lower_words.contains(folded.as_str()) || COMMON_OPENER_SET.contains(&folded)
}

fn has_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

/// True for personal pronouns that can name a speaker.
pub(crate) fn pronoun_gender(word: &str) -> Option<Option<Gender>> {
    match word {
        "he" | "He" | "him" | "his" | "His" => Some(Some(Gender::Male)),
        "she" | "She" | "her" | "Her" => Some(Some(Gender::Female)),
        "they" | "They" => Some(None),
        _ => None,
    }
}

static ORGANIZATION_SET: WordSet = WordSet::new(|| ORGANIZATION_WORDS.iter().copied().collect());
static PLACE_SET: WordSet = WordSet::new(|| PLACE_WORDS.iter().copied().collect());
static TITLE_SET: WordSet = WordSet::new(|| TITLES.iter().copied().collect());
static TITLE_ABBREVIATION_SET: WordSet =
    WordSet::new(|| TITLE_ABBREVIATIONS.iter().copied().collect());
static NOT_NAME_SET: WordSet = WordSet::new(|| NOT_NAMES.iter().copied().collect());
static ROLE_SET: WordSet = WordSet::new(|| ROLE_NOUNS.iter().copied().collect());
static COMMON_OPENER_SET: WordSet = WordSet::new(|| COMMON_OPENERS.iter().copied().collect());

const NAME_CONNECTORS: &[&str] = &[
    "of", "de", "da", "del", "van", "von", "der", "den", "la", "le", "bin", "al", "du", "y", "&",
];
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Rev", "St", "Gen", "Col", "Capt", "Lt",
    "Sgt", "Jr", "Sr", "Mt", "Ft", "Det", "Insp", "Supt", "Cllr", "Fr", "Hon", "Pres", "Adm",
    "Maj", "Cpl",
];
const TITLES: &[&str] = &[
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Prof",
    "Professor",
    "President",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Gov",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "Rev",
    "Reverend",
    "Father",
    "Cllr",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Chancellor",
    "Minister",
    "Secretary",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Gen",
    "General",
    "Col",
    "Colonel",
    "Capt",
    "Captain",
    "Sgt",
    "Sergeant",
    "Lt",
    "Lieutenant",
    "Officer",
    "Det",
    "Detective",
    "Inspector",
    "Chief",
    "Coach",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "Rabbi",
    "Imam",
    "Sheikh",
    "Premier",
    "Chairman",
    "Chairwoman",
    "Speaker",
    "Commissioner",
    "Superintendent",
    "Constable",
    "Ambassador",
    "Former",
    "Acting",
    "Congressman",
    "Congresswoman",
    "Assemblyman",
    "Assemblywoman",
    "Sheriff",
    "Principal",
    "Dean",
    "Director",
    "Deputy",
    "Emperor",
    "Empress",
];
const TWO_WORD_TITLES: &[&str] = &[
    "Prime Minister",
    "Vice President",
    "Attorney General",
    "Foreign Secretary",
    "Home Secretary",
    "Health Secretary",
    "Chief Executive",
    "Lord Mayor",
    "First Minister",
    "Deputy Prime",
    "Secretary General",
    "Chief Constable",
    "Chief Justice",
    "House Speaker",
    "Majority Leader",
    "Minority Leader",
    "Press Secretary",
];
const FEMALE_TITLES: &[&str] = &[
    "Ms",
    "Mrs",
    "Miss",
    "Dame",
    "Lady",
    "Baroness",
    "Queen",
    "Princess",
    "Chairwoman",
    "Congresswoman",
    "Councilwoman",
    "Assemblywoman",
    "Empress",
];
const MALE_TITLES: &[&str] = &[
    "Mr",
    "Sir",
    "Lord",
    "Baron",
    "King",
    "Prince",
    "Father",
    "Chairman",
    "Congressman",
    "Councilman",
    "Assemblyman",
    "Emperor",
    "Pope",
];
const FEMALE_ROLES: &[&str] = &[
    "chairwoman",
    "spokeswoman",
    "mother",
    "daughter",
    "wife",
    "sister",
    "widow",
    "grandmother",
    "businesswoman",
    "congresswoman",
    "councilwoman",
    "actress",
    "waitress",
    "aunt",
    "niece",
    "girlfriend",
];
// `chairman` and `spokesman` are said of women too, so they tell no gender.
const MALE_ROLES: &[&str] = &[
    "father",
    "son",
    "husband",
    "brother",
    "widower",
    "grandfather",
    "businessman",
    "congressman",
    "councilman",
    "actor",
    "uncle",
    "nephew",
    "boyfriend",
];
const ROLE_NOUNS: &[&str] = &[
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "secretary",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "chief",
    "executive",
    "president",
    "officer",
    "candidate",
    "nurse",
    "teacher",
    "doctor",
    "mp",
    "councillor",
    "councilor",
    "mayor",
    "governor",
    "senator",
    "lawmaker",
    "representative",
    "member",
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "economist",
    "professor",
    "lawyer",
    "attorney",
    "judge",
    "official",
    "manager",
    "founder",
    "owner",
    "editor",
    "reporter",
    "correspondent",
    "commissioner",
    "superintendent",
    "inspector",
    "detective",
    "sergeant",
    "captain",
    "commander",
    "general",
    "ambassador",
    "activist",
    "campaigner",
    "volunteer",
    "organiser",
    "organizer",
    "resident",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "sister",
    "brother",
    "widow",
    "student",
    "player",
    "coach",
    "strategist",
    "pollster",
    "historian",
    "scientist",
    "researcher",
    "engineer",
    "head",
    "boss",
    "backbencher",
    "deputy",
    "speaker",
    "treasurer",
    "chancellor",
    "premier",
    "vicar",
    "priest",
    "bishop",
    "businessman",
    "businesswoman",
    "ceo",
    "co-founder",
    "administrator",
    "principal",
    "dean",
    "diplomat",
    "envoy",
    "negotiator",
    "prosecutor",
    "sheriff",
    "constable",
    "physician",
    "surgeon",
    "pilot",
    "driver",
    "witness",
    "victim",
    "survivor",
    "fan",
    "singer",
    "actor",
    "actress",
    "author",
    "writer",
    "presenter",
    "host",
    "anchor",
    "columnist",
    "critic",
    "consultant",
    "partner",
    "investor",
    "trader",
    "farmer",
    "worker",
    "employee",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "and", "or", "of", "for", "with", "by",
    "to", "in", "on", "at", "as", "said", "says", "told", "when", "while", "that", "who",
];
const ORGANIZATION_WORDS: &[&str] = &[
    "Party",
    "Alliance",
    "Council",
    "Association",
    "Agency",
    "Ministry",
    "Department",
    "Committee",
    "Commission",
    "University",
    "College",
    "School",
    "Academy",
    "Hospital",
    "Bank",
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Group",
    "Union",
    "Federation",
    "Institute",
    "Foundation",
    "Trust",
    "Service",
    "Services",
    "Board",
    "Authority",
    "Police",
    "Court",
    "Parliament",
    "Congress",
    "Senate",
    "Assembly",
    "News",
    "Times",
    "Post",
    "Press",
    "Herald",
    "Gazette",
    "Observer",
    "Radio",
    "Television",
    "TV",
    "Network",
    "Club",
    "FC",
    "Church",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Office",
    "Centre",
    "Center",
    "Museum",
    "Society",
    "League",
    "Movement",
    "Front",
    "Coalition",
    "Organisation",
    "Organization",
    "Industries",
    "Holdings",
    "Airlines",
    "Airways",
    "Motors",
    "Labs",
    "Systems",
    "Technologies",
    "Partners",
    "Fund",
    "Bureau",
    "Administration",
    "Cabinet",
    "Government",
    "Reform",
    "Journal",
    "Tribune",
    "Telegraph",
    "Guardian",
    "Independent",
    "Express",
    "Mirror",
    "Mail",
    "Wire",
    "Sound",
    "Echo",
    "Ledger",
    "Courier",
    "Chronicle",
    "Review",
    "Magazine",
    "Channel",
    "Media",
    "Water",
    "Energy",
    "Electric",
    "Railways",
    "Rail",
    "Council's",
    "Democrats",
    "Republicans",
    "Conservatives",
];
const PLACE_WORDS: &[&str] = &[
    "Street",
    "Road",
    "Lane",
    "Avenue",
    "Square",
    "Bridge",
    "River",
    "Lake",
    "Mountain",
    "Mountains",
    "City",
    "County",
    "Province",
    "State",
    "Island",
    "Islands",
    "Valley",
    "Bay",
    "Coast",
    "Sea",
    "Ocean",
    "Park",
    "Hill",
    "Hills",
    "Way",
    "Drive",
    "Place",
    "Quay",
    "Harbour",
    "Harbor",
    "Airport",
    "Station",
    "Town",
    "Village",
    "District",
    "Region",
    "Peninsula",
    "Beach",
    "Forest",
    "Desert",
    "Canyon",
];
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "across",
    "throughout",
    "around",
    "into",
    "from",
    "to",
    "towards",
    "toward",
    "across",
];
/// Capitalised words that are not names: days, months, pronouns.
const NOT_NAMES: &[&str] = &[
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
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "I",
    "I'm",
    "I've",
    "I'll",
    "I'd",
    "OK",
    "MP",
    "MPs",
    "CEO",
    "MEP",
    "MEPs",
    "MSP",
    "AM",
    "PM",
];
const COMMON_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "you",
    "i",
    "but",
    "and",
    "or",
    "so",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "our",
    "its",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "one",
    "two",
    "three",
    "some",
    "many",
    "most",
    "more",
    "all",
    "both",
    "each",
    "every",
    "no",
    "not",
    "yes",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "now",
    "then",
    "still",
    "yet",
    "also",
    "even",
    "only",
    "just",
    "former",
    "asked",
    "speaking",
    "according",
    "despite",
    "during",
    "under",
    "over",
    "since",
    "until",
    "although",
    "though",
    "because",
    "unlike",
    "like",
    "among",
    "here",
    "my",
    "me",
    "us",
    "him",
    "them",
    "your",
    "let",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "instead",
    "privately",
    "publicly",
    "officials",
    "police",
    "ministers",
    "voters",
    "tonight",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "every",
    "thanks",
    "sorry",
    "well",
    "please",
    "look",
    "listen",
    "maybe",
    "perhaps",
    "sadly",
    "unfortunately",
    "fortunately",
    "clearly",
    "obviously",
    "certainly",
    "indeed",
    "overall",
    "together",
    "again",
    "first",
    "second",
    "finally",
    "ultimately",
    "rather",
    "dear",
    "hello",
    "welcome",
    "thank",
    "good",
    "great",
    "oh",
    "no",
    "yes",
];
