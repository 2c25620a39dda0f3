//! `/search?q=`: matching articles with their snippets, and how to write a query.

use std::fmt::Write;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use corroborate_render::escape;
use corroborate_store::{SearchQuery, SearchResults};

use super::layout::{count, page, pager};
use crate::error::{Failure, Flavor};
use crate::links;
use crate::params::{self, SearchParams};
use crate::state::AppState;

/// Results on one page.
pub const RESULTS_PER_PAGE: usize = 20;

const SYNTAX_HELP: &str = "<details class=\"help\"{open}><summary>How to search</summary>\n<ul>\n\
<li>Words must all occur (<code>flood barrier</code>); <code>\"quoted words\"</code> are a phrase; <code>-word</code> must not occur.</li>\n\
<li><code>entity:\"Grace Okafor\"</code> (or <code>who:</code>): articles naming that person, organisation or place, by any name an article gives it.</li>\n\
<li><code>outlet:courier</code>: articles of outlets whose name holds that word.</li>\n\
<li><code>after:2024-03-01</code>, <code>before:2024-03</code>: published on or after, on or before a day, month or year.</li>\n\
<li><code>is:disputed</code>: only articles of stories whose sources disagree on a figure.</li>\n\
</ul>\n<p>Filters combine with words: <code>entity:Calloway is:disputed votes</code>.</p>\n</details>\n";

pub async fn search(
    State(state): State<AppState>,
    found: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Html<String>, Failure> {
    let params = params::query(found, Flavor::Page)?;
    let text = params.q.unwrap_or_default();
    let (page_number, offset) = params::page_offset(params.page, RESULTS_PER_PAGE);
    if text.trim().is_empty() {
        return Ok(Html(render(&text, None, page_number)));
    }
    state
        .read(move |store| {
            let results = store.search(&SearchQuery::parse(&text), RESULTS_PER_PAGE, offset)?;
            Ok(render(&text, Some(&results), page_number))
        })
        .await
        .map(Html)
        .map_err(Failure::page)
}

fn render(text: &str, results: Option<&SearchResults>, page_number: usize) -> String {
    let mut body = String::from("<h1>Search</h1>\n");
    body.push_str(&SYNTAX_HELP.replace("{open}", if results.is_none() { " open" } else { "" }));
    let Some(results) = results else {
        return page("Search", text, &body);
    };
    if !results.problems.is_empty() {
        body.push_str("<ul class=\"problems\">\n");
        for problem in &results.problems {
            let _ = writeln!(body, "<li>{}</li>", escape(problem));
        }
        body.push_str("</ul>\n");
    }
    let matches = if results.more {
        format!("More than {} articles match", results.total)
    } else {
        count(results.total, "article matches", "articles match")
    };
    let _ = writeln!(
        body,
        "<p class=\"meta\">{matches} for <strong>{}</strong></p>",
        escape(text)
    );
    if !results.hits.is_empty() {
        body.push_str("<ol class=\"hits\">\n");
        for hit in &results.hits {
            let title = hit.title.as_deref().unwrap_or(&hit.article);
            let _ = write!(
                body,
                "<li class=\"hit\"><a class=\"title\" href=\"{}\">{}</a>",
                escape(&links::article(&hit.article)),
                escape(title)
            );
            body.push_str("<div class=\"meta\">");
            let mut details: Vec<String> = Vec::new();
            if let Some(outlet) = &hit.outlet {
                details.push(escape(outlet));
            }
            details.push(escape(hit.published.as_deref().unwrap_or("date unknown")));
            if let (Some(story), Some(story_title)) = (hit.story, &hit.story_title) {
                details.push(format!(
                    "story <a href=\"{}\">{}</a>",
                    links::story(story),
                    escape(story_title)
                ));
            }
            body.push_str(&details.join(" \u{b7} "));
            if hit.disputed > 0 {
                let _ = write!(
                    body,
                    " <span class=\"badge disputed\">{}</span>",
                    count(hit.disputed, "disputed fact", "disputed facts")
                );
            }
            body.push_str("</div>\n<p class=\"snippet\">");
            for part in &hit.snippet {
                if part.hit {
                    let _ = write!(body, "<mark>{}</mark>", escape(&part.text));
                } else {
                    body.push_str(&escape(&part.text));
                }
            }
            body.push_str("</p></li>\n");
        }
        body.push_str("</ol>\n");
    }
    body.push_str(&pager(page_number, results.total, RESULTS_PER_PAGE, |n| {
        links::search(text, n)
    }));
    page(&format!("Search: {text}"), text, &body)
}
