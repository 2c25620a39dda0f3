//! News feeds (RSS 0.9x–2.0, RSS 1.0/RDF, Atom, JSON Feed, through `feed-rs`): each item
//! becomes an article.
//!
//! The text is the item's full content (`content:encoded`, Atom `content`, JSON Feed
//! `content_html`/`content_text`) when the feed carries it, else its description or summary,
//! which is only a teaser: such items are counted in one warning for the feed and marked in
//! their [`ArticleDetails`]. Each article is named `FILE#item-N` (N counts items from 1) and
//! its offsets point into the item's content as the feed parser gave it (the HTML fragment
//! after XML entities and CDATA are resolved), at paragraph grain.

use corroborate_model::{Article, ArticleId, Diagnostic, PublishedDate};
use feed_rs::model::{Entry, Feed, Person, Text};

use crate::html::fragment_text;
use crate::html_page::paragraph_map;
use crate::{ArticleDetails, IngestError};

/// The items read, each an article and its details, in feed order.
pub(crate) type FeedItems = Vec<(Article, ArticleDetails)>;

/// Reads a whole feed. A feed that cannot be parsed is an error naming the file; items
/// without any text are counted in the warning.
pub(crate) fn read_feed(
    bytes: &[u8],
    shown: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<FeedItems, IngestError> {
    let feed = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .build()
        .parse(bytes)
        .map_err(|error| IngestError::NotAFeed {
            path: shown.to_string(),
            reason: error.to_string().to_lowercase(),
        })?;
    let outlet = feed
        .title
        .as_ref()
        .map(text_of)
        .filter(|title| !title.is_empty());
    let mut items = Vec::new();
    let (mut teasers, mut empty) = (0, 0);
    for (index, entry) in feed.entries.iter().enumerate() {
        let at = format!("{shown}#item-{}", index + 1);
        match item_article(&feed, entry, &at, outlet.as_deref()) {
            Some((article, details)) => {
                teasers += usize::from(details.teaser);
                items.push((article, details));
            }
            None => empty += 1,
        }
    }
    if teasers > 0 || empty > 0 {
        let mut notes = Vec::new();
        if teasers > 0 {
            notes.push(format!(
                "{teasers} only a teaser (the feed holds a description, not the article)"
            ));
        }
        if empty > 0 {
            notes.push(format!("{empty} with no text skipped"));
        }
        diagnostics.push(Diagnostic::warning(
            shown,
            format!(
                "{} of {} items read as articles; {}",
                items.len(),
                feed.entries.len(),
                notes.join(", ")
            ),
        ));
    }
    Ok(items)
}

/// An item as an article: full content first, else the summary marked as a teaser.
fn item_article(
    feed: &Feed,
    entry: &Entry,
    at: &str,
    outlet: Option<&str>,
) -> Option<(Article, ArticleDetails)> {
    let content = entry.content.as_ref().and_then(|content| {
        let body = content.body.as_deref()?;
        let is_html = content.content_type.to_string().contains("html");
        Some((body, is_html))
    });
    let summary = entry
        .summary
        .as_ref()
        .map(|summary| (summary.content.as_str(), is_html(summary)));
    let full = content.filter(|(body, _)| !body.trim().is_empty());
    let (source, source_is_html, teaser) = match (full, summary) {
        (Some((body, html)), _) => (body, html, false),
        (None, Some((body, html))) if !body.trim().is_empty() => (body, html, true),
        _ => return None,
    };
    let text = if source_is_html {
        fragment_text(source)
    } else {
        plain_paragraphs(source)
    };
    if text.is_empty() {
        return None;
    }
    // Markup and squashed white space: each paragraph maps at paragraph grain, as in pages.
    let origin = paragraph_map(&text, source);
    let url = entry
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .map(|link| link.href.clone());
    let id = url.clone().unwrap_or_else(|| at.to_string());
    let published = entry
        .published
        .or(entry.updated)
        .and_then(|time| day(&time));
    // RSS has no modification date; feed-rs copies `pubDate` into `updated` then.
    let modified = entry
        .updated
        .filter(|updated| {
            entry
                .published
                .is_some_and(|published| published != *updated)
        })
        .and_then(|time| day(&time));
    let details = ArticleDetails {
        url,
        language: entry.language.clone().or_else(|| feed.language.clone()),
        modified,
        authors: entry.authors.iter().filter_map(person_name).collect(),
        teaser,
        extra: None,
    };
    let article = Article {
        id: ArticleId::new(id),
        input: at.to_string(),
        title: entry
            .title
            .as_ref()
            .map(text_of)
            .filter(|title| !title.is_empty()),
        outlet: outlet.map(str::to_string),
        published,
        text,
        origin,
    };
    Some((article, details))
}

fn is_html(text: &Text) -> bool {
    text.content_type.to_string().contains("html")
}

/// A title or feed name as plain text (Atom allows HTML there).
fn text_of(text: &Text) -> String {
    if is_html(text) {
        fragment_text(&text.content)
    } else {
        text.content
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Plain text as paragraphs: blank lines separate them, white space inside is squashed.
fn plain_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A person's name; an address alone (`desk@example.com`) names nobody.
fn person_name(person: &Person) -> Option<String> {
    let name = person.name.as_deref()?.trim();
    (!name.is_empty() && !name.contains('@')).then(|| name.to_string())
}

/// The calendar day of a feed timestamp (feed-rs gives them in UTC, `2021-07-02 09:00:00 UTC`).
fn day(time: &impl std::fmt::Display) -> Option<PublishedDate> {
    PublishedDate::parse(time.to_string().get(..10)?)
}
