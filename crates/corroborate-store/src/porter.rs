//! The Porter stemmer exactly as SQLite's FTS5 `porter` tokenizer runs it (a port of
//! `fts5PorterCb` and its steps), so a snippet marks the words the index matched.
//!
//! It works on the bytes of a token already lower-cased by `unicode61`: tokens shorter than
//! 3 or longer than 64 bytes are left as they are, every byte other than `aeiou` (and `y`
//! after a consonant) counts as a consonant. The `porter-stemmer` crate gives other stems for
//! some words (`flying` becomes `fli` there, `fly` in FTS5), so a snippet made with it marked
//! words the index had not matched.

/// The stem FTS5's porter tokenizer gives a lower-cased token.
pub(crate) fn stem(token: &[u8]) -> Vec<u8> {
    if !(3..=64).contains(&token.len()) {
        return token.to_vec();
    }
    let mut word = token.to_vec();
    step_1a(&mut word);
    if step_1b(&mut word) && !step_1b2(&mut word) {
        let n = word.len();
        let c = word[n - 1];
        if !is_vowel(c, false) && c != b'l' && c != b's' && c != b'z' && n >= 2 && c == word[n - 2]
        {
            word.pop();
        } else if m_eq_1(&word) && o_star(&word) {
            word.push(b'e');
        }
    }
    // Step 1c.
    let n = word.len();
    if word[n - 1] == b'y' && has_vowel(&word[..n - 1]) {
        word[n - 1] = b'i';
    }
    step_2(&mut word);
    step_3(&mut word);
    step_4(&mut word);
    // Step 5a.
    let n = word.len();
    if word[n - 1] == b'e' {
        let stem = &word[..n - 1];
        if m_gt_1(stem) || (m_eq_1(stem) && !o_star(stem)) {
            word.pop();
        }
    }
    // Step 5b.
    let n = word.len();
    if n > 1 && word[n - 1] == b'l' && word[n - 2] == b'l' && m_gt_1(&word[..n - 1]) {
        word.pop();
    }
    word
}

fn is_vowel(c: u8, y_is_vowel: bool) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u') || (y_is_vowel && c == b'y')
}

/// Past one vowel-consonant sequence from the start (`[C](VC)`): its end, or 0 if none.
fn gobble_vc(stem: &[u8], previous_consonant: bool) -> usize {
    let mut consonant = previous_consonant;
    let mut i = 0;
    while i < stem.len() {
        consonant = !is_vowel(stem[i], consonant);
        if !consonant {
            break;
        }
        i += 1;
    }
    i += 1;
    while i < stem.len() {
        consonant = !is_vowel(stem[i], consonant);
        if consonant {
            return i + 1;
        }
        i += 1;
    }
    0
}

/// m > 0.
fn m_gt_0(stem: &[u8]) -> bool {
    gobble_vc(stem, false) != 0
}

/// m > 1.
fn m_gt_1(stem: &[u8]) -> bool {
    let n = gobble_vc(stem, false);
    n != 0 && gobble_vc(&stem[n..], true) != 0
}

/// m = 1.
fn m_eq_1(stem: &[u8]) -> bool {
    let n = gobble_vc(stem, false);
    n != 0 && gobble_vc(&stem[n..], true) == 0
}

/// *o: ends consonant-vowel-consonant, the last not w, x or y.
fn o_star(stem: &[u8]) -> bool {
    let Some(&last) = stem.last() else {
        return false;
    };
    if matches!(last, b'w' | b'x' | b'y') {
        return false;
    }
    let mut mask = 0u8;
    let mut consonant = false;
    for &c in stem {
        consonant = !is_vowel(c, consonant);
        mask = ((mask << 1) + u8::from(consonant)) & 0x07;
    }
    mask == 0x05
}

/// *v*: a vowel (`y` counts after the first letter).
fn has_vowel(stem: &[u8]) -> bool {
    stem.iter().enumerate().any(|(i, &c)| is_vowel(c, i > 0))
}

/// m > 1 and the stem ends in s or t.
fn m_gt_1_s_or_t(stem: &[u8]) -> bool {
    matches!(stem.last(), Some(b's' | b't')) && m_gt_1(stem)
}

fn step_1a(word: &mut Vec<u8>) {
    let n = word.len();
    if word[n - 1] != b's' {
        return;
    }
    if word[n - 2] == b'e' {
        if (n > 4 && word[n - 4] == b's' && word[n - 3] == b's') || (n > 3 && word[n - 3] == b'i') {
            word.truncate(n - 2);
        } else {
            word.truncate(n - 1);
        }
    } else if word[n - 2] != b's' {
        word.truncate(n - 1);
    }
}

/// A rule: suffix, replacement, condition on the stem before the suffix.
type Rule = (&'static str, &'static str, fn(&[u8]) -> bool);

/// Applies the first rule whose suffix the word ends with (longer than the suffix, as FTS5
/// asks), if its condition holds; true when a rule's suffix matched and was replaced.
fn apply(word: &mut Vec<u8>, rules: &[Rule]) -> bool {
    let n = word.len();
    for &(suffix, replacement, condition) in rules {
        let suffix = suffix.as_bytes();
        if n > suffix.len() && word.ends_with(suffix) {
            let stem = n - suffix.len();
            if condition(&word[..stem]) {
                word.truncate(stem);
                word.extend_from_slice(replacement.as_bytes());
                return true;
            }
            return false;
        }
    }
    false
}

fn always(_: &[u8]) -> bool {
    true
}

/// `eed` → `ee` (m > 0); `ed`, `ing` removed after a vowel. True when `ed`/`ing` went.
fn step_1b(word: &mut Vec<u8>) -> bool {
    let n = word.len();
    if n > 3 && word.ends_with(b"eed") {
        if m_gt_0(&word[..n - 3]) {
            word.truncate(n - 1);
        }
        false
    } else if n > 2 && word.ends_with(b"ed") {
        if has_vowel(&word[..n - 2]) {
            word.truncate(n - 2);
            return true;
        }
        false
    } else if n > 3 && word.ends_with(b"ing") {
        if has_vowel(&word[..n - 3]) {
            word.truncate(n - 3);
            return true;
        }
        false
    } else {
        false
    }
}

fn step_1b2(word: &mut Vec<u8>) -> bool {
    apply(
        word,
        &[
            ("at", "ate", always),
            ("bl", "ble", always),
            ("iz", "ize", always),
        ],
    )
}

fn step_2(word: &mut Vec<u8>) {
    apply(
        word,
        &[
            ("ational", "ate", m_gt_0),
            ("tional", "tion", m_gt_0),
            ("enci", "ence", m_gt_0),
            ("anci", "ance", m_gt_0),
            ("izer", "ize", m_gt_0),
            ("logi", "log", m_gt_0),
            ("bli", "ble", m_gt_0),
            ("alli", "al", m_gt_0),
            ("entli", "ent", m_gt_0),
            ("eli", "e", m_gt_0),
            ("ousli", "ous", m_gt_0),
            ("ization", "ize", m_gt_0),
            ("ation", "ate", m_gt_0),
            ("ator", "ate", m_gt_0),
            ("alism", "al", m_gt_0),
            ("iveness", "ive", m_gt_0),
            ("fulness", "ful", m_gt_0),
            ("ousness", "ous", m_gt_0),
            ("aliti", "al", m_gt_0),
            ("iviti", "ive", m_gt_0),
            ("biliti", "ble", m_gt_0),
        ],
    );
}

fn step_3(word: &mut Vec<u8>) {
    apply(
        word,
        &[
            ("ical", "ic", m_gt_0),
            ("ness", "", m_gt_0),
            ("icate", "ic", m_gt_0),
            ("iciti", "ic", m_gt_0),
            ("ful", "", m_gt_0),
            ("ative", "", m_gt_0),
            ("alize", "al", m_gt_0),
        ],
    );
}

fn step_4(word: &mut Vec<u8>) {
    apply(
        word,
        &[
            ("al", "", m_gt_1),
            ("ance", "", m_gt_1),
            ("ence", "", m_gt_1),
            ("er", "", m_gt_1),
            ("ic", "", m_gt_1),
            ("able", "", m_gt_1),
            ("ible", "", m_gt_1),
            ("ant", "", m_gt_1),
            ("ement", "", m_gt_1),
            ("ment", "", m_gt_1),
            ("ent", "", m_gt_1),
            ("ion", "", m_gt_1_s_or_t),
            ("ou", "", m_gt_1),
            ("ism", "", m_gt_1),
            ("ate", "", m_gt_1),
            ("iti", "", m_gt_1),
            ("ous", "", m_gt_1),
            ("ive", "", m_gt_1),
            ("ize", "", m_gt_1),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expected: &str) {
        assert_eq!(
            String::from_utf8_lossy(&stem(word.as_bytes())),
            expected,
            "{word}"
        );
    }

    #[test]
    fn porter_examples() {
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("generalization", "gener"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("controlling", "control"),
            ("flying", "fly"),
            ("flies", "fli"),
            ("of", "of"),
        ] {
            check(word, expected);
        }
    }
}
