//! Copies: articles with the same words (exact duplicates) and reprints with small edits
//! (near duplicates), found with MinHash signatures and banded locality-sensitive hashing.
//!
//! A text is read as the set of its word 5-shingles (folded words, so quote styles and case
//! do not matter). Its signature keeps, for each of 128 fixed hash functions, the smallest
//! hash of any shingle; the share of equal slots in two signatures estimates the Jaccard
//! similarity of the shingle sets. Every hash is a fixed function of the text (FNV-1a over
//! the folded word, splitmix64 to mix, multiply-shift for the 128 functions with constants
//! derived from one seed at compile time), so signatures can be stored and compared across
//! runs and machines.
//!
//! Candidate pairs are those whose signatures agree on every slot of at least one band;
//! each candidate pair is verified by its estimated Jaccard similarity, and the copy groups
//! are the connected components of the verified pairs, so the result does not depend on
//! the order of the texts.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// The number of hash functions in a signature.
pub const SIGNATURE_LEN: usize = 128;

/// How copies are found.
#[derive(Clone, Debug)]
pub struct NearDupConfig {
    /// Words per shingle.
    pub shingle_words: usize,
    /// LSH bands; must divide [`SIGNATURE_LEN`]. More bands find pairs of lower similarity.
    pub bands: usize,
    /// Estimated Jaccard similarity of the shingle sets at or above which two texts are
    /// copies.
    pub threshold: f32,
}

impl Default for NearDupConfig {
    fn default() -> NearDupConfig {
        // 32 bands of 4 rows make a pair with similarity 0.5 a candidate with probability
        // 0.87, one with 0.6 with probability 0.99, one with 0.2 with probability 0.05.
        NearDupConfig {
            shingle_words: 5,
            bands: 32,
            threshold: 0.5,
        }
    }
}

/// A MinHash signature: for each hash function, the least hash of the text's shingles.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Signature {
    values: [u32; SIGNATURE_LEN],
}

impl Signature {
    /// The signature of a text's word shingles. A text shorter than one shingle is one
    /// shingle of all its words; a text without words has the all-`u32::MAX` signature.
    pub fn of_text(text: &str, shingle_words: usize) -> Signature {
        signature_of_words(&word_hashes(text), shingle_words)
    }

    /// A signature from stored values (see [`Signature::values`]).
    pub fn from_values(values: [u32; SIGNATURE_LEN]) -> Signature {
        Signature { values }
    }

    /// The stored form of the signature.
    pub fn values(&self) -> &[u32; SIGNATURE_LEN] {
        &self.values
    }

    /// The estimated Jaccard similarity of the two shingle sets: the share of equal slots.
    pub fn similarity(&self, other: &Signature) -> f32 {
        let equal = self
            .values
            .iter()
            .zip(&other.values)
            .filter(|(a, b)| a == b)
            .count();
        equal as f32 / SIGNATURE_LEN as f32
    }
}

/// The copies in a collection, as groups of indices into it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Copies {
    /// Texts with the same words (after folding), each group ascending, groups ordered by
    /// their first index.
    pub exact: Vec<Vec<usize>>,
    /// Texts that are copies of each other, exact or near (connected components of the
    /// verified pairs); each group ascending, groups ordered by their first index.
    pub groups: Vec<Vec<usize>>,
}

/// Finds exact and near duplicates among texts. Texts without words are never copies.
pub fn find_copies(texts: &[&str], config: &NearDupConfig) -> Copies {
    // Each text's print depends on that text alone, so prints are made in parallel
    // (collected in input order, so nothing depends on the thread count).
    let prints: Vec<Option<TextPrint>> = texts
        .par_iter()
        .map(|text| TextPrint::of(text, config))
        .collect();
    copies_of(&prints, config)
}

/// What copy detection keeps of a text: two independent hashes of its folded words (equal
/// for texts with the same words) and its MinHash signature.
#[derive(Clone, Debug)]
pub(crate) struct TextPrint {
    words: u64,
    check: u64,
    signature: Signature,
}

impl TextPrint {
    /// The print of a text; `None` for a text without words.
    pub(crate) fn of(text: &str, config: &NearDupConfig) -> Option<TextPrint> {
        let hashes = word_hashes(text);
        if hashes.is_empty() {
            return None;
        }
        let words = hashes.iter().fold(0x5EED, |hash, word| mix(hash ^ word));
        let check = hashes.iter().fold(hashes.len() as u64, |hash, word| {
            mix(hash.rotate_left(23) ^ word.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        });
        let signature = signature_of_words(&hashes, config.shingle_words.max(1));
        Some(TextPrint {
            words,
            check,
            signature,
        })
    }
}

/// Finds exact and near duplicates from the texts' prints. Two texts are exact duplicates
/// when both hashes of their folded words agree (a 128-bit key: a false match is out of
/// reach of any collection).
pub(crate) fn copies_of(prints: &[Option<TextPrint>], config: &NearDupConfig) -> Copies {
    assert!(
        config.bands > 0 && SIGNATURE_LEN.is_multiple_of(config.bands),
        "the number of bands must divide {SIGNATURE_LEN}"
    );
    let mut components = UnionFind::new(prints.len());
    let mut exact_components = UnionFind::new(prints.len());

    // Exact duplicates: the first text with the same words stands for the group in LSH.
    let mut first_with: HashMap<(u64, u64), usize> = HashMap::default();
    let mut in_lsh: Vec<bool> = vec![false; prints.len()];
    for (index, print) in prints.iter().enumerate() {
        let Some(print) = print else { continue };
        match first_with.entry((print.words, print.check)) {
            std::collections::hash_map::Entry::Occupied(first) => {
                exact_components.union(*first.get(), index);
                components.union(*first.get(), index);
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index);
                in_lsh[index] = true;
            }
        }
    }
    drop(first_with);

    // Near duplicates: LSH candidates verified by their estimated similarity. One band at
    // a time: each text meets the members that came before it in its bucket (the most
    // recent ones when the bucket is huge), so the result is the same as reading every band
    // of a text together, and only one band's buckets are held at once.
    let rows = SIGNATURE_LEN / config.bands;
    for band in 0..config.bands {
        let mut keyed: Vec<(u64, u32)> = prints
            .iter()
            .enumerate()
            .filter(|(index, _)| in_lsh[*index])
            .filter_map(|(index, print)| {
                let print = print.as_ref()?;
                let slots = &print.signature.values[band * rows..(band + 1) * rows];
                let key = slots
                    .iter()
                    .fold(band as u64, |hash, value| mix(hash ^ u64::from(*value)));
                Some((
                    key,
                    u32::try_from(index).expect("fewer than 4 billion texts"),
                ))
            })
            .collect();
        keyed.sort_unstable();
        let mut bucket_start = 0;
        for at in 0..keyed.len() {
            if keyed[at].0 != keyed[bucket_start].0 {
                bucket_start = at;
            }
            let index = keyed[at].1 as usize;
            let signature = &prints[index]
                .as_ref()
                .expect("keyed texts have one")
                .signature;
            // A huge bucket is a text repeated many times or a degenerate text; the most
            // recent members stand for it, which bounds the work per text.
            let from = bucket_start.max(at.saturating_sub(MAX_BUCKET_SCAN));
            for &(_, other) in keyed[from..at].iter().rev() {
                let other = other as usize;
                if components.find(other) == components.find(index) {
                    continue;
                }
                let other_signature = &prints[other]
                    .as_ref()
                    .expect("keyed texts have one")
                    .signature;
                if signature.similarity(other_signature) >= config.threshold {
                    components.union(other, index);
                }
            }
        }
    }

    Copies {
        exact: exact_components.groups(),
        groups: components.groups(),
    }
}

/// Members of one LSH bucket compared with a new text, at most.
const MAX_BUCKET_SCAN: usize = 200;

/// The hash of each folded word of a text, in order.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut folded = String::new();
    corroborate_model::text::words(text)
        .map(|(_, word)| {
            folded.clear();
            for c in word.chars() {
                corroborate_model::text::push_folded(c, &mut folded);
            }
            fnv1a(folded.as_bytes())
        })
        .collect()
}

fn signature_of_words(hashes: &[u64], shingle_words: usize) -> Signature {
    let mut values = [u32::MAX; SIGNATURE_LEN];
    if hashes.is_empty() {
        return Signature { values };
    }
    let width = shingle_words.min(hashes.len());
    for window in hashes.windows(width) {
        let shingle = window
            .iter()
            .fold(0x5EED_5EED, |hash, word| mix(hash ^ word));
        for ((value, a), b) in values.iter_mut().zip(&MULTIPLIERS).zip(&INCREMENTS) {
            // Multiply-shift: the high 32 bits of a*x + b with an odd a.
            let hashed = (a.wrapping_mul(shingle).wrapping_add(*b) >> 32) as u32;
            *value = (*value).min(hashed);
        }
    }
    Signature { values }
}

/// The seed every signature derives from. Changing it changes every stored signature.
const SEED: u64 = 0x636F_7272_6F62_6F72;

const MULTIPLIERS: [u64; SIGNATURE_LEN] = constants(SEED, true);
const INCREMENTS: [u64; SIGNATURE_LEN] = constants(SEED ^ 0xA5A5_A5A5_A5A5_A5A5, false);

const fn constants(seed: u64, odd: bool) -> [u64; SIGNATURE_LEN] {
    let mut out = [0; SIGNATURE_LEN];
    let mut state = seed;
    let mut index = 0;
    while index < SIGNATURE_LEN {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let value = mix(state);
        out[index] = if odd { value | 1 } else { value };
        index += 1;
    }
    out
}

/// The splitmix64 finaliser: a fixed bijection of 64-bit values with good avalanche.
const fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xCBF2_9CE4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01B3)
    })
}

/// Disjoint sets of indices with path halving and union by lower index, so every set's
/// root is its smallest member.
struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(len: usize) -> UnionFind {
        UnionFind {
            parent: (0..u32::try_from(len).expect("fewer than 4 billion texts")).collect(),
        }
    }

    fn find(&mut self, mut index: usize) -> usize {
        while self.parent[index] as usize != index {
            let grandparent = self.parent[self.parent[index] as usize];
            self.parent[index] = grandparent;
            index = grandparent as usize;
        }
        index
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        let (low, high) = if a < b { (a, b) } else { (b, a) };
        self.parent[high] = low as u32;
    }

    /// The sets of two or more members, each ascending, ordered by their smallest member.
    fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); self.parent.len()];
        for index in 0..self.parent.len() {
            let root = self.find(index);
            members[root].push(index);
        }
        members.retain(|group| group.len() > 1);
        members
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const AGENCY: &str = "Rescue teams searched through the night for survivors after a \
        magnitude 6.1 earthquake struck the mountain town of Ardley on Tuesday, collapsing \
        dozens of homes and cutting the only road into the valley. The regional governor said \
        at least 41 people had died and more than 200 were injured, many of them children who \
        were in school when the tremor hit shortly before noon. Army helicopters carried tents, \
        water and medical teams to a football field on the edge of the town, where the injured \
        were being treated in the open air. Aftershocks continued through the evening and \
        officials warned residents not to return to damaged buildings.";

    const OTHER: &str = "The central bank left its main interest rate unchanged on Thursday, \
        saying inflation had eased for a third month but remained above its target. The \
        governor told reporters that wage growth was still too strong for the committee to \
        consider a cut before the spring, and that the housing market had cooled faster than \
        expected. Markets had priced in a small chance of a reduction; the currency rose half a \
        percent after the announcement, while bond yields edged higher across the curve.";

    /// The agency story as a paper reprints it: a new opening, a few words changed, the
    /// last sentence cut.
    fn reprint() -> String {
        let edited = AGENCY
            .replace("Rescue teams", "Emergency crews")
            .replace("at least 41", "at least 43")
            .replace(
                " Aftershocks continued through the evening and officials warned residents not to \
                 return to damaged buildings.",
                "",
            );
        format!("ARDLEY (Agency) - {edited} More to follow.")
    }

    fn copies(texts: &[&str]) -> Copies {
        find_copies(texts, &NearDupConfig::default())
    }

    #[test]
    fn an_edited_reprint_is_a_near_duplicate() {
        let reprint = reprint();
        let found = copies(&[AGENCY, OTHER, &reprint]);
        assert_eq!(found.groups, [vec![0, 2]]);
        assert!(found.exact.is_empty());
        let similarity = Signature::of_text(AGENCY, 5).similarity(&Signature::of_text(&reprint, 5));
        assert!(similarity > 0.5 && similarity < 1.0, "{similarity}");
    }

    #[test]
    fn the_same_words_are_an_exact_duplicate_whatever_the_case_and_quotes() {
        let shouted = AGENCY.to_uppercase().replace(',', "");
        let found = copies(&[OTHER, AGENCY, &shouted, AGENCY]);
        assert_eq!(found.exact, [vec![1, 2, 3]]);
        assert_eq!(found.groups, [vec![1, 2, 3]]);
    }

    #[test]
    fn unrelated_texts_are_not_copies() {
        let found = copies(&[AGENCY, OTHER]);
        assert_eq!(found, Copies::default());
        let similarity = Signature::of_text(AGENCY, 5).similarity(&Signature::of_text(OTHER, 5));
        assert!(similarity < 0.05, "{similarity}");
    }

    #[test]
    fn two_reports_of_one_event_in_their_own_words_are_not_copies() {
        let own_words = "A strong earthquake hit Ardley on Tuesday. Officials said 41 people \
            died and more than 200 were hurt; helicopters flew tents and water to the town, and \
            residents were told to keep away from damaged buildings as aftershocks went on.";
        assert_eq!(copies(&[AGENCY, own_words]), Copies::default());
    }

    #[test]
    fn texts_without_words_are_never_copies() {
        assert_eq!(copies(&["", " -- ", ""]), Copies::default());
    }

    #[test]
    fn a_chain_of_reprints_is_one_group() {
        let first = reprint();
        let second = first.replace("football field", "sports ground");
        let found = copies(&[&second, OTHER, AGENCY, &first]);
        assert_eq!(found.groups, [vec![0, 2, 3]]);
    }

    #[test]
    fn signatures_are_fixed_functions_of_the_text() {
        // Stored signatures stay valid only if these values never change.
        let signature = Signature::of_text("one two three four five six", 5);
        let again = Signature::from_values(*signature.values());
        assert_eq!(signature, again);
        assert_eq!(
            &signature.values()[..4],
            &Signature::of_text("ONE two three, four five six!", 5).values()[..4]
        );
        let short = Signature::of_text("two words", 5);
        assert!(short.values().iter().all(|value| *value < u32::MAX));
    }

    proptest! {
        #[test]
        fn similarity_is_symmetric_and_bounded(
            a in "[a-e ]{0,80}",
            b in "[a-e ]{0,80}",
        ) {
            let (sa, sb) = (Signature::of_text(&a, 2), Signature::of_text(&b, 2));
            let ab = sa.similarity(&sb);
            prop_assert_eq!(ab, sb.similarity(&sa));
            prop_assert!((0.0..=1.0).contains(&ab));
            prop_assert_eq!(sa.similarity(&sa), 1.0);
        }

        #[test]
        fn copy_groups_do_not_depend_on_order(
            texts in proptest::collection::vec("(ab|cd|ef|gh)( (ab|cd|ef|gh)){0,12}", 1..12),
            rotation in 0usize..12,
        ) {
            let config = NearDupConfig { shingle_words: 2, ..NearDupConfig::default() };
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let rotation = rotation % refs.len();
            let mut rotated = refs.clone();
            rotated.rotate_left(rotation);
            let original = find_copies(&refs, &config);
            let moved = find_copies(&rotated, &config);
            // Map rotated indices back to the original ones.
            let back = |index: usize| (index + rotation) % refs.len();
            let mut remapped: Vec<Vec<usize>> = moved
                .groups
                .iter()
                .map(|group| {
                    let mut group: Vec<usize> = group.iter().map(|&index| back(index)).collect();
                    group.sort_unstable();
                    group
                })
                .collect();
            remapped.sort();
            prop_assert_eq!(remapped, original.groups);
        }
    }
}
