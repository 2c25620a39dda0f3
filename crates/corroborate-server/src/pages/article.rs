//! `/articles/{id}`: an article's text with its quotes, claims and entity mentions marked,
//! removed page furniture folded with its reason, and a cited passage highlighted.

use std::fmt::Write;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use corroborate_render::escape;
use corroborate_store::{ArticleRecord, Mark, MarkKind, RemovedPassage};

use super::layout::page;
use crate::error::{Failure, Flavor, ServerError};
use crate::links;
use crate::params::{self, ArticleParams};
use crate::state::AppState;

/// `/articles/{*id}`.
pub async fn article(
    State(state): State<AppState>,
    found: Result<Path<String>, PathRejection>,
    query: Result<Query<ArticleParams>, QueryRejection>,
) -> Result<Html<String>, Failure> {
    let id = params::path(found, Flavor::Page, |id| ServerError::ArticleNotFound {
        id,
    })?;
    let params = params::query(query, Flavor::Page)?;
    show(state, id, params).await
}

/// `/articles?id=ID`, for ids a path cannot carry (`.` and `..`).
pub async fn article_by_query(
    State(state): State<AppState>,
    query: Result<Query<ArticleParams>, QueryRejection>,
) -> Result<Html<String>, Failure> {
    let params = params::query(query, Flavor::Page)?;
    let id = params.id.clone().ok_or_else(|| {
        Failure::page(ServerError::BadParameter {
            name: "id",
            reason: "missing".into(),
        })
    })?;
    show(state, id, params).await
}

async fn show(state: AppState, id: String, params: ArticleParams) -> Result<Html<String>, Failure> {
    state
        .read(move |store| {
            let record = store
                .article(&id)?
                .ok_or_else(|| ServerError::ArticleNotFound { id: id.clone() })?;
            let story_title = match record.article.story {
                Some(story) => store.story(story)?.map(|found| found.summary.title),
                None => None,
            };
            Ok(render(&record, story_title.as_deref(), &params))
        })
        .await
        .map(Html)
        .map_err(Failure::page)
}

fn render(record: &ArticleRecord, story_title: Option<&str>, params: &ArticleParams) -> String {
    let article = &record.article;
    let title = article.title.as_deref().unwrap_or(&article.id);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<article class=\"source\">\n<h1>{}</h1>",
        escape(title)
    );
    body.push_str("<p class=\"meta\">");
    if let Some(outlet) = &article.outlet {
        let _ = write!(body, "{} \u{b7} ", escape(outlet));
    }
    match article.published {
        Some(date) => {
            let _ = write!(body, "published {date}");
        }
        None => body.push_str("date unknown"),
    }
    let _ = write!(body, " \u{b7} <code>{}</code>", escape(&article.id));
    let _ = writeln!(
        body,
        " \u{b7} <a href=\"{}\">JSON</a></p>",
        escape(&links::api_article(&article.id))
    );
    if let (Some(story), Some(story_title)) = (article.story, story_title) {
        let _ = writeln!(
            body,
            "<p>In the story <a href=\"{}\">{}</a></p>",
            links::story(story),
            escape(story_title)
        );
    }
    let passage = match (params.from, params.to) {
        (Some(from), Some(to)) => {
            let found = record.text_span_of_input(from, to);
            if found.is_some() {
                body.push_str("<p class=\"notice\">The cited passage is highlighted. <a href=\"#passage\">Go to it</a></p>\n");
            } else {
                body.push_str("<p class=\"notice\">The cited passage is not in the text shown (it may have been removed as page furniture).</p>\n");
            }
            found
        }
        _ => None,
    };
    body.push_str(
        "<p class=\"legend meta\">Marked: <span class=\"mark quote\">quotes</span> \
         <span class=\"mark claim\">figures</span> <span class=\"mark mention\">names</span>; \
         folded passages were removed as page furniture.</p>\n",
    );
    body.push_str("<div class=\"article-text\">");
    body.push_str(&marked_text(
        &article.text,
        &record.view.marks,
        &record.view.removed,
        passage,
    ));
    body.push_str("</div>\n</article>\n");
    page(title, "", &body)
}

/// The text as HTML: every byte escaped, marks as spans with their label as title, the
/// passage as `<mark>` (the first piece carrying `id="passage"`), removed passages folded
/// in `<details>`. Offsets out of range or inside a character are moved back to a
/// character boundary, so a damaged view cannot make the page fail.
pub fn marked_text(
    text: &str,
    marks: &[Mark],
    removed: &[RemovedPassage],
    passage: Option<(usize, usize)>,
) -> String {
    let clamp = |offset: usize| floor_boundary(text, offset);
    let marks: Vec<(usize, usize, &Mark)> = {
        let mut found: Vec<_> = marks
            .iter()
            .map(|mark| (clamp(mark.start), clamp(mark.end), mark))
            .filter(|(start, end, _)| start < end)
            .collect();
        // Longer marks outside shorter ones where they overlap.
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        found
    };
    let folds = merged_folds(removed, clamp);
    let passage = passage
        .map(|(start, end)| (clamp(start), clamp(end)))
        .filter(|(start, end)| start < end);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (start, end, _) in &marks {
        cuts.extend([*start, *end]);
    }
    for (start, end, _) in &folds {
        cuts.extend([*start, *end]);
    }
    if let Some((start, end)) = passage {
        cuts.extend([start, end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut open_fold: Option<usize> = None;
    let mut passage_anchored = false;
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        let fold = folds.iter().position(|(a, b, _)| *a <= start && end <= *b);
        if open_fold.is_some() && open_fold != fold {
            out.push_str("</details>");
            open_fold = None;
        }
        if let Some(index) = fold
            && open_fold.is_none()
        {
            let (fold_start, fold_end, reason) = &folds[index];
            let holds_passage = passage.is_some_and(|(a, b)| a < *fold_end && *fold_start < b);
            let _ = write!(
                out,
                "<details class=\"removed\"{}><summary>removed: {}</summary>",
                if holds_passage { " open" } else { "" },
                escape(reason)
            );
            open_fold = Some(index);
        }
        let in_passage = passage.is_some_and(|(a, b)| a <= start && end <= b);
        if in_passage {
            if passage_anchored {
                out.push_str("<mark class=\"passage\">");
            } else {
                out.push_str("<mark class=\"passage\" id=\"passage\">");
                passage_anchored = true;
            }
        }
        let covering: Vec<&Mark> = marks
            .iter()
            .filter(|(a, b, _)| *a <= start && end <= *b)
            .map(|(_, _, mark)| *mark)
            .collect();
        for mark in &covering {
            let kind = match mark.kind {
                MarkKind::Quote => "quote",
                MarkKind::Claim => "claim",
                MarkKind::Mention => "mention",
            };
            let _ = write!(
                out,
                "<span class=\"mark {kind}\" title=\"{}\">",
                escape(&mark.label)
            );
        }
        out.push_str(&escape(&text[start..end]));
        for _ in &covering {
            out.push_str("</span>");
        }
        if in_passage {
            out.push_str("</mark>");
        }
    }
    if open_fold.is_some() {
        out.push_str("</details>");
    }
    out
}

/// Removed passages in order, overlapping ones merged (their reasons joined).
fn merged_folds(
    removed: &[RemovedPassage],
    clamp: impl Fn(usize) -> usize,
) -> Vec<(usize, usize, String)> {
    let mut spans: Vec<(usize, usize, String)> = removed
        .iter()
        .map(|passage| {
            (
                clamp(passage.start),
                clamp(passage.end),
                passage.reason.clone(),
            )
        })
        .filter(|(start, end, _)| start < end)
        .collect();
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut merged: Vec<(usize, usize, String)> = Vec::new();
    for (start, end, reason) in spans {
        match merged.last_mut() {
            Some(last) if start < last.1 => {
                last.1 = last.1.max(end);
                if !last.2.split("; ").any(|known| known == reason) {
                    last.2.push_str("; ");
                    last.2.push_str(&reason);
                }
            }
            _ => merged.push((start, end, reason)),
        }
    }
    merged
}

/// The largest character boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(kind: MarkKind, start: usize, end: usize, label: &str) -> Mark {
        Mark {
            kind,
            start,
            end,
            label: label.to_string(),
        }
    }

    #[test]
    fn marks_nest_and_the_passage_is_anchored_once() {
        let text = "Ann Lee said \"we won 12 seats\" today.";
        let marks = [
            mark(MarkKind::Mention, 0, 7, "Ann Lee (person)"),
            mark(MarkKind::Quote, 13, 30, "Ann Lee"),
            mark(MarkKind::Claim, 21, 29, "seats: 12"),
        ];
        let html = marked_text(text, &marks, &[], Some((4, 25)));
        assert_eq!(html.matches("id=\"passage\"").count(), 1, "{html}");
        assert!(
            html.contains(
                "<span class=\"mark claim\" title=\"seats: 12\">12 s</span></span></mark>"
            ),
            "{html}"
        );
        assert!(
            html.starts_with("<span class=\"mark mention\" title=\"Ann Lee (person)\">Ann </span>"),
            "{html}"
        );
    }

    #[test]
    fn removed_passages_are_folded_with_their_reason() {
        let text = "Body one.\nClick to play\nBody two.";
        let removed = [RemovedPassage {
            start: 10,
            end: 24,
            reason: "video player".into(),
        }];
        let html = marked_text(text, &[], &removed, None);
        assert_eq!(
            html,
            "Body one.\n<details class=\"removed\"><summary>removed: video player</summary>Click to play\n</details>Body two."
        );
    }

    #[test]
    fn markup_in_text_and_labels_is_escaped() {
        let text = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        let marks = [mark(MarkKind::Mention, 0, 8, "\"><script>")];
        let html = marked_text(text, &marks, &[], None);
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{html}"
        );
    }

    #[test]
    fn offsets_inside_characters_or_past_the_end_do_not_fail() {
        let text = "Zoë won.";
        let marks = [
            mark(MarkKind::Mention, 0, 3, "Zoë"),
            mark(MarkKind::Claim, 5, 99, "x"),
        ];
        let html = marked_text(text, &marks, &[], Some((3, 1000)));
        assert!(html.contains("Zo"), "{html}");
        assert!(html.contains("won."), "{html}");
    }
}
