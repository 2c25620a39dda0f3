//! `/`: the story list, newest first, a page of stories at a time.

use std::fmt::Write;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use corroborate_render::escape;
use corroborate_store::StorySummary;

use super::layout::{count, page, pager, time_span};
use crate::error::{Failure, Flavor};
use crate::links;
use crate::params::{self, PageParams};
use crate::state::AppState;

/// Stories on one page of the list.
pub const STORIES_PER_PAGE: usize = 50;

pub async fn story_list(
    State(state): State<AppState>,
    found: Result<Query<PageParams>, QueryRejection>,
) -> Result<Html<String>, Failure> {
    let params = params::query(found, Flavor::Page)?;
    let (page_number, offset) = params::page_offset(params.page, STORIES_PER_PAGE);
    state
        .read(move |store| {
            let total = store.story_count()?;
            let stories = store.stories(STORIES_PER_PAGE, offset)?;
            Ok(render(&stories, total, page_number))
        })
        .await
        .map(Html)
        .map_err(Failure::page)
}

fn render(stories: &[StorySummary], total: usize, page_number: usize) -> String {
    let mut body = String::from("<h1>Stories</h1>\n");
    let _ = writeln!(
        body,
        "<p class=\"meta\">{}, newest first</p>",
        count(total, "story", "stories")
    );
    if stories.is_empty() {
        body.push_str(
            "<p>No stories on this page. Add articles with <code>corroborate ingest PATH --db FILE</code>.</p>\n",
        );
    } else {
        body.push_str("<ol class=\"stories\">\n");
        for story in stories {
            story_item(&mut body, story);
        }
        body.push_str("</ol>\n");
    }
    body.push_str(&pager(page_number, total, STORIES_PER_PAGE, |n| {
        if n == 1 {
            "/".to_string()
        } else {
            format!("/?page={n}")
        }
    }));
    page("Stories", "", &body)
}

fn story_item(out: &mut String, story: &StorySummary) {
    let _ = write!(
        out,
        "<li class=\"story\"><a class=\"title\" href=\"{}\">{}</a>",
        links::story(story.id),
        escape(&story.title)
    );
    if story.disputed > 0 {
        let _ = write!(
            out,
            " <span class=\"badge disputed\">{}</span>",
            count(story.disputed, "disputed fact", "disputed facts")
        );
    }
    let _ = writeln!(
        out,
        "<div class=\"meta\">{} \u{b7} {}, {} independent \u{b7} {}</div></li>",
        escape(&time_span(
            story.first_published.as_deref(),
            story.last_published.as_deref()
        )),
        count(story.sources, "source", "sources"),
        story.independent_sources,
        count(story.articles.len(), "article", "articles"),
    );
}
