//! What each outlet adds: per source, the figures, quotations and sentences no other
//! source carries, ranked and bounded so a reader takes them in at a glance.
//!
//! Copies count as one source: sources of one copy group (agency copy) are compared with the
//! rest of the story together, so what they share is listed once, under the first member
//! printing it, with evidence in every member carrying it; what one member prints and its copy
//! does not stays that member's. Ranking: passages with a figure only this source gives
//! (a single-source fact) first, then the quotations only it prints and its other sentences
//! found nowhere else, in article order (news tells the most important first); at most
//! [`MAX_ITEMS`] per source.

use corroborate_model::{
    Addition, AdditionItem, BriefFact, BriefQuote, Evidence, SourceId, Span, Story, SummarySentence,
};

use crate::similarity::SentenceIndex;

/// Items listed per source.
pub(crate) const MAX_ITEMS: usize = 5;
/// A sentence this similar to one of another source is not unique to its own.
const FOUND_ELSEWHERE: f32 = 0.3;
/// A sentence of a copy this similar is the same passage (the summary's same-content test).
const SAME_PASSAGE: f32 = 0.5;
/// Shorter sentences are fragments (bylines, credits) rather than contributions.
const MIN_SENTENCE_WORDS: usize = 8;
/// Shorter quotations are scare quotes or titles.
const MIN_QUOTE_WORDS: usize = 5;

/// One candidate item and how it ranks.
struct Candidate {
    /// The article it is listed under: the first one printing it.
    owner: usize,
    /// 0 for a figure, 1 for a quotation or a sentence.
    kind: u8,
    /// Where it is told first: (article, byte offset in the cleaned text).
    position: (usize, usize),
    /// The sentence it is taken from, so one sentence is listed once.
    sentence: Option<usize>,
    item: AdditionItem,
}

pub(crate) fn story_additions(
    story: &Story,
    index: &SentenceIndex,
    summary: &[SummarySentence],
    quotes: &[BriefQuote],
    facts: &[BriefFact],
    independence: &[usize],
) -> Vec<Addition> {
    let n_articles = story.articles.len();
    if n_articles < 2 {
        return Vec::new();
    }
    // The first member of each independence group speaks for the group.
    let owner_of: Vec<usize> = (0..n_articles)
        .map(|article| {
            (0..n_articles)
                .find(|&other| independence[other] == independence[article])
                .unwrap_or(article)
        })
        .collect();
    let mut candidates: Vec<Candidate> = Vec::new();
    fact_candidates(story, index, facts, &owner_of, &mut candidates);
    quote_candidates(story, index, quotes, summary, &owner_of, &mut candidates);
    sentence_candidates(story, index, summary, &owner_of, &mut candidates);
    candidates.sort_by_key(|candidate| (candidate.owner, candidate.kind, candidate.position));
    let mut additions: Vec<Addition> = Vec::new();
    let mut listed_sentences: Vec<usize> = Vec::new();
    for candidate in candidates {
        let source = SourceId::from_index(candidate.owner);
        if let Some(sentence) = candidate.sentence {
            if listed_sentences.contains(&sentence) {
                continue;
            }
            listed_sentences.push(sentence);
        }
        if additions
            .last()
            .is_none_or(|addition| addition.source != source)
        {
            additions.push(Addition {
                source,
                items: Vec::new(),
            });
        }
        let addition = additions.last_mut().expect("pushed above");
        if addition.items.len() < MAX_ITEMS {
            addition.items.push(candidate.item);
        }
    }
    additions
}

/// Passages stating a figure only one source (or one copy group) gives.
fn fact_candidates(
    story: &Story,
    index: &SentenceIndex,
    facts: &[BriefFact],
    owner_of: &[usize],
    candidates: &mut Vec<Candidate>,
) {
    for fact in facts {
        if !fact.comparable || fact.property.starts_with("quoted ") {
            continue;
        }
        let mut owners: Vec<usize> = fact
            .values
            .iter()
            .flat_map(|value| value.sources.iter().map(|source| owner_of[source.index()]))
            .collect();
        owners.sort_unstable();
        owners.dedup();
        let [_] = owners[..] else { continue };
        let mut evidence: Vec<Evidence> = Vec::new();
        let mut first: Option<(usize, usize)> = None;
        for claim in fact.values.iter().flat_map(|value| value.evidence.iter()) {
            if evidence.iter().any(|known| known.source == claim.source) {
                continue;
            }
            let Some(sentence) = sentence_holding(story, index, claim.source.index(), claim.span)
            else {
                continue;
            };
            let info = index.sentences[sentence];
            evidence.push(Evidence {
                source: claim.source,
                span: story.articles[info.article].clean.input_span(info.span),
            });
            if first.is_none_or(|(article, _)| info.article < article) {
                first = Some((info.article, sentence));
            }
        }
        let Some((article, sentence)) = first else {
            continue;
        };
        evidence.sort();
        let info = index.sentences[sentence];
        candidates.push(Candidate {
            owner: article,
            kind: 0,
            position: (article, info.span.start()),
            sentence: Some(sentence),
            item: AdditionItem {
                text: one_line(story.articles[article].text(info.span)),
                evidence,
            },
        });
    }
}

/// Quotations only one source (or one copy group) prints, unless the summary states the
/// sentence holding them.
fn quote_candidates(
    story: &Story,
    index: &SentenceIndex,
    quotes: &[BriefQuote],
    summary: &[SummarySentence],
    owner_of: &[usize],
    candidates: &mut Vec<Candidate>,
) {
    for quote in quotes {
        let mut owners: Vec<usize> = quote
            .sources
            .iter()
            .map(|source| owner_of[source.index()])
            .collect();
        owners.sort_unstable();
        owners.dedup();
        let [_] = owners[..] else { continue };
        if corroborate_model::text::count_words(&quote.text) < MIN_QUOTE_WORDS {
            continue;
        }
        let mut evidence: Vec<Evidence> = Vec::new();
        for variant_evidence in quote
            .variants
            .iter()
            .flat_map(|variant| variant.evidence.iter())
        {
            if !evidence
                .iter()
                .any(|known| known.source == variant_evidence.source)
            {
                evidence.push(*variant_evidence);
            }
        }
        evidence.sort();
        let Some(first) = evidence.first() else {
            continue;
        };
        let article = first.source.index();
        let sentence = sentence_holding(story, index, article, first.span);
        if let Some(sentence) = sentence
            && in_summary(story, index, summary, sentence)
        {
            continue;
        }
        let position = sentence.map_or(0, |sentence| index.sentences[sentence].span.start());
        let text = match &quote.speaker {
            Some(speaker) => format!("{speaker}: \u{201C}{}\u{201D}", quote.text),
            None => format!("\u{201C}{}\u{201D}", quote.text),
        };
        candidates.push(Candidate {
            owner: article,
            kind: 1,
            position: (article, position),
            // The sentence holding the quotation is then not listed again beside it.
            sentence,
            item: AdditionItem { text, evidence },
        });
    }
}

/// Content sentences found in no source outside the sentence's copy group.
fn sentence_candidates(
    story: &Story,
    index: &SentenceIndex,
    summary: &[SummarySentence],
    owner_of: &[usize],
    candidates: &mut Vec<Candidate>,
) {
    let mut buffer = vec![0.0f32; index.sentences.len()];
    for (sentence, info) in index.sentences.iter().enumerate() {
        let article = &story.articles[info.article];
        let text = article.text(info.span);
        let input_span = article.clean.input_span(info.span);
        if info.headline
            || info.words < MIN_SENTENCE_WORDS
            || in_summary(story, index, summary, sentence)
            || text.starts_with(['"', '\u{201C}', '\u{2018}', '\''])
            || article
                .quotes
                .iter()
                .any(|quote| quote.parts.iter().any(|part| part.contains_span(info.span)))
        {
            continue;
        }
        let owner = owner_of[info.article];
        let mut elsewhere = false;
        // The closest sentence of each other member of the copy group.
        let mut copies: Vec<(usize, f32, usize)> = Vec::new();
        for other in index.similarities(sentence, &mut buffer) {
            let similarity = buffer[other as usize];
            buffer[other as usize] = 0.0;
            let other_info = index.sentences[other as usize];
            if other_info.article == info.article {
                continue;
            }
            if owner_of[other_info.article] != owner {
                elsewhere |= similarity >= FOUND_ELSEWHERE;
            } else if similarity >= SAME_PASSAGE {
                match copies.iter_mut().find(|(a, _, _)| *a == other_info.article) {
                    Some(best) if best.1 < similarity => {
                        *best = (other_info.article, similarity, other as usize)
                    }
                    Some(_) => {}
                    None => copies.push((other_info.article, similarity, other as usize)),
                }
            }
        }
        // A passage a copy also prints is listed once, from the first member printing it.
        if elsewhere || copies.iter().any(|(other, _, _)| *other < info.article) {
            continue;
        }
        let mut evidence = vec![Evidence {
            source: SourceId::from_index(info.article),
            span: input_span,
        }];
        for (other, _, other_sentence) in &copies {
            evidence.push(Evidence {
                source: SourceId::from_index(*other),
                span: story.articles[*other]
                    .clean
                    .input_span(index.sentences[*other_sentence].span),
            });
        }
        evidence.sort();
        candidates.push(Candidate {
            owner: info.article,
            kind: 1,
            position: (info.article, info.span.start()),
            sentence: Some(sentence),
            item: AdditionItem {
                text: one_line(text),
                evidence,
            },
        });
    }
}

/// True when the summary cites this very sentence as evidence.
fn in_summary(
    story: &Story,
    index: &SentenceIndex,
    summary: &[SummarySentence],
    sentence: usize,
) -> bool {
    let info = index.sentences[sentence];
    let input_span = story.articles[info.article].clean.input_span(info.span);
    summary.iter().any(|chosen| {
        chosen
            .evidence
            .iter()
            .any(|evidence| evidence.source.index() == info.article && evidence.span == input_span)
    })
}

/// The story sentence of `article` whose input span holds `span`.
fn sentence_holding(
    story: &Story,
    index: &SentenceIndex,
    article: usize,
    span: Span,
) -> Option<usize> {
    let clean = &story.articles[article].clean;
    index
        .sentences
        .iter()
        .position(|info| info.article == article && clean.input_span(info.span).contains_span(span))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
