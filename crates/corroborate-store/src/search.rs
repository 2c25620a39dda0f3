//! Search: words and phrases (stemmed, through SQLite FTS5), entities by any name an article
//! gives them, outlets, publication dates, and stories with disputed facts.
//!
//! Query syntax: words and `"quoted phrases"` must all occur (`-word` must not);
//! `entity:NAME` (or `who:`), `outlet:NAME`, `after:DATE` and `before:DATE` (`YYYY`,
//! `YYYY-MM` or `YYYY-MM-DD`, inclusive), and `is:disputed` filter. A value with spaces is
//! quoted: `entity:"Grace Okafor"`.

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use crate::read::as_usize;
use crate::snippet::SnippetTerms;
use crate::write::date_bounds;
use crate::{Store, StoreError};

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchQuery {
    /// Words and phrases that must occur, as written.
    pub terms: Vec<String>,
    /// Words and phrases that must not occur.
    pub excluded: Vec<String>,
    pub entities: Vec<String>,
    pub outlets: Vec<String>,
    /// Earliest publication day (inclusive).
    pub after: Option<String>,
    /// Latest publication day (inclusive).
    pub before: Option<String>,
    /// Only articles of stories with disputed facts.
    pub disputed: bool,
    /// What could not be understood, for the user to see.
    pub problems: Vec<String>,
}

/// Results, best first.
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    /// Matching articles in all, counted up to [`RANKED_MATCHES`]: when more match, `total`
    /// is [`RANKED_MATCHES`] and `more` is true.
    pub total: usize,
    /// True when more than `total` articles match.
    pub more: bool,
    /// How the hits are ordered: `relevance` (bm25), or `newest` (no words to rank by, or
    /// more than [`RANKED_MATCHES`] matches, where ranking every match costs too much).
    pub order: &'static str,
    pub hits: Vec<SearchHit>,
    pub problems: Vec<String>,
}

/// Above this many matches, results come newest first instead of by relevance: ranking
/// costs about 7 µs a match in FTS5 (see `scripts/search-compare`), so a word found in tens
/// of thousands of articles would take tens of milliseconds a query.
pub const RANKED_MATCHES: usize = 2_000;

/// One matching article.
#[derive(Clone, Debug, Serialize)]
pub struct SearchHit {
    pub article: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub story: Option<i64>,
    pub story_title: Option<String>,
    /// Disputed facts in the article's story.
    pub disputed: usize,
    /// A passage of the text around the matched words.
    pub snippet: Vec<SnippetPart>,
}

/// A piece of a snippet; `hit` pieces are the matched words.
#[derive(Clone, Debug, Serialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

impl SnippetPart {
    /// A snippet as plain text, its matched words in square brackets.
    pub fn bracketed(parts: &[SnippetPart]) -> String {
        parts
            .iter()
            .map(|part| {
                if part.hit {
                    format!("[{}]", part.text)
                } else {
                    part.text.clone()
                }
            })
            .collect()
    }
}

/// Characters of a hit's text shown when the query has no words to mark.
const OPENING_CHARS: usize = 240;

impl SearchQuery {
    /// Reads a query; never fails (what it cannot read goes to `problems`).
    pub fn parse(text: &str) -> SearchQuery {
        let mut query = SearchQuery::default();
        for (token, quoted) in tokens(text) {
            if quoted {
                query.terms.push(token);
                continue;
            }
            if let Some((key, value)) = token.split_once(':')
                && !value.is_empty()
            {
                match key.to_lowercase().as_str() {
                    "entity" | "who" => {
                        query.entities.push(value.to_string());
                        continue;
                    }
                    "outlet" | "source" => {
                        query.outlets.push(value.to_string());
                        continue;
                    }
                    "after" | "since" | "from" => {
                        match date_bounds(corroborate_model::PublishedDate::parse(value)) {
                            (Some(first), _) => query.after = Some(first),
                            _ => query
                                .problems
                                .push(format!("{token}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")),
                        }
                        continue;
                    }
                    "before" | "until" | "to" => {
                        match date_bounds(corroborate_model::PublishedDate::parse(value)) {
                            (_, Some(last)) => query.before = Some(last),
                            _ => query
                                .problems
                                .push(format!("{token}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")),
                        }
                        continue;
                    }
                    "is" if value.eq_ignore_ascii_case("disputed") => {
                        query.disputed = true;
                        continue;
                    }
                    _ => {}
                }
            }
            if let Some(excluded) = token.strip_prefix('-')
                && !excluded.is_empty()
            {
                query.excluded.push(excluded.to_string());
            } else {
                query.terms.push(token);
            }
        }
        query
    }

    /// True when the query asks for nothing.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.entities.is_empty()
            && self.outlets.is_empty()
            && self.after.is_none()
            && self.before.is_none()
            && !self.disputed
    }

    /// The FTS5 match expression: every term as a quoted string (so no word of the user's
    /// is read as FTS5 syntax), joined by AND, excluded terms after NOT.
    fn match_expression(&self) -> Option<String> {
        let quote = |term: &str| format!("\"{}\"", term.replace('"', "\"\""));
        let positive: Vec<String> = self
            .terms
            .iter()
            .filter(|term| has_word(term))
            .map(|term| quote(term))
            .collect();
        if positive.is_empty() {
            return None;
        }
        let mut expression = positive.join(" AND ");
        for term in self.excluded.iter().filter(|term| has_word(term)) {
            expression.push_str(" NOT ");
            expression.push_str(&quote(term));
        }
        Some(expression)
    }
}

impl Store {
    /// Runs a query: matching articles, best match first (newest first without words).
    pub fn search(
        &self,
        query: &SearchQuery,
        limit: usize,
        offset: usize,
    ) -> Result<SearchResults, StoreError> {
        let mut problems = query.problems.clone();
        if query.terms.is_empty() && !query.excluded.is_empty() {
            problems.push("a search needs a word or filter besides the excluded words".into());
        }
        if query.is_empty() {
            if problems.is_empty() {
                problems.push("nothing to search for".into());
            }
            return Ok(SearchResults {
                total: 0,
                more: false,
                order: "relevance",
                hits: Vec::new(),
                problems,
            });
        }
        let matching = query.match_expression();
        // Only the tables a filter needs are joined, and snippets are made for the page of
        // results alone: a common word matches tens of thousands of articles.
        let needs_articles = matching.is_none()
            || !query.outlets.is_empty()
            || query.after.is_some()
            || query.before.is_some();
        let (mut from, key) = match (&matching, needs_articles) {
            (Some(_), false) => ("articles_fts".to_string(), "articles_fts.rowid"),
            (Some(_), true) => (
                "articles_fts JOIN articles a ON a.seq = articles_fts.rowid".to_string(),
                "a.seq",
            ),
            (None, _) => ("articles a".to_string(), "a.seq"),
        };
        let mut conditions: Vec<String> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if let Some(expression) = &matching {
            conditions.push("articles_fts MATCH ?".into());
            values.push(Value::Text(expression.clone()));
        }
        for entity in &query.entities {
            conditions.push(format!(
                "{key} IN (SELECT article FROM article_entities WHERE folded = ?)"
            ));
            values.push(Value::Text(fold_name(entity)));
        }
        for outlet in &query.outlets {
            conditions.push("instr(lower(coalesce(a.outlet, a.input)), ?) > 0".into());
            values.push(Value::Text(outlet.to_lowercase()));
        }
        if let Some(after) = &query.after {
            conditions.push("a.published_last >= ?".into());
            values.push(Value::Text(after.clone()));
        }
        if let Some(before) = &query.before {
            conditions.push("a.published_first <= ?".into());
            values.push(Value::Text(before.clone()));
        }
        if query.disputed {
            conditions.push(format!(
                "{key} IN (SELECT seq FROM articles WHERE story IN (SELECT id FROM stories WHERE disputed > 0))"
            ));
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        // Counting stops past RANKED_MATCHES: that is all the ranking decision needs, and a
        // common word would otherwise cost a walk over tens of thousands of matches.
        let counted: i64 = self
            .connection
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM {from}{filter} LIMIT {})",
                RANKED_MATCHES + 1
            ))
            .map_err(|source| self.sql(source))?
            .query_row(params_from_iter(values.iter()), |row| row.get(0))
            .map_err(|source| self.sql(source))?;
        let more = as_usize(counted) > RANKED_MATCHES;
        let total = as_usize(counted).min(RANKED_MATCHES);
        let ranked = matching.is_some() && !more;
        let order = if ranked {
            "rank, articles_fts.rowid".to_string()
        } else if matching.is_some() {
            format!("{key} DESC")
        } else {
            "a.published_first IS NULL, a.published_first DESC, a.seq DESC".to_string()
        };
        if matching.is_some() && more {
            problems.push(format!(
                "more than {RANKED_MATCHES} matches: newest first; add words or filters to rank by relevance"
            ));
        }
        from.push(' ');
        // LIMIT and OFFSET are written into the statement: a bound LIMIT over the text
        // index is handed to FTS5 when planning, so SQLite prepares the statement again at
        // each run with new bindings (the MATCH parameter still does the same).
        let page: Vec<i64> = {
            let mut statement = self
                .connection
                .prepare_cached(&format!(
                    "SELECT {key} FROM {from}{filter} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
                ))
                .map_err(|source| self.sql(source))?;
            let rows = statement
                .query_map(params_from_iter(values.iter()), |row| row.get(0))
                .map_err(|source| self.sql(source))?;
            rows.collect::<Result<_, _>>()
                .map_err(|source| self.sql(source))?
        };
        // A hit's row is read by its key alone: asking FTS5 again (`MATCH ? AND rowid = ?`)
        // walks the whole match list once per hit, and FTS5's snippet() tokenizes the whole
        // text; the snippet is made from the text here (`snippet.rs`).
        let snippet_terms = matching.as_ref().map(|_| {
            SnippetTerms::new(
                query
                    .terms
                    .iter()
                    .filter(|term| has_word(term))
                    .map(String::as_str),
            )
        });
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT a.id, a.title, a.outlet, a.published, a.story, s.title,
                        coalesce(s.disputed, 0), a.text
                 FROM articles a LEFT JOIN stories s ON s.id = a.story AND s.revision > 0
                 WHERE a.seq = ?1",
            )
            .map_err(|source| self.sql(source))?;
        let mut hits = Vec::with_capacity(page.len());
        for seq in page {
            let hit = statement
                .query_row([seq], |row| {
                    let text: String = row.get(7)?;
                    let snippet = match &snippet_terms {
                        Some(terms) => terms.snippet(&text),
                        None => opening(&text),
                    };
                    Ok(SearchHit {
                        article: row.get(0)?,
                        title: row.get(1)?,
                        outlet: row.get(2)?,
                        published: row.get(3)?,
                        story: row.get(4)?,
                        story_title: row.get(5)?,
                        disputed: as_usize(row.get(6)?),
                        snippet,
                    })
                })
                .map_err(|source| self.sql(source))?;
            hits.push(hit);
        }
        Ok(SearchResults {
            total,
            more,
            order: if ranked { "relevance" } else { "newest" },
            hits,
            problems,
        })
    }
}

/// A name as entity search compares it: folded, lower case, spaces collapsed.
pub(crate) fn fold_name(name: &str) -> String {
    corroborate_model::text::fold(name)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn has_word(term: &str) -> bool {
    term.chars().any(char::is_alphanumeric)
}

/// Splits a query into tokens; a quoted stretch is one token (`key:"a b"` keeps its key).
fn tokens(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '“' | '”' => {
                // A quote opens a phrase (alone, or as the value after `key:`).
                let mut phrase = String::new();
                for inner in chars.by_ref() {
                    if matches!(inner, '"' | '“' | '”') {
                        break;
                    }
                    phrase.push(inner);
                }
                if current.ends_with(':') {
                    current.push_str(phrase.trim());
                } else {
                    if !current.is_empty() {
                        out.push((std::mem::take(&mut current), false));
                    }
                    if !phrase.trim().is_empty() {
                        out.push((phrase.trim().to_string(), true));
                    }
                }
            }
            c if c.is_whitespace() => {
                if !current.is_empty() {
                    out.push((std::mem::take(&mut current), false));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push((current, false));
    }
    out
}

/// The opening of a text (240 characters), the snippet of a hit found without words.
fn opening(text: &str) -> Vec<SnippetPart> {
    let end = text
        .char_indices()
        .nth(OPENING_CHARS)
        .map_or(text.len(), |(at, _)| at);
    vec![SnippetPart {
        text: text[..end].to_string(),
        hit: false,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_and_phrases_are_read() {
        let query = SearchQuery::parse(
            r#"flood "water main" entity:"Grace Okafor" outlet:courier after:2021-07 before:2021 is:disputed -rumour"#,
        );
        assert_eq!(query.terms, vec!["flood", "water main"]);
        assert_eq!(query.excluded, vec!["rumour"]);
        assert_eq!(query.entities, vec!["Grace Okafor"]);
        assert_eq!(query.outlets, vec!["courier"]);
        assert_eq!(query.after.as_deref(), Some("2021-07-01"));
        assert_eq!(query.before.as_deref(), Some("2021-12-31"));
        assert!(query.disputed);
        assert!(query.problems.is_empty());
    }

    #[test]
    fn fts_syntax_in_user_words_is_quoted() {
        let query = SearchQuery::parse(r#"NEAR(a b) OR col:x* "#);
        let expression = query.match_expression().expect("words");
        assert_eq!(expression, r#""NEAR(a" AND "b)" AND "OR" AND "col:x*""#);
    }

    #[test]
    fn a_word_in_very_many_articles_comes_newest_first_and_says_so() {
        use crate::{NewArticle, content_hash};
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("news.db")).expect("store");
        let writer = store.writer().expect("writer");
        for number in 0..=RANKED_MATCHES {
            let text = format!("Harbour notice number {number}: the ferry runs late today.");
            writer
                .insert_article(&NewArticle {
                    id: format!("n{number}"),
                    input: format!("n{number}.txt"),
                    title: None,
                    outlet: None,
                    published: None,
                    origin: corroborate_model::OffsetMap::identity(text.len()),
                    hash: content_hash(&text),
                    text,
                })
                .expect("insert");
        }
        writer.commit().expect("commit");
        let broad = store
            .search(&SearchQuery::parse("ferry"), 5, 0)
            .expect("search");
        assert_eq!(broad.total, RANKED_MATCHES);
        assert!(broad.more);
        assert_eq!(broad.order, "newest");
        assert_eq!(broad.hits[0].article, format!("n{RANKED_MATCHES}"));
        assert!(broad.problems[0].contains("newest first"));
        let narrow = store
            .search(&SearchQuery::parse(r#"ferry "number 7:""#), 5, 0)
            .expect("search");
        assert_eq!(narrow.order, "relevance");
        assert_eq!(narrow.hits[0].article, "n7");
        assert!(narrow.hits[0].snippet.iter().any(|part| part.hit));
    }

    #[test]
    fn a_bad_date_is_a_problem_not_a_filter() {
        let query = SearchQuery::parse("after:yesterday budget");
        assert_eq!(query.after, None);
        assert_eq!(query.problems.len(), 1);
        assert_eq!(query.terms, vec!["budget"]);
    }
}
