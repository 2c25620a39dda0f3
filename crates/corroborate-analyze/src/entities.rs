//! Resolves an article's mentions to its entities: `Sir Edward Marsh`, `Edward Marsh`,
//! `Sir Edward`, `Mr Marsh` and `Marsh` are one person named by the fullest form.
//!
//! Full names (two or more words) found first make the entities. A shorter mention joins
//! the person whose surname it is (or whose first name, after `Sir`/`Dame`/`Lord`/`Lady`,
//! or alone when exactly one person has it); when several people share the surname, a
//! gendered title narrows them and the most mentioned one (the article's subject) wins.
//! Two different first names with one surname stay two people.

use corroborate_model::{ArticleEntity, EntityKind, Gender};

use crate::mentions::Found;

/// Titles after which a single name is a first name (`Sir Edward`).
const FIRST_NAME_TITLES: &[&str] = &["Sir", "Dame", "Lord", "Lady"];

/// Builds the entities and sets each mention's `entity`.
pub(crate) fn resolve(found: &mut [Found]) -> Vec<ArticleEntity> {
    let mut entities: Vec<Draft> = Vec::new();
    // Pass 1: multi-word names make or join entities.
    for (index, mention) in found.iter().enumerate() {
        if mention.name_words.len() < 2 {
            continue;
        }
        let kind = mention.mention.kind;
        let key = name_key(&mention.name_words);
        let existing = entities.iter().position(|entity| {
            entity.kind_compatible(kind)
                && (entity.key == key || same_person(&entity.words, &mention.name_words))
        });
        let entity = existing.unwrap_or_else(|| {
            entities.push(Draft::new(mention));
            entities.len() - 1
        });
        entities[entity].add(index, mention);
    }
    // Pass 2: single names join a person by surname or first name, else make an entity.
    for (index, mention) in found.iter().enumerate() {
        if mention.name_words.len() >= 2 || mention.name_words.is_empty() {
            continue;
        }
        let word = mention.name_words[0].clone();
        let title = mention.mention.title.clone();
        let gender = mention.gender;
        let by_first_name = title
            .as_deref()
            .is_some_and(|t| FIRST_NAME_TITLES.contains(&t));
        let candidates: Vec<usize> = (0..entities.len())
            .filter(|&e| {
                entities[e].words.len() >= 2
                    && matches!(entities[e].kind, EntityKind::Person | EntityKind::Other)
            })
            .filter(|&e| {
                gender.is_none() || entities[e].gender.is_none() || entities[e].gender == gender
            })
            .filter(|&e| {
                let words = &entities[e].words;
                let surname = words.last().is_some_and(|last| *last == word);
                let first = words.first().is_some_and(|first| *first == word);
                if by_first_name { first } else { surname }
            })
            .collect();
        let chosen = match candidates.len() {
            0 if title.is_none() => first_name_owner(&entities, &word),
            0 => None,
            // A title already used for one of them picks it (`Mrs Calloway` is not the one
            // the article calls `Ms Calloway`); otherwise the most mentioned, then the first.
            _ => candidates.iter().copied().max_by_key(|&e| {
                let titles = &entities[e].titles;
                let same_title = title.as_ref().is_some_and(|t| titles.contains(t));
                let other_title = title
                    .as_ref()
                    .is_some_and(|t| !titles.is_empty() && !titles.contains(t));
                (
                    same_title,
                    !other_title,
                    entities[e].full_mentions,
                    entities[e].mentions.len(),
                    std::cmp::Reverse(e),
                )
            }),
        };
        let entity = chosen.unwrap_or_else(|| {
            let same_single = entities
                .iter()
                .position(|entity| entity.words.len() == 1 && entity.words[0] == word);
            same_single.unwrap_or_else(|| {
                entities.push(Draft::new(mention));
                entities.len() - 1
            })
        });
        entities[entity].add(index, mention);
    }
    // In order of first mention, as `AnalyzedArticle::entities` promises.
    entities.sort_by_key(|entity| entity.mentions.iter().min().copied().unwrap_or(usize::MAX));
    for (entity_index, entity) in entities.iter().enumerate() {
        for &mention in &entity.mentions {
            found[mention].mention.entity = Some(entity_index);
            if entity.kind == EntityKind::Person {
                found[mention].mention.kind = EntityKind::Person;
            }
        }
    }
    entities
        .into_iter()
        .map(|draft| draft.finish(found))
        .collect()
}

/// A first name alone joins a person only when exactly one person carries it.
fn first_name_owner(entities: &[Draft], word: &str) -> Option<usize> {
    let owners: Vec<usize> = (0..entities.len())
        .filter(|&e| {
            entities[e].kind == EntityKind::Person
                && entities[e].words.len() >= 2
                && entities[e].words[0] == word
        })
        .collect();
    (owners.len() == 1).then(|| owners[0])
}

/// `J. R. Brandt` and `John Brandt`, or `Edward Marsh` and `Edward Marsh Jr`: one person
/// when surnames agree and first names agree or one is the other's initial.
fn same_person(a: &[String], b: &[String]) -> bool {
    let (Some(a_last), Some(b_last)) = (a.last(), b.last()) else {
        return false;
    };
    if a_last != b_last || a.len() < 2 || b.len() < 2 {
        return false;
    }
    let (a_first, b_first) = (&a[0], &b[0]);
    a_first == b_first
        || (a_first.chars().count() == 1 && b_first.starts_with(a_first.as_str()))
        || (b_first.chars().count() == 1 && a_first.starts_with(b_first.as_str()))
}

fn name_key(words: &[String]) -> String {
    words.join(" ").to_lowercase()
}

/// An entity being built.
struct Draft {
    key: String,
    words: Vec<String>,
    kind: EntityKind,
    gender: Option<Gender>,
    mentions: Vec<usize>,
    full_mentions: usize,
    /// Titles the article has used for this entity (`Ms`, `Sir`).
    titles: Vec<String>,
}

impl Draft {
    fn new(found: &Found) -> Draft {
        Draft {
            key: name_key(&found.name_words),
            words: found.name_words.clone(),
            kind: found.mention.kind,
            gender: None,
            mentions: Vec::new(),
            full_mentions: 0,
            titles: Vec::new(),
        }
    }

    fn kind_compatible(&self, kind: EntityKind) -> bool {
        self.kind == kind || self.kind == EntityKind::Other || kind == EntityKind::Other
    }

    fn add(&mut self, index: usize, found: &Found) {
        self.mentions.push(index);
        if found.name_words.len() >= 2 {
            self.full_mentions += 1;
        }
        if found.name_words.len() > self.words.len() {
            self.words = found.name_words.clone();
            self.key = name_key(&found.name_words);
        }
        if self.kind == EntityKind::Other
            || (found.mention.title.is_some() && found.mention.kind == EntityKind::Person)
        {
            self.kind = found.mention.kind;
        }
        // A name of several words later called by its last word alone is a person's.
        let surname_alone = found.name_words.len() == 1
            && self.words.len() >= 2
            && self.words.last() == found.name_words.last();
        if self.kind == EntityKind::Other && (surname_alone || found.role.is_some()) {
            self.kind = EntityKind::Person;
        }
        if let Some(title) = &found.mention.title
            && !self.titles.contains(title)
        {
            self.titles.push(title.clone());
        }
        self.gender = self.gender.or(found.gender);
    }

    fn finish(self, found: &[Found]) -> ArticleEntity {
        let mut mentions = self.mentions;
        mentions.sort_unstable();
        // The fullest written form: most words, then the first seen.
        let name = mentions
            .iter()
            .map(|&m| &found[m])
            .max_by_key(|f| {
                (
                    f.name_words.len(),
                    std::cmp::Reverse(f.mention.span.start()),
                )
            })
            .map(|f| f.mention.name.clone())
            .unwrap_or_default();
        let mut aliases: Vec<String> = Vec::new();
        let mut roles: Vec<String> = Vec::new();
        for &m in &mentions {
            let mention = &found[m].mention;
            let written = match &mention.title {
                Some(title) => format!("{title} {}", mention.name),
                None => mention.name.clone(),
            };
            if written != name && !aliases.contains(&written) {
                aliases.push(written);
            }
            if let Some(role) = &found[m].role
                && !roles.contains(role)
            {
                roles.push(role.clone());
            }
        }
        ArticleEntity {
            name,
            kind: self.kind,
            gender: self.gender,
            aliases,
            roles,
            mentions,
        }
    }
}
