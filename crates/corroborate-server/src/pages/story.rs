//! `/stories/{id}`: a story's brief with every section, each citation a link to the cited
//! passage in the article page.

use std::collections::BTreeMap;
use std::fmt::Write;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::Html;
use corroborate_render::{JsonEvidence, JsonFact, JsonQuote, JsonSource, escape};
use corroborate_store::{StoreError, StorySummary};

use super::layout::{count, page, time_span};
use crate::brief_view::{self, BriefView};
use crate::error::{Failure, Flavor, ServerError};
use crate::links;
use crate::params;
use crate::state::AppState;

pub async fn story(
    State(state): State<AppState>,
    found: Result<Path<String>, PathRejection>,
) -> Result<Html<String>, Failure> {
    let id = params::path(found, Flavor::Page, |id| ServerError::StoryNotFound { id })?;
    state
        .read(move |store| {
            let (summary, view, articles) = load(store, &id)?;
            Ok(render(&summary, &view, articles))
        })
        .await
        .map(Html)
        .map_err(Failure::page)
}

/// A story's summary, readable brief, and the article each brief source is.
fn load(
    store: &corroborate_store::Store,
    id: &str,
) -> Result<(StorySummary, BriefView, BTreeMap<String, String>), ServerError> {
    let not_found = || ServerError::StoryNotFound { id: id.to_string() };
    let number: i64 = id.parse().map_err(|_| not_found())?;
    let record = store.story(number)?.ok_or_else(not_found)?;
    let view = BriefView::parse(&record.brief_json).ok_or_else(|| {
        ServerError::Store(StoreError::Damaged {
            path: store.path().to_path_buf(),
            what: format!("brief of story {number}"),
        })
    })?;
    let articles = source_articles(store, &view.brief.sources, &record.summary.articles)?;
    Ok((record.summary, view, articles))
}

/// The article each brief source (`S1`, ...) is. Ingest briefs a story's articles in their
/// stored order, so source `i` is article `i` when the counts agree; otherwise each source
/// is matched to the article read from the same input (which costs reading the articles).
fn source_articles(
    store: &corroborate_store::Store,
    sources: &[JsonSource],
    articles: &[String],
) -> Result<BTreeMap<String, String>, ServerError> {
    if sources.len() == articles.len() {
        return Ok(sources
            .iter()
            .zip(articles)
            .map(|(source, article)| (source.id.clone(), article.clone()))
            .collect());
    }
    let mut inputs: Vec<(String, String)> = Vec::new();
    for article in articles {
        if let Some(record) = store.article(article)? {
            inputs.push((record.article.input, article.clone()));
        }
    }
    Ok(sources
        .iter()
        .filter_map(|source| {
            let (_, article) = inputs.iter().find(|(input, _)| *input == source.input)?;
            Some((source.id.clone(), article.clone()))
        })
        .collect())
}

/// What the renderers of the sections share.
struct Context<'a> {
    articles: BTreeMap<String, String>,
    sources: BTreeMap<&'a str, &'a JsonSource>,
}

impl Context<'_> {
    /// A source's outlet, else its input, for link titles.
    fn source_name(&self, source: &str) -> String {
        match self.sources.get(source) {
            Some(found) => found
                .outlet
                .clone()
                .or_else(|| found.title.clone())
                .unwrap_or_else(|| found.input.clone()),
            None => source.to_string(),
        }
    }

    /// Citation links, one per evidence span, each opening the passage.
    fn cite_evidence(&self, evidence: &[JsonEvidence]) -> String {
        let mut out = String::from("<span class=\"cites\">");
        for span in evidence {
            let name = escape(&self.source_name(&span.source));
            match self.articles.get(&span.source) {
                Some(article) => {
                    let _ = write!(
                        out,
                        " <a class=\"cite\" href=\"{}\" title=\"The passage in {name}\">{}</a>",
                        escape(&links::article_passage(article, span.start, span.end)),
                        escape(&span.source)
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        " <span class=\"cite\" title=\"{name}\">{}</span>",
                        escape(&span.source)
                    );
                }
            }
        }
        out.push_str("</span>");
        out
    }

    /// Citation links to the source list, for statements without spans.
    fn cite_sources(&self, sources: &[String]) -> String {
        let mut out = String::from("<span class=\"cites\">");
        for source in sources {
            let _ = write!(
                out,
                " <a class=\"cite\" href=\"#source-{0}\" title=\"{1}\">{0}</a>",
                escape(source),
                escape(&self.source_name(source))
            );
        }
        out.push_str("</span>");
        out
    }
}

fn render(summary: &StorySummary, view: &BriefView, articles: BTreeMap<String, String>) -> String {
    let brief = &view.brief;
    let context = Context {
        articles,
        sources: brief.sources.iter().map(|s| (s.id.as_str(), s)).collect(),
    };
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<article class=\"brief\">\n<h1>{}</h1>",
        escape(&brief.title)
    );
    let _ = write!(
        body,
        "<p class=\"meta\">{} \u{b7} {}, {} independent",
        escape(&time_span(
            summary.first_published.as_deref(),
            summary.last_published.as_deref()
        )),
        count(summary.sources, "source", "sources"),
        summary.independent_sources
    );
    if summary.disputed > 0 {
        let _ = write!(
            body,
            " \u{b7} <a class=\"badge disputed\" href=\"#facts\">{}</a>",
            count(summary.disputed, "disputed fact", "disputed facts")
        );
    }
    let _ = writeln!(
        body,
        " \u{b7} <a href=\"/api/stories/{}\">JSON</a></p>",
        summary.id
    );
    contents(&mut body, view);
    summary_section(&mut body, view, &context);
    facts_section(&mut body, &brief.facts, &context);
    quotes_section(&mut body, &brief.quotes, &context);
    entities_section(&mut body, view);
    timeline_section(&mut body, view, &context);
    additions_section(&mut body, view, &context);
    sources_section(&mut body, view, &context);
    removed_section(&mut body, view);
    body.push_str("</article>\n");
    page(&brief.title, "", &body)
}

/// The list of sections present, for jumping on a phone.
fn contents(out: &mut String, view: &BriefView) {
    let brief = &view.brief;
    let sections = [
        ("summary", "Summary", !brief.summary.is_empty()),
        ("facts", "Facts", !brief.facts.is_empty()),
        ("quotes", "Who said what", !brief.quotes.is_empty()),
        (
            "entities",
            "Who is in the story",
            !brief.entities.is_empty(),
        ),
        ("timeline", "Timeline", !view.timeline.is_empty()),
        (
            "additions",
            "What each outlet adds",
            !view.additions.is_empty(),
        ),
        ("sources", "Sources", true),
        ("removed", "Removed", !brief.removed.is_empty()),
    ];
    out.push_str("<nav class=\"contents\" aria-label=\"Sections\"><ul>");
    for (anchor, name, present) in sections {
        if present {
            let _ = write!(out, "<li><a href=\"#{anchor}\">{name}</a></li>");
        }
    }
    out.push_str("</ul></nav>\n");
}

fn summary_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    if view.brief.summary.is_empty() {
        return;
    }
    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<ol class=\"summary\">\n");
    for sentence in &view.brief.summary {
        let _ = writeln!(
            out,
            "<li>{}{}</li>",
            escape(&sentence.text),
            context.cite_evidence(&sentence.evidence)
        );
    }
    out.push_str("</ol>\n</section>\n");
}

/// Disputed facts first with the checks that decide them, then agreed ones; figures only
/// one source gives are folded away.
fn facts_section(out: &mut String, facts: &[JsonFact], context: &Context<'_>) {
    if facts.is_empty() {
        return;
    }
    out.push_str("<section id=\"facts\">\n<h2>Facts</h2>\n");
    let mut explained: Vec<&str> = Vec::new();
    let disputed: Vec<&JsonFact> = facts.iter().filter(|f| f.status == "disputed").collect();
    let agreed: Vec<&JsonFact> = facts.iter().filter(|f| f.status == "agreed").collect();
    let others: Vec<&JsonFact> = facts
        .iter()
        .filter(|f| f.status != "disputed" && f.status != "agreed")
        .collect();
    for fact in disputed.iter().chain(&agreed) {
        fact_item(out, fact, context, &mut explained);
    }
    if disputed.is_empty() && agreed.is_empty() {
        out.push_str("<p>No figure is given by more than one source.</p>\n");
    }
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "<details class=\"single\"><summary>{} given by one source only</summary>",
            count(others.len(), "figure", "figures")
        );
        for fact in &others {
            fact_item(out, fact, context, &mut explained);
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

fn fact_item<'a>(
    out: &mut String,
    fact: &'a JsonFact,
    context: &Context<'_>,
    explained: &mut Vec<&'a str>,
) {
    let mut label = match &fact.subject {
        Some(subject) => format!("{subject}: {}", fact.property),
        None => fact.property.clone(),
    };
    if let Some(scope) = &fact.scope {
        let _ = write!(label, " ({scope})");
    }
    let class = if fact.status == "disputed" {
        "fact disputed"
    } else {
        "fact"
    };
    let _ = write!(
        out,
        "<div class=\"{class}\" id=\"fact-{}\">\n<h3>{}",
        escape(&fact.id),
        escape(&label)
    );
    if fact.status == "disputed" {
        out.push_str(" <span class=\"badge disputed\">disputed</span>");
    }
    out.push_str("</h3>\n<ul class=\"values\">\n");
    for value in &fact.values {
        let mut note = format!(
            "{}, {} independent",
            count(value.sources.len(), "source", "sources"),
            value.independent_sources
        );
        if value.qualifier != "exact" {
            let _ = write!(note, ", {}", value.qualifier);
        }
        let class = match value.consistent {
            Some(true) => {
                note.push_str("; fits the checks");
                " class=\"fits\""
            }
            Some(false) => {
                note.push_str("; contradicted by the checks");
                " class=\"contradicted\""
            }
            None => "",
        };
        let _ = writeln!(
            out,
            "<li{class}><strong class=\"value\">{}</strong> <span class=\"meta\">{}</span>{}</li>",
            escape(&value.display),
            escape(&note),
            context.cite_evidence(&value.evidence)
        );
    }
    out.push_str("</ul>\n");
    if !fact.checks.is_empty() {
        out.push_str("<ul class=\"checks\">\n");
        for check in &fact.checks {
            let verdict = if check.holds { "holds" } else { "fails" };
            let explanation = if explained.contains(&check.explanation.as_str()) {
                "as explained above"
            } else {
                explained.push(&check.explanation);
                &check.explanation
            };
            let _ = writeln!(
                out,
                "<li class=\"check {verdict}\">Check <code>{}</code> {verdict}: {}</li>",
                escape(&check.rule),
                escape(explanation)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
}

/// Quotes grouped by speaker (in order of first appearance, unidentified speakers last),
/// each with its wording variants.
fn quotes_section(out: &mut String, quotes: &[JsonQuote], context: &Context<'_>) {
    if quotes.is_empty() {
        return;
    }
    let mut groups: Vec<(Option<&str>, Vec<&JsonQuote>)> = Vec::new();
    for quote in quotes {
        let speaker = quote.speaker.as_deref();
        match groups.iter_mut().find(|(name, _)| *name == speaker) {
            Some((_, members)) => members.push(quote),
            None => groups.push((speaker, vec![quote])),
        }
    }
    groups.sort_by_key(|(speaker, _)| speaker.is_none());
    out.push_str("<section id=\"quotes\">\n<h2>Who said what</h2>\n");
    for (speaker, members) in groups {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<ul class=\"quotes\">",
            escape(speaker.unwrap_or("Speaker not identified"))
        );
        for quote in members {
            let _ = write!(
                out,
                "<li id=\"quote-{}\"><q>{}</q> <span class=\"meta\">{}</span>",
                escape(&quote.id),
                escape(&quote.text),
                count(quote.sources.len(), "source", "sources"),
            );
            match quote.variants.as_slice() {
                [only] => out.push_str(&context.cite_evidence(&only.evidence)),
                [] => out.push_str(&context.cite_sources(&quote.sources)),
                variants => {
                    out.push_str("<ul class=\"variants\">");
                    for variant in variants {
                        let _ = write!(
                            out,
                            "<li>wording: <q>{}</q>{}</li>",
                            escape(&variant.text),
                            context.cite_evidence(&variant.evidence)
                        );
                    }
                    out.push_str("</ul>");
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// Entities named more than once or by several sources, each a search link; the rest folded.
fn entities_section(out: &mut String, view: &BriefView) {
    let entities = &view.brief.entities;
    if entities.is_empty() {
        return;
    }
    let (main, minor): (Vec<_>, Vec<_>) = entities
        .iter()
        .partition(|entity| entity.mentions >= 2 || entity.sources.len() >= 2);
    out.push_str("<section id=\"entities\">\n<h2>Who is in the story</h2>\n");
    let item = |out: &mut String, entity: &corroborate_render::JsonEntity| {
        let _ = write!(
            out,
            "<li><a href=\"{}\" title=\"Articles naming {1}\">{1}</a> <span class=\"meta\">{2}, {3}, {4}</span>",
            escape(&links::entity_search(&entity.name)),
            escape(&entity.name),
            escape(&entity.kind),
            count(entity.mentions, "mention", "mentions"),
            count(entity.sources.len(), "source", "sources"),
        );
        if !entity.roles.is_empty() {
            let _ = write!(out, ": {}", escape(&entity.roles.join("; ")));
        }
        if !entity.aliases.is_empty() {
            let _ = write!(out, "; also {}", escape(&entity.aliases.join(", ")));
        }
        out.push_str("</li>\n");
    };
    out.push_str("<ul class=\"entities\">\n");
    for entity in &main {
        item(out, entity);
    }
    out.push_str("</ul>\n");
    if !minor.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} mentioned once</summary>\n<ul class=\"entities\">",
            count(minor.len(), "more name", "more names")
        );
        for entity in &minor {
            item(out, entity);
        }
        out.push_str("</ul>\n</details>\n");
    }
    out.push_str("</section>\n");
}

fn timeline_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    if view.timeline.is_empty() {
        return;
    }
    out.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n<ol class=\"timeline\">\n");
    for entry in &view.timeline {
        let cites = if entry.evidence.is_empty() {
            context.cite_sources(&entry.sources)
        } else {
            context.cite_evidence(&as_json_evidence(&entry.evidence))
        };
        let _ = writeln!(
            out,
            "<li><span class=\"when\">{}</span> {}{cites}</li>",
            escape(&brief_view::date_text(entry)),
            escape(&entry.text)
        );
    }
    out.push_str("</ol>\n</section>\n");
}

fn additions_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    if view.additions.is_empty() {
        return;
    }
    out.push_str(
        "<section id=\"additions\">\n<h2>What each outlet adds</h2>\n<dl class=\"additions\">\n",
    );
    for addition in &view.additions {
        let _ = writeln!(
            out,
            "<dt><a href=\"#source-{0}\">{0}</a> {1}</dt>\n<dd><ul>",
            escape(&addition.source),
            escape(&context.source_name(&addition.source))
        );
        for item in &addition.items {
            let _ = writeln!(
                out,
                "<li>{}{}</li>",
                escape(&item.text),
                context.cite_evidence(&as_json_evidence(&item.evidence))
            );
        }
        out.push_str("</ul></dd>\n");
    }
    out.push_str("</dl>\n</section>\n");
}

/// The sources, each linking to its article, then the copy groups counted once.
fn sources_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    let brief = &view.brief;
    out.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n");
    for source in &brief.sources {
        let name = context.source_name(&source.id);
        let _ = write!(
            out,
            "<li id=\"source-{0}\"><strong>{0}</strong> ",
            escape(&source.id)
        );
        match context.articles.get(&source.id) {
            Some(article) => {
                let _ = write!(
                    out,
                    "<a href=\"{}\">{}</a>",
                    escape(&links::article(article)),
                    escape(&name)
                );
            }
            None => out.push_str(&escape(&name)),
        }
        if let Some(title) = &source.title {
            let _ = write!(out, "<br><em>{}</em>", escape(title));
        }
        let published = source.published.as_deref().map_or_else(
            || "date unknown".to_string(),
            |date| format!("published {date}"),
        );
        let _ = writeln!(
            out,
            "<br><span class=\"meta\">{} \u{b7} {} words \u{b7} <code>{}</code></span></li>",
            escape(&published),
            source.words,
            escape(&source.input)
        );
    }
    out.push_str("</ol>\n");
    if !brief.copies.is_empty() {
        out.push_str("<h3>Copy groups</h3>\n<ul class=\"copies\">\n");
        for group in &brief.copies {
            let _ = write!(
                out,
                "<li>{} carry the same copy ({:.0}% of the shorter text shared); they count once as independent support",
                context.cite_sources(&group.sources),
                group.overlap * 100.0
            );
            if !group.shared.is_empty() {
                let _ = write!(
                    out,
                    "<details><summary>{}</summary><ul>",
                    count(group.shared.len(), "shared passage", "shared passages")
                );
                for passage in &group.shared {
                    let _ = write!(
                        out,
                        "<li>{}{}</li>",
                        escape(&passage.text),
                        context.cite_evidence(&passage.evidence)
                    );
                }
                out.push_str("</ul></details>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn removed_section(out: &mut String, view: &BriefView) {
    let removed = &view.brief.removed;
    if removed.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"removed\">\n<h2>Removed page furniture</h2>\n<details>\n<summary>{} removed from the sources</summary>\n<table>\n<tr><th>Source</th><th>Reason</th><th>Text</th></tr>",
        count(removed.len(), "passage", "passages")
    );
    for item in removed {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#source-{0}\">{0}</a></td><td>{1}</td><td>{2}</td></tr>",
            escape(&item.source),
            escape(&item.reason),
            escape(&item.text)
        );
    }
    out.push_str("</table>\n</details>\n</section>\n");
}

fn as_json_evidence(evidence: &[brief_view::Evidence]) -> Vec<JsonEvidence> {
    evidence
        .iter()
        .map(|span| JsonEvidence {
            source: span.source.clone(),
            start: span.start,
            end: span.end,
        })
        .collect()
}
