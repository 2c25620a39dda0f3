//! `/stories/{id}`: a story's brief with every section, each citation a link to the cited
//! passage in the article page; `/stories/{id}/{section}?page=N`: one section in pages.
//!
//! A story of hundreds of sources would make a page of megabytes (every summary sentence
//! and agreed figure cites every source), so the story page shows the first page of each
//! section and the first few citations of each item, with "+N more" and "All N ..." links
//! to the section pages, which show every citation of the items they list.

use std::collections::BTreeMap;
use std::fmt::Write;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use corroborate_render::{JsonEvidence, JsonFact, JsonQuote, JsonSource, escape};
use corroborate_store::{StoreError, StorySummary};

use super::layout::{count, page, pager, time_span};
use crate::brief_view::{self, BriefView};
use crate::error::{Failure, Flavor, ServerError};
use crate::links;
use crate::params::{self, PageParams};
use crate::state::AppState;
use crate::story_cache::{LoadedStory, StoryCache};
use std::sync::{Arc, OnceLock};

pub async fn story(
    State(state): State<AppState>,
    found: Result<Path<String>, PathRejection>,
) -> Result<Html<String>, Failure> {
    let id = params::path(found, Flavor::Page, |id| ServerError::StoryNotFound { id })?;
    let cache = state.stories();
    state
        .read(move |store| {
            let story = load(store, &cache, &id)?;
            Ok(story
                .page
                .get_or_init(|| render(&story.summary, &story.view, &story.articles, None))
                .clone())
        })
        .await
        .map(Html)
        .map_err(Failure::page)
}

/// `/stories/{id}/{section}?page=N`: one page of one section of a story, every citation of
/// its items shown (the story page shows the first page of each, citations capped).
pub async fn story_section(
    State(state): State<AppState>,
    found: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<PageParams>, QueryRejection>,
) -> Result<Html<String>, Failure> {
    let (id, slug) = found.map(|Path(pair)| pair).map_err(|rejection| Failure {
        error: ServerError::StoryNotFound {
            id: rejection.body_text(),
        },
        flavor: Flavor::Page,
    })?;
    let params = params::query(query, Flavor::Page)?;
    let Some(section) = Section::parse(&slug) else {
        return Err(Failure::page(ServerError::NoRoute {
            path: format!("/stories/{id}/{slug}"),
        }));
    };
    let (page_number, _) = params::page_offset(params.page, section.per_page());
    let cache = state.stories();
    state
        .read(move |store| {
            let story = load(store, &cache, &id)?;
            Ok(render(
                &story.summary,
                &story.view,
                &story.articles,
                Some((section, page_number)),
            ))
        })
        .await
        .map(Html)
        .map_err(Failure::page)
}

/// A story's summary, readable brief, and the article each brief source is: from the cache
/// while the stored story has the revision it was cached at, else read and parsed.
fn load(
    store: &corroborate_store::Store,
    cache: &StoryCache,
    id: &str,
) -> Result<Arc<LoadedStory>, ServerError> {
    match cached_or_record(store, cache, id)? {
        Cached::Story(story) => Ok(story),
        Cached::Record(record) => parse_and_keep(store, cache, record),
    }
}

/// What a request for a story finds: the cached story, or the stored record to read.
pub(crate) enum Cached {
    Story(Arc<LoadedStory>),
    Record(corroborate_store::StoryRecord),
}

/// The cached story when the stored story still has its revision, else the stored record.
pub(crate) fn cached_or_record(
    store: &corroborate_store::Store,
    cache: &StoryCache,
    id: &str,
) -> Result<Cached, ServerError> {
    let not_found = || ServerError::StoryNotFound { id: id.to_string() };
    let number: i64 = id.parse().map_err(|_| not_found())?;
    let revision = store.story_revision(number)?.ok_or_else(not_found)?;
    if let Some(story) = cache.get(number, revision) {
        return Ok(Cached::Story(story));
    }
    Ok(Cached::Record(store.story(number)?.ok_or_else(not_found)?))
}

/// Parses a stored story and keeps it in the cache (when it is large enough to be kept).
pub(crate) fn parse_and_keep(
    store: &corroborate_store::Store,
    cache: &StoryCache,
    record: corroborate_store::StoryRecord,
) -> Result<Arc<LoadedStory>, ServerError> {
    let number = record.summary.id;
    let view = BriefView::parse(&record.brief_json).ok_or_else(|| {
        ServerError::Store(StoreError::Damaged {
            path: store.path().to_path_buf(),
            what: format!("brief of story {number}"),
        })
    })?;
    let articles = source_articles(store, &view.brief.sources, &record.summary.articles)?;
    let bytes = record.brief_json.len();
    let story = Arc::new(LoadedStory {
        summary: record.summary,
        view,
        articles,
        json: Bytes::from(record.brief_json),
        page: OnceLock::new(),
    });
    // Keyed by the revision read with the brief itself, so an ingest committing between
    // the two reads can only make the entry newer than its key, never older.
    cache.insert(number, record.revision, bytes, Arc::clone(&story));
    Ok(story)
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

/// The sections a story page can show one of, paginated, with every citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Summary,
    Facts,
    Quotes,
    Entities,
    Timeline,
    Additions,
    Sources,
    Removed,
}

impl Section {
    const ALL: [Section; 8] = [
        Section::Summary,
        Section::Facts,
        Section::Quotes,
        Section::Entities,
        Section::Timeline,
        Section::Additions,
        Section::Sources,
        Section::Removed,
    ];

    /// The section's name in addresses and its anchor on the story page.
    fn slug(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Facts => "facts",
            Section::Quotes => "quotes",
            Section::Entities => "entities",
            Section::Timeline => "timeline",
            Section::Additions => "additions",
            Section::Sources => "sources",
            Section::Removed => "removed",
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Section::Summary => "Summary",
            Section::Facts => "Facts",
            Section::Quotes => "Who said what",
            Section::Entities => "Who is in the story",
            Section::Timeline => "Timeline",
            Section::Additions => "What each outlet adds",
            Section::Sources => "Sources",
            Section::Removed => "Removed page furniture",
        }
    }

    /// Items a page shows: the story page shows the first page of every section, so an
    /// item on the story page is always on page 1 of its section page.
    fn per_page(self) -> usize {
        match self {
            Section::Summary => usize::MAX,
            Section::Facts | Section::Quotes => 25,
            Section::Entities => 60,
            Section::Timeline => 40,
            Section::Additions => 15,
            Section::Sources | Section::Removed => 100,
        }
    }

    fn parse(slug: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|section| section.slug() == slug)
    }

    /// How many items the section holds.
    fn len(self, view: &BriefView) -> usize {
        let brief = &view.brief;
        match self {
            Section::Summary => brief.summary.len(),
            Section::Facts => brief.facts.len(),
            Section::Quotes => brief.quotes.len(),
            Section::Entities => brief.entities.len(),
            Section::Timeline => view.timeline.len(),
            Section::Additions => view.additions.len(),
            Section::Sources => brief.sources.len(),
            Section::Removed => brief.removed.len(),
        }
    }

    /// The page of this section an item (by its place in the section's order) is on.
    fn page_of(self, index: usize) -> usize {
        index / self.per_page() + 1
    }
}

/// Citations an item shows on the story page before "+N more" links to its section page.
const CITATIONS_ON_STORY_PAGE: usize = 6;

/// What a page shows: the whole story (first page of each section, citations capped), or
/// one page of one section with every citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Story,
    Section { section: Section, page: usize },
}

/// What the renderers of the sections share.
struct Context<'a> {
    story: i64,
    shown: Shown,
    articles: &'a BTreeMap<String, String>,
    sources: BTreeMap<&'a str, (usize, &'a JsonSource)>,
}

impl Context<'_> {
    /// The items of `section` this page shows, as a range of the section's order.
    fn range(&self, section: Section, total: usize) -> std::ops::Range<usize> {
        let page = match self.shown {
            Shown::Story => 1,
            Shown::Section { page, .. } => page,
        };
        let start = (page - 1).saturating_mul(section.per_page()).min(total);
        start..start.saturating_add(section.per_page()).min(total)
    }

    /// The address of `anchor` on the page of `section` holding item `index`.
    fn section_href(&self, section: Section, index: usize, anchor: &str) -> String {
        let page = section.page_of(index);
        let here = match self.shown {
            Shown::Section {
                section: s,
                page: p,
            } => s == section && p == page,
            Shown::Story => false,
        };
        if here {
            return format!("#{anchor}");
        }
        let mut href = format!("{}/{}", links::story(self.story), section.slug());
        if page > 1 {
            let _ = write!(href, "?page={page}");
        }
        let _ = write!(href, "#{anchor}");
        href
    }

    /// Where a source's entry in the source list is: on this page when it shows it.
    fn source_href(&self, source: &str) -> String {
        let anchor = format!("source-{source}");
        let Some(&(index, _)) = self.sources.get(source) else {
            return format!("#{anchor}");
        };
        let on_this_page = match self.shown {
            Shown::Story => index < Section::Sources.per_page(),
            Shown::Section { section, page } => {
                section == Section::Sources && Section::Sources.page_of(index) == page
            }
        };
        if on_this_page {
            format!("#{anchor}")
        } else {
            self.section_href(Section::Sources, index, &anchor)
        }
    }

    /// A source's outlet, else its input, for link titles.
    fn source_name(&self, source: &str) -> String {
        match self.sources.get(source) {
            Some((_, found)) => found
                .outlet
                .clone()
                .or_else(|| found.title.clone())
                .unwrap_or_else(|| found.input.clone()),
            None => source.to_string(),
        }
    }

    /// How many citations an item shows here.
    fn citation_cap(&self) -> usize {
        match self.shown {
            Shown::Story => CITATIONS_ON_STORY_PAGE,
            Shown::Section { .. } => usize::MAX,
        }
    }

    /// "+N more" linking to where the item shows every citation, when some were left out.
    fn more(out: &mut String, left_out: usize, more: &str) {
        if left_out > 0 {
            let _ = write!(
                out,
                " <a class=\"more\" href=\"{}\" title=\"Every citation\">+{left_out} more</a>",
                escape(more)
            );
        }
    }

    /// Citation links, one per evidence span, each opening the passage; `more` is where
    /// the item shows them all when the page shows only the first ones.
    fn cite_evidence(&self, evidence: &[JsonEvidence], more: &str) -> String {
        let mut out = String::from("<span class=\"cites\">");
        let shown = evidence.len().min(self.citation_cap());
        for span in &evidence[..shown] {
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
        Self::more(&mut out, evidence.len() - shown, more);
        out.push_str("</span>");
        out
    }

    /// Citation links to the source list, for statements without spans.
    fn cite_sources(&self, sources: &[String], more: &str) -> String {
        let mut out = String::from("<span class=\"cites\">");
        let shown = sources.len().min(self.citation_cap());
        for source in &sources[..shown] {
            let _ = write!(
                out,
                " <a class=\"cite\" href=\"{}\" title=\"{}\">{}</a>",
                escape(&self.source_href(source)),
                escape(&self.source_name(source)),
                escape(source)
            );
        }
        Self::more(&mut out, sources.len() - shown, more);
        out.push_str("</span>");
        out
    }

    /// After a section on the story page: a link to the rest of it when it has more.
    fn rest_link(&self, out: &mut String, section: Section, total: usize, one: &str, many: &str) {
        if self.shown == Shown::Story && total > section.per_page() {
            let _ = writeln!(
                out,
                "<p class=\"rest\"><a href=\"{}/{}\">All {} \u{2192}</a></p>",
                links::story(self.story),
                section.slug(),
                count(total, one, many)
            );
        }
    }

    /// After a section page: links to its other pages.
    fn section_pager(&self, out: &mut String, section: Section, total: usize) {
        if let Shown::Section { page, .. } = self.shown {
            let base = format!("{}/{}", links::story(self.story), section.slug());
            out.push_str(&pager(page, total, section.per_page(), |page| {
                if page <= 1 {
                    base.clone()
                } else {
                    format!("{base}?page={page}")
                }
            }));
        }
    }

    /// The heading of a section, with the place in it on a section page.
    fn open_section(&self, out: &mut String, section: Section, total: usize) {
        let _ = write!(
            out,
            "<section id=\"{}\">\n<h2>{}",
            section.slug(),
            section.heading()
        );
        if let Shown::Section { .. } = self.shown {
            let range = self.range(section, total);
            if total > section.per_page() {
                let _ = write!(
                    out,
                    " <span class=\"meta\">{}\u{2013}{} of {total}</span>",
                    range.start + 1,
                    range.end
                );
            }
        }
        out.push_str("</h2>\n");
    }
}

/// A story page (`section: None`) or one page of one of its sections.
fn render(
    summary: &StorySummary,
    view: &BriefView,
    articles: &BTreeMap<String, String>,
    section: Option<(Section, usize)>,
) -> String {
    let brief = &view.brief;
    let shown = match section {
        None => Shown::Story,
        Some((section, page)) => Shown::Section { section, page },
    };
    let context = Context {
        story: summary.id,
        shown,
        articles,
        sources: brief
            .sources
            .iter()
            .enumerate()
            .map(|(index, s)| (s.id.as_str(), (index, s)))
            .collect(),
    };
    let mut body = String::new();
    match shown {
        Shown::Story => {
            let _ = writeln!(
                body,
                "<article class=\"brief\">\n<h1>{}</h1>",
                escape(&brief.title)
            );
        }
        Shown::Section { section, .. } => {
            let _ = writeln!(
                body,
                "<article class=\"brief\">\n<p class=\"meta\"><a href=\"{}\">\u{2190} {}</a></p>\n<h1>{}</h1>",
                links::story(summary.id),
                escape(&brief.title),
                section.heading()
            );
        }
    }
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
        let facts = match shown {
            Shown::Story => "#facts".to_string(),
            Shown::Section { .. } => format!("{}#facts", links::story(summary.id)),
        };
        let _ = write!(
            body,
            " \u{b7} <a class=\"badge disputed\" href=\"{facts}\">{}</a>",
            count(summary.disputed, "disputed fact", "disputed facts")
        );
    }
    let _ = writeln!(
        body,
        " \u{b7} <a href=\"/api/stories/{}\">JSON</a></p>",
        summary.id
    );
    let sections: Vec<Section> = match shown {
        Shown::Story => {
            contents(&mut body, view);
            Section::ALL.to_vec()
        }
        Shown::Section { section, .. } => vec![section],
    };
    for section in sections {
        match section {
            Section::Summary => summary_section(&mut body, view, &context),
            Section::Facts => facts_section(&mut body, &brief.facts, &context),
            Section::Quotes => quotes_section(&mut body, &brief.quotes, &context),
            Section::Entities => entities_section(&mut body, view, &context),
            Section::Timeline => timeline_section(&mut body, view, &context),
            Section::Additions => additions_section(&mut body, view, &context),
            Section::Sources => sources_section(&mut body, view, &context),
            Section::Removed => removed_section(&mut body, view, &context),
        }
    }
    body.push_str("</article>\n");
    match shown {
        Shown::Story => page(&brief.title, "", &body),
        Shown::Section { section, .. } => page(
            &format!("{} \u{b7} {}", section.heading(), brief.title),
            "",
            &body,
        ),
    }
}

/// The list of sections present, for jumping on a phone.
fn contents(out: &mut String, view: &BriefView) {
    out.push_str("<nav class=\"contents\" aria-label=\"Sections\"><ul>");
    for section in Section::ALL {
        if section.len(view) > 0 || section == Section::Sources {
            let name = match section {
                Section::Removed => "Removed",
                other => other.heading(),
            };
            let _ = write!(out, "<li><a href=\"#{}\">{name}</a></li>", section.slug());
        }
    }
    out.push_str("</ul></nav>\n");
}

fn summary_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    let sentences = &view.brief.summary;
    if sentences.is_empty() {
        return;
    }
    context.open_section(out, Section::Summary, sentences.len());
    out.push_str("<ol class=\"summary\">\n");
    for (index, sentence) in sentences.iter().enumerate() {
        let anchor = format!("sentence-{}", index + 1);
        let more = context.section_href(Section::Summary, index, &anchor);
        let _ = writeln!(
            out,
            "<li id=\"{anchor}\">{}{}</li>",
            escape(&sentence.text),
            context.cite_evidence(&sentence.evidence, &more)
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
    context.open_section(out, Section::Facts, facts.len());
    let rank = |fact: &JsonFact| match fact.status.as_str() {
        "disputed" => 0,
        "agreed" => 1,
        _ => 2,
    };
    let mut ordered: Vec<&JsonFact> = facts.iter().collect();
    ordered.sort_by_key(|fact| rank(fact));
    let range = context.range(Section::Facts, ordered.len());
    if range.start == 0 && !ordered.iter().any(|fact| rank(fact) < 2) {
        out.push_str("<p>No figure is given by more than one source.</p>\n");
    }
    let mut explained: Vec<&str> = Vec::new();
    let mut folded = false;
    for (index, fact) in ordered.iter().enumerate().take(range.end).skip(range.start) {
        if rank(fact) == 2 && !folded {
            folded = true;
            let singles = ordered.len() - ordered.iter().filter(|f| rank(f) < 2).count();
            let open = if context.shown == Shown::Story {
                ""
            } else {
                " open"
            };
            let _ = writeln!(
                out,
                "<details class=\"single\"{open}><summary>{} given by one source only</summary>",
                count(singles, "figure", "figures")
            );
        }
        fact_item(out, index, fact, context, &mut explained);
    }
    if folded {
        out.push_str("</details>\n");
    }
    context.rest_link(out, Section::Facts, facts.len(), "fact", "facts");
    context.section_pager(out, Section::Facts, facts.len());
    out.push_str("</section>\n");
}

fn fact_item<'a>(
    out: &mut String,
    index: usize,
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
    let anchor = format!("fact-{}", fact.id);
    let more = context.section_href(Section::Facts, index, &anchor);
    let _ = write!(
        out,
        "<div class=\"{class}\" id=\"{}\">\n<h3>{}",
        escape(&anchor),
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
            context.cite_evidence(&value.evidence, &more)
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
    let ordered: Vec<(Option<&str>, &JsonQuote)> = groups
        .iter()
        .flat_map(|(speaker, members)| members.iter().map(move |quote| (*speaker, *quote)))
        .collect();
    context.open_section(out, Section::Quotes, ordered.len());
    let range = context.range(Section::Quotes, ordered.len());
    let mut heading: Option<Option<&str>> = None;
    for (index, (speaker, quote)) in ordered.iter().enumerate().take(range.end).skip(range.start) {
        if heading != Some(*speaker) {
            if heading.is_some() {
                out.push_str("</ul>\n");
            }
            heading = Some(*speaker);
            let _ = writeln!(
                out,
                "<h3>{}</h3>\n<ul class=\"quotes\">",
                escape(speaker.unwrap_or("Speaker not identified"))
            );
        }
        let anchor = format!("quote-{}", quote.id);
        let more = context.section_href(Section::Quotes, index, &anchor);
        let _ = write!(
            out,
            "<li id=\"{}\"><q>{}</q> <span class=\"meta\">{}</span>",
            escape(&anchor),
            escape(&quote.text),
            count(quote.sources.len(), "source", "sources"),
        );
        match quote.variants.as_slice() {
            [only] => out.push_str(&context.cite_evidence(&only.evidence, &more)),
            [] => out.push_str(&context.cite_sources(&quote.sources, &more)),
            variants => {
                out.push_str("<ul class=\"variants\">");
                for variant in variants {
                    let _ = write!(
                        out,
                        "<li>wording: <q>{}</q>{}</li>",
                        escape(&variant.text),
                        context.cite_evidence(&variant.evidence, &more)
                    );
                }
                out.push_str("</ul>");
            }
        }
        out.push_str("</li>\n");
    }
    if heading.is_some() {
        out.push_str("</ul>\n");
    }
    context.rest_link(out, Section::Quotes, ordered.len(), "quote", "quotes");
    context.section_pager(out, Section::Quotes, ordered.len());
    out.push_str("</section>\n");
}

/// Entities named more than once or by several sources, each a search link; the rest folded.
fn entities_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    let entities = &view.brief.entities;
    if entities.is_empty() {
        return;
    }
    let (main, minor): (Vec<_>, Vec<_>) = entities
        .iter()
        .partition(|entity| entity.mentions >= 2 || entity.sources.len() >= 2);
    context.open_section(out, Section::Entities, entities.len());
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
    let range = context.range(Section::Entities, entities.len());
    let shown_main = &main[range.start.min(main.len())..range.end.min(main.len())];
    let shown_minor = &minor[range.start.saturating_sub(main.len()).min(minor.len())
        ..range.end.saturating_sub(main.len()).min(minor.len())];
    if !shown_main.is_empty() {
        out.push_str("<ul class=\"entities\">\n");
        for entity in shown_main {
            item(out, entity);
        }
        out.push_str("</ul>\n");
    }
    if !shown_minor.is_empty() {
        let open = if context.shown == Shown::Story {
            ""
        } else {
            " open"
        };
        let _ = writeln!(
            out,
            "<details{open}><summary>{} mentioned once</summary>\n<ul class=\"entities\">",
            count(minor.len(), "more name", "more names")
        );
        for entity in shown_minor {
            item(out, entity);
        }
        out.push_str("</ul>\n</details>\n");
    }
    context.rest_link(out, Section::Entities, entities.len(), "name", "names");
    context.section_pager(out, Section::Entities, entities.len());
    out.push_str("</section>\n");
}

fn timeline_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    let entries = &view.timeline;
    if entries.is_empty() {
        return;
    }
    context.open_section(out, Section::Timeline, entries.len());
    out.push_str("<ol class=\"timeline\">\n");
    let range = context.range(Section::Timeline, entries.len());
    for (index, entry) in entries.iter().enumerate().take(range.end).skip(range.start) {
        let anchor = format!("event-{}", index + 1);
        let more = context.section_href(Section::Timeline, index, &anchor);
        let cites = if entry.evidence.is_empty() {
            context.cite_sources(&entry.sources, &more)
        } else {
            context.cite_evidence(&as_json_evidence(&entry.evidence), &more)
        };
        let _ = writeln!(
            out,
            "<li id=\"{anchor}\"><span class=\"when\">{}</span> {}{cites}</li>",
            escape(&brief_view::date_text(entry)),
            escape(&entry.text)
        );
    }
    out.push_str("</ol>\n");
    context.rest_link(out, Section::Timeline, entries.len(), "event", "events");
    context.section_pager(out, Section::Timeline, entries.len());
    out.push_str("</section>\n");
}

fn additions_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    let additions = &view.additions;
    if additions.is_empty() {
        return;
    }
    context.open_section(out, Section::Additions, additions.len());
    out.push_str("<dl class=\"additions\">\n");
    let range = context.range(Section::Additions, additions.len());
    for (index, addition) in additions
        .iter()
        .enumerate()
        .take(range.end)
        .skip(range.start)
    {
        let anchor = format!("adds-{}", addition.source);
        let more = context.section_href(Section::Additions, index, &anchor);
        let _ = writeln!(
            out,
            "<dt id=\"{}\"><a href=\"{}\">{}</a> {}</dt>\n<dd><ul>",
            escape(&anchor),
            escape(&context.source_href(&addition.source)),
            escape(&addition.source),
            escape(&context.source_name(&addition.source))
        );
        for item in &addition.items {
            let _ = writeln!(
                out,
                "<li>{}{}</li>",
                escape(&item.text),
                context.cite_evidence(&as_json_evidence(&item.evidence), &more)
            );
        }
        out.push_str("</ul></dd>\n");
    }
    out.push_str("</dl>\n");
    context.rest_link(
        out,
        Section::Additions,
        additions.len(),
        "outlet",
        "outlets",
    );
    context.section_pager(out, Section::Additions, additions.len());
    out.push_str("</section>\n");
}

/// The sources, each linking to its article, then the copy groups counted once.
fn sources_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    let brief = &view.brief;
    context.open_section(out, Section::Sources, brief.sources.len());
    let range = context.range(Section::Sources, brief.sources.len());
    let _ = writeln!(out, "<ol class=\"sources\" start=\"{}\">", range.start + 1);
    for source in &brief.sources[range.clone()] {
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
    context.rest_link(
        out,
        Section::Sources,
        brief.sources.len(),
        "source",
        "sources",
    );
    context.section_pager(out, Section::Sources, brief.sources.len());
    // The copy groups close the first page of the sources (they are few: one per agency
    // story), citing sources wherever they are listed.
    if !brief.copies.is_empty() && range.start == 0 {
        out.push_str("<h3>Copy groups</h3>\n<ul class=\"copies\">\n");
        for (index, group) in brief.copies.iter().enumerate() {
            let anchor = format!("copies-{}", index + 1);
            let more = context.section_href(Section::Sources, 0, &anchor);
            let _ = write!(
                out,
                "<li id=\"{anchor}\">{} carry the same copy ({:.0}% of the shorter text shared); they count once as independent support",
                context.cite_sources(&group.sources, &more),
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
                        context.cite_evidence(&passage.evidence, &more)
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

fn removed_section(out: &mut String, view: &BriefView, context: &Context<'_>) {
    let removed = &view.brief.removed;
    if removed.is_empty() {
        return;
    }
    context.open_section(out, Section::Removed, removed.len());
    let range = context.range(Section::Removed, removed.len());
    let open = if context.shown == Shown::Story {
        ""
    } else {
        " open"
    };
    let _ = writeln!(
        out,
        "<details{open}>\n<summary>{} removed from the sources</summary>\n<table>\n<tr><th>Source</th><th>Reason</th><th>Text</th></tr>",
        count(removed.len(), "passage", "passages")
    );
    for item in &removed[range] {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
            escape(&context.source_href(&item.source)),
            escape(&item.source),
            escape(&item.reason),
            escape(&item.text)
        );
    }
    out.push_str("</table>\n</details>\n");
    context.rest_link(out, Section::Removed, removed.len(), "passage", "passages");
    context.section_pager(out, Section::Removed, removed.len());
    out.push_str("</section>\n");
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    const STORY_ID: i64 = 7;

    fn evidence(sources: &[String]) -> Value {
        sources
            .iter()
            .map(|source| json!({"source": source, "start": 10, "end": 20}))
            .collect()
    }

    /// An invented story of `n` sources where every summary sentence and every agreed
    /// figure is carried by all of them, as in a story of hundreds of reprints.
    fn huge_story(n: usize) -> (StorySummary, BriefView, BTreeMap<String, String>) {
        let ids: Vec<String> = (1..=n).map(|i| format!("S{i}")).collect();
        let sources: Vec<Value> = ids
            .iter()
            .map(|id| {
                json!({"id": id, "input": format!("{id}.txt"), "title": null,
                             "outlet": format!("Outlet {id}"), "published": "2031-05-02",
                             "published_precision": "day", "words": 300})
            })
            .collect();
        let mut facts = vec![json!({
            "id": "F1", "subject": "Orla Vantry", "subject_entity": "E1", "property": "votes",
            "scope": null, "status": "disputed", "checks": [],
            "values": [
                {"value": 4120.0, "display": "4,120", "qualifier": "exact",
                 "sources": ids[1..].to_vec(), "independent_sources": n - 1, "consistent": true,
                 "evidence": evidence(&ids[1..])},
                {"value": 4210.0, "display": "4,210", "qualifier": "exact",
                 "sources": [ids[0].clone()], "independent_sources": 1, "consistent": false,
                 "evidence": evidence(&ids[..1])}]})];
        for f in 2..=40 {
            facts.push(json!({
                "id": format!("F{f}"), "subject": null, "subject_entity": null,
                "property": format!("count {f}"), "scope": null, "status": "agreed",
                "checks": [],
                "values": [{"value": f as f64, "display": f.to_string(), "qualifier": "exact",
                            "sources": ids.clone(), "independent_sources": n,
                            "consistent": null, "evidence": evidence(&ids)}]}));
        }
        let brief = json!({
            "schema": "corroborate/brief/v1",
            "title": "Harbour vote in Quillmouth",
            "sources": sources,
            "summary": (0..3).map(|i| json!({"text": format!("Sentence {i}."),
                "sources": ids.clone(), "evidence": evidence(&ids)})).collect::<Vec<_>>(),
            "entities": (0..90).map(|i| json!({"id": format!("E{i}"), "name": format!("Person {i}"),
                "kind": "person", "aliases": [], "roles": [], "sources": ["S1"],
                "mentions": if i < 70 { 3 } else { 1 }})).collect::<Vec<_>>(),
            "quotes": (0..30).map(|i| json!({"id": format!("Q{i}"), "speaker": "Orla Vantry",
                "speaker_entity": "E1", "text": format!("Words {i}"), "sources": ids.clone(),
                "variants": [{"text": format!("Words {i}"), "sources": ids.clone(),
                              "evidence": evidence(&ids)}]})).collect::<Vec<_>>(),
            "facts": facts,
            "copies": [{"sources": ids[..n / 2].to_vec(), "overlap": 0.9, "shared": []}],
            "additions": ids.iter().take(20).map(|id| json!({"source": id,
                "items": [{"text": "Only here.", "evidence": evidence(std::slice::from_ref(id))}]}))
                .collect::<Vec<_>>(),
            "timeline": (0..45).map(|i| json!({"date": "2031-05-01", "precision": "day",
                "text": format!("Event {i}."), "evidence": [],
                // Each event cites the sources from a different one on, so some story-page
                // citations point at sources listed only on later pages.
                "sources": ids[i * 7 % n..].iter().chain(&ids[..i * 7 % n]).collect::<Vec<_>>()}))
                .collect::<Vec<_>>(),
            "removed": ids.iter().map(|id| json!({"source": id, "text": "Sign up now",
                "reason": "sign-up", "start": 0, "end": 11})).collect::<Vec<_>>(),
        });
        let view = BriefView::parse(&brief.to_string()).expect("a brief");
        let summary = StorySummary {
            id: STORY_ID,
            title: "Harbour vote in Quillmouth".into(),
            first_published: Some("2031-05-02".into()),
            last_published: Some("2031-05-02".into()),
            sources: n,
            independent_sources: n / 2 + 1,
            disputed: 1,
            articles: ids.iter().map(|id| format!("{id}.txt")).collect(),
        };
        let articles = ids
            .iter()
            .map(|id| (id.clone(), format!("{id}.txt")))
            .collect();
        (summary, view, articles)
    }

    fn page_of(
        story: &(StorySummary, BriefView, BTreeMap<String, String>),
        at: Option<(Section, usize)>,
    ) -> String {
        render(&story.0, &story.1, &story.2, at)
    }

    /// The hrefs of a page that stay inside the story (`#x` or `/stories/7/...`).
    fn story_links(html: &str) -> Vec<String> {
        html.split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(|href| href.replace("&amp;", "&"))
            .filter(|href| href.starts_with('#') || href.starts_with("/stories/7"))
            .collect()
    }

    #[test]
    fn a_story_of_hundreds_of_sources_shows_a_first_page_of_each_section() {
        let story = huge_story(230);
        let html = page_of(&story, None);
        // Every item shows at most six citations, then "+N more".
        let sentence = &html[html.find("id=\"sentence-1\"").expect("the summary")..];
        let sentence = &sentence[..sentence.find("</li>").unwrap()];
        assert_eq!(sentence.matches("class=\"cite\"").count(), 6, "{sentence}");
        assert!(sentence.contains(
            "<a class=\"more\" href=\"/stories/7/summary#sentence-1\" title=\"Every citation\">+224 more</a>"
        ));
        for (what, link) in [
            ("facts", "All 40 facts"),
            ("entities", "All 90 names"),
            ("timeline", "All 45 events"),
            ("additions", "All 20 outlets"),
            ("sources", "All 230 sources"),
            ("removed", "All 230 passages"),
        ] {
            assert!(
                html.contains(&format!(
                    "<a href=\"/stories/7/{what}\">{link} \u{2192}</a>"
                )),
                "{what}"
            );
        }
        assert!(html.contains("All 30 quotes"), "25 quotes a page");
        assert!(
            !html.contains("All 3 sentences"),
            "the summary is never cut"
        );
        // The disputed figure comes first and its lone dissenting source is cited.
        let disputed = html.find("id=\"fact-F1\"").expect("F1 shown");
        let agreed = html.find("id=\"fact-F2\"").expect("F2 shown");
        assert!(disputed < agreed);
        assert!(
            !html.contains("id=\"fact-F26\""),
            "facts past the first page are not shown"
        );
        assert!(html.contains("id=\"source-S100\"") && !html.contains("id=\"source-S101\""));
        // Far smaller than the same story with every citation shown.
        let every = Section::ALL
            .iter()
            .map(|&section| page_of(&story, Some((section, 1))).len())
            .sum::<usize>();
        assert!(html.len() * 5 < every, "{} vs {every}", html.len());
    }

    #[test]
    fn section_pages_show_every_citation_of_their_items() {
        let story = huge_story(230);
        let facts = page_of(&story, Some((Section::Facts, 1)));
        let f2 = &facts[facts.find("id=\"fact-F2\"").unwrap()..];
        let f2 = &f2[..f2.find("</div>").unwrap()];
        assert_eq!(f2.matches("class=\"cite\"").count(), 230);
        assert!(!facts.contains(" more</a>"));
        assert!(facts.contains("1\u{2013}25 of 40"));
        let second = page_of(&story, Some((Section::Facts, 2)));
        assert!(second.contains("id=\"fact-F40\"") && !second.contains("id=\"fact-F2\""));
        assert!(second.contains("26\u{2013}40 of 40"));
        let past_the_end = page_of(&story, Some((Section::Facts, 9)));
        assert!(
            !past_the_end.contains("class=\"fact"),
            "an empty page, not an error"
        );
    }

    /// Every link that stays inside the story, from the story page and from every page of
    /// every section, lands on a page holding its anchor.
    #[test]
    fn every_link_inside_the_story_finds_its_anchor() {
        let story = huge_story(230);
        let mut pages: Vec<(Option<(Section, usize)>, String)> =
            vec![(None, page_of(&story, None))];
        for section in Section::ALL {
            let total = section.len(&story.1);
            let pages_in_section = total.div_ceil(section.per_page()).max(1);
            for page in 1..=pages_in_section.min(5) {
                pages.push((
                    Some((section, page)),
                    page_of(&story, Some((section, page))),
                ));
            }
        }
        let mut checked = 0;
        for (at, html) in &pages {
            for href in story_links(html) {
                let (target, anchor) = match href.split_once('#') {
                    Some((path, anchor)) => (path.to_string(), anchor.to_string()),
                    None => (href.clone(), String::new()),
                };
                let target_html = if target.is_empty() {
                    html.clone()
                } else {
                    let rest = target.trim_start_matches("/stories/7");
                    let (slug, page) = match rest.trim_start_matches('/').split_once("?page=") {
                        Some((slug, page)) => (slug.to_string(), page.parse().unwrap()),
                        None => (rest.trim_start_matches('/').to_string(), 1),
                    };
                    if slug.is_empty() {
                        page_of(&story, None)
                    } else {
                        let section = Section::parse(&slug)
                            .unwrap_or_else(|| panic!("{href} from {at:?} names no section"));
                        let total = section.len(&story.1);
                        assert!(
                            page == 1 || (page - 1) * section.per_page() < total,
                            "{href} from {at:?} is past the end"
                        );
                        page_of(&story, Some((section, page)))
                    }
                };
                if !anchor.is_empty() {
                    assert!(
                        target_html.contains(&format!("id=\"{anchor}\"")),
                        "{href} from {at:?}: no {anchor} there"
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 500, "{checked} links checked");
    }
}
