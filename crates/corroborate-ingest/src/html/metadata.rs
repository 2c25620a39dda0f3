//! Reads what a page says about its article: title, outlet, canonical URL, language, dates
//! and authors, from JSON-LD, meta tags, microdata, `<time>` elements, the URL and bylines.
//!
//! Sources are tried in a fixed order of trust and the first usable value wins. For dates a
//! value is unusable when it lies after the page's own modified date or the retrieval date;
//! for authors a value is unusable when it does not look like a person's name ("better none
//! than wrong").

use corroborate_model::PublishedDate;
use serde_json::Value;

use super::dates::{days_between, find_text_date, is_utc_timestamp, parse_date_value, url_date};
use super::dom::{Dom, contains_ignore_case, squash_whitespace};
use super::json_ld::{JsonLd, has_type, string_field};
use super::names::{capitalise_shouted, looks_like_person, split_byline, starts_like_byline};

/// Where a publication date was found, from the most to the least trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateSource {
    /// `datePublished` of the page's JSON-LD article.
    JsonLd,
    /// A meta tag such as `article:published_time`.
    MetaTag,
    /// A `<time datetime>` element.
    TimeElement,
    /// Microdata `itemprop="datePublished"` on a visible element.
    Microdata,
    /// A date in the URL path (`/2021/07/02/`).
    Url,
    /// A date written in a byline or dateline.
    Byline,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::JsonLd => "json-ld",
            DateSource::MetaTag => "meta",
            DateSource::TimeElement => "time",
            DateSource::Microdata => "microdata",
            DateSource::Url => "url",
            DateSource::Byline => "byline",
        }
    }
}

/// The metadata of one page.
#[derive(Clone, Debug, Default)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub published: Option<(PublishedDate, DateSource)>,
    pub modified: Option<PublishedDate>,
    pub authors: Vec<String>,
}

/// Reads the metadata of a parsed page. `main` is the element holding the article body (the
/// root when none was found): visible dates and bylines are looked for before its end.
pub(crate) fn read_metadata(
    dom: &Dom,
    url: Option<&str>,
    retrieved: Option<PublishedDate>,
    main: usize,
    lead_lines: &[String],
) -> Metadata {
    let page = PageTags::collect(dom);
    let json_ld = JsonLd::parse(&page.json_ld);
    let article = json_ld.article();

    let host = url.and_then(host_of);
    let outlet = page
        .meta("og:site_name")
        .map(squash_whitespace)
        .or_else(|| article.and_then(|item| json_ld.publisher_name(item)))
        .or_else(|| page.meta("application-name").map(squash_whitespace))
        .map(|name| {
            if name.contains("://") {
                host_of(&name).unwrap_or(name)
            } else {
                name.trim_start_matches('@').to_string()
            }
        })
        .filter(|name| !name.is_empty())
        .or_else(|| host.clone());

    let title = read_title(dom, &page, article, outlet.as_deref());
    let canonical = read_canonical(&page, article, url);
    let language = read_language(&page, article);
    let modified = read_modified(&page, article);
    let reference = match (modified, retrieved) {
        (Some(modified), Some(retrieved)) => Some(if is_after(modified, retrieved) {
            retrieved
        } else {
            modified
        }),
        (one, other) => one.or(other),
    };
    let sources = Sources {
        dom,
        tags: &page,
        json_ld: &json_ld,
        article,
        url,
        main,
        lead_lines,
        zone: furniture_zone(dom, main),
    };
    let published = read_published(&sources, reference);
    let publication_names: Vec<&str> = outlet
        .iter()
        .chain(host.iter())
        .map(String::as_str)
        .collect();
    let authors = read_authors(&sources, &publication_names);

    Metadata {
        title,
        outlet,
        url: canonical,
        language,
        published,
        modified,
        authors,
    }
}

/// True when `later` is after `earlier`, compared at the precision both dates have.
pub(crate) fn is_after(later: PublishedDate, earlier: PublishedDate) -> bool {
    if later.year() != earlier.year() {
        return later.year() > earlier.year();
    }
    match (later.month(), earlier.month()) {
        (Some(a), Some(b)) if a != b => a > b,
        (Some(_), Some(_)) => match (later.day(), earlier.day()) {
            (Some(a), Some(b)) => a > b,
            _ => false,
        },
        _ => false,
    }
}

/// The tags metadata is read from, gathered in one pass over the page.
struct PageTags<'a> {
    /// `(lowercased name, property or itemprop, content)` of every `<meta>`.
    metas: Vec<(String, &'a str)>,
    canonical: Option<&'a str>,
    html_lang: Option<&'a str>,
    title: Option<String>,
    json_ld: Vec<String>,
}

impl<'a> PageTags<'a> {
    fn collect(dom: &Dom<'a>) -> PageTags<'a> {
        let in_svg = dom.under(|index| dom.tag(index) == "svg");
        let mut tags = PageTags {
            metas: Vec::new(),
            canonical: None,
            html_lang: None,
            title: None,
            json_ld: Vec::new(),
        };
        for (index, &inside_svg) in in_svg.iter().enumerate() {
            let Some(element) = dom.element(index) else {
                continue;
            };
            match element.name() {
                "meta" => {
                    let Some(content) = element.attr("content") else {
                        continue;
                    };
                    for key in ["property", "name", "itemprop", "http-equiv"] {
                        if let Some(name) = element.attr(key) {
                            tags.metas.push((name.trim().to_ascii_lowercase(), content));
                        }
                    }
                }
                "link" => {
                    let is_canonical = element.attr("rel").is_some_and(|rel| {
                        rel.split_ascii_whitespace()
                            .any(|word| word.eq_ignore_ascii_case("canonical"))
                    });
                    if is_canonical && tags.canonical.is_none() {
                        tags.canonical = element.attr("href");
                    }
                }
                "html" if tags.html_lang.is_none() => {
                    tags.html_lang = element.attr("lang").or_else(|| element.attr("xml:lang"));
                }
                "title" if tags.title.is_none() && !inside_svg => {
                    tags.title = Some(squash_whitespace(&dom.raw_text(index)));
                }
                "script"
                    if element
                        .attr("type")
                        .is_some_and(|kind| kind.to_ascii_lowercase().contains("ld+json")) =>
                {
                    tags.json_ld.push(dom.raw_text(index));
                }
                _ => {}
            }
        }
        tags
    }

    /// The first non-empty content of a meta tag with this name or property.
    fn meta(&self, name: &str) -> Option<&'a str> {
        self.metas
            .iter()
            .find(|(key, content)| key == name && !content.trim().is_empty())
            .map(|(_, content)| *content)
    }
}

fn read_title(
    dom: &Dom,
    page: &PageTags,
    article: Option<&Value>,
    outlet: Option<&str>,
) -> Option<String> {
    let in_nav = dom.under(|index| dom.tag(index) == "nav");
    let first_h1 = (0..dom.len())
        .find(|&index| dom.tag(index) == "h1" && !in_nav[index])
        .map(|index| squash_whitespace(&dom.raw_text(index)));
    let candidates = [
        page.meta("og:title").map(squash_whitespace),
        page.meta("twitter:title").map(squash_whitespace),
        article
            .and_then(|item| string_field(item, "headline"))
            .map(squash_whitespace),
        first_h1,
        page.title.clone(),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|title| strip_outlet_suffix(&title, outlet))
        .find(|title| !title.is_empty())
}

/// `Ferry to stop in March | Tarnby Gazette` becomes `Ferry to stop in March` when the part
/// after the separator names the outlet.
fn strip_outlet_suffix(title: &str, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet else {
        return title.to_string();
    };
    let outlet_key = alphanumeric_key(outlet);
    let outlet_key = outlet_key.trim_start_matches("www");
    let outlet_key = outlet_key
        .strip_suffix("com")
        .filter(|key| !key.is_empty())
        .unwrap_or(outlet_key);
    if outlet_key.len() < 2 {
        return title.to_string();
    }
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let tail_key = alphanumeric_key(tail);
            if !head.trim().is_empty()
                && (tail_key.contains(outlet_key) || outlet_key.contains(tail_key.as_str()))
                && !tail_key.is_empty()
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

pub(crate) fn alphanumeric_key(text: &str) -> String {
    text.chars()
        .filter(|character| character.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn read_canonical(page: &PageTags, article: Option<&Value>, url: Option<&str>) -> Option<String> {
    let from_json_ld = article.and_then(|item| {
        string_field(item, "url").or_else(|| {
            item.get("mainEntityOfPage")
                .and_then(|entity| match entity {
                    Value::String(text) => Some(text.as_str()),
                    other => other.get("@id")?.as_str(),
                })
        })
    });
    [page.canonical, page.meta("og:url"), from_json_ld]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|candidate| !candidate.is_empty())
        .find_map(|candidate| absolute_url(candidate, url))
        .or_else(|| url.map(str::to_string))
}

/// `href` made absolute against `base`; `None` when that cannot be done.
fn absolute_url(href: &str, base: Option<&str>) -> Option<String> {
    if href.starts_with("http://") || href.starts_with("https://") {
        return Some(href.to_string());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    if let Some(path) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{path}"));
    }
    if href.starts_with('/') {
        return Some(format!("{scheme}://{host}{href}"));
    }
    None
}

/// The host of a URL without `www.`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

fn read_language(page: &PageTags, article: Option<&Value>) -> Option<String> {
    [
        page.html_lang,
        page.meta("content-language"),
        page.meta("og:locale"),
        article.and_then(|item| string_field(item, "inLanguage")),
        page.meta("dc.language"),
    ]
    .into_iter()
    .flatten()
    .find_map(normalise_language)
}

/// `en_US` becomes `en-US`; values that are not language tags are dropped.
fn normalise_language(value: &str) -> Option<String> {
    let tag = value.split(',').next()?.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if !parts.all(|part| {
        (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
    }) {
        return None;
    }
    let mut normalised = primary.to_ascii_lowercase();
    normalised.push_str(&tag[primary.len()..]);
    Some(normalised)
}

const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "article:published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "og:pubdate",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "dc.date.created",
    "date",
    "cxenseparse:recs:publishtime",
    "original-publish-date",
];

const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "article.updated",
];

fn read_modified(page: &PageTags, article: Option<&Value>) -> Option<PublishedDate> {
    article
        .and_then(|item| string_field(item, "dateModified"))
        .and_then(parse_date_value)
        .or_else(|| {
            MODIFIED_META
                .iter()
                .filter_map(|name| page.meta(name))
                .find_map(parse_date_value)
        })
}

/// Everything dates and authors are read from.
struct Sources<'s, 'a> {
    dom: &'s Dom<'a>,
    tags: &'s PageTags<'a>,
    json_ld: &'s JsonLd,
    article: Option<&'s Value>,
    url: Option<&'s str>,
    /// The element holding the article body.
    main: usize,
    lead_lines: &'s [String],
    /// See [`furniture_zone`].
    zone: Vec<bool>,
}

fn read_published(
    sources: &Sources,
    reference: Option<PublishedDate>,
) -> Option<(PublishedDate, DateSource)> {
    let Sources {
        dom,
        tags: page,
        article,
        url,
        main,
        lead_lines,
        zone,
        ..
    } = sources;
    let (dom, article, url, main) = (*dom, *article, *url, *main);
    let usable = |date: PublishedDate| reference.is_none_or(|limit| !is_after(date, limit));
    // Candidates with whether their value was a UTC timestamp.
    let mut candidates: Vec<(PublishedDate, DateSource, bool)> = Vec::new();
    if let Some(value) = article.and_then(|item| {
        string_field(item, "datePublished").or_else(|| string_field(item, "dateCreated"))
    }) && let Some(date) = parse_date_value(value)
    {
        candidates.push((date, DateSource::JsonLd, is_utc_timestamp(value)));
    }
    for name in PUBLISHED_META {
        if let Some(value) = page.meta(name)
            && let Some(date) = parse_date_value(value)
        {
            candidates.push((date, DateSource::MetaTag, is_utc_timestamp(value)));
            break;
        }
    }
    let main_end = dom.nodes[main].end;
    let in_reach = |index: usize| index < main_end && !zone[index];
    // A <time> marked as the publication time, else the first one before the article ends.
    let times: Vec<usize> = (0..dom.len())
        .filter(|&index| dom.tag(index) == "time" && in_reach(index))
        .collect();
    let marked = times.iter().copied().find(|&index| {
        dom.element(index).is_some_and(|element| {
            element.attr("pubdate").is_some()
                || element
                    .attr("itemprop")
                    .is_some_and(|prop| prop.eq_ignore_ascii_case("datePublished"))
                || contains_ignore_case(dom.nodes[index].class, "publish")
                || contains_ignore_case(dom.nodes[index].class, "posted")
        })
    });
    if let Some(date) = marked
        .into_iter()
        .chain(times.iter().copied())
        .find_map(|index| {
            dom.element(index)?
                .attr("datetime")
                .and_then(parse_date_value)
        })
    {
        candidates.push((date, DateSource::TimeElement, false));
    }
    if let Some(date) = (0..dom.len()).find_map(|index| {
        let element = dom.element(index)?;
        if element.name() == "meta"
            || !element
                .attr("itemprop")
                .is_some_and(|prop| prop.eq_ignore_ascii_case("datePublished"))
        {
            return None;
        }
        element
            .attr("content")
            .or_else(|| element.attr("datetime"))
            .and_then(parse_date_value)
            .or_else(|| find_text_date(&dom.raw_text(index)))
    }) {
        candidates.push((date, DateSource::Microdata, false));
    }
    let from_url = url.and_then(url_date);
    if let Some(date) = from_url {
        candidates.push((date, DateSource::Url, false));
    }
    let lead_date = lead_lines
        .iter()
        .filter(|line| line.chars().count() <= 150)
        .find_map(|line| find_text_date(line));
    if let Some(date) = lead_date.or_else(|| byline_date(sources)) {
        candidates.push((date, DateSource::Byline, false));
    }
    let (date, source, utc) = candidates.into_iter().find(|&(date, _, _)| usable(date))?;
    // A UTC timestamp can fall on the next or previous day of the publisher's own calendar;
    // a date in the URL one day off is that local day.
    if utc
        && let Some(local) = from_url
        && days_between(date, local).is_some_and(|days| days.abs() == 1)
        && usable(local)
    {
        return Some((local, DateSource::Url));
    }
    Some((date, source))
}

/// A date written in a dateline or byline element before the end of the article.
fn byline_date(sources: &Sources) -> Option<PublishedDate> {
    let Sources {
        dom, main, zone, ..
    } = sources;
    let (dom, main) = (*dom, *main);
    let main_end = dom.nodes[main].end;
    const HINTS: &[&str] = &[
        "date",
        "time",
        "publish",
        "posted",
        "byline",
        "meta",
        "timestamp",
    ];
    (0..main_end).find_map(|index| {
        let node = &dom.nodes[index];
        let hinted = [node.class, node.id].iter().any(|value| {
            HINTS.iter().any(|hint| contains_ignore_case(value, hint))
                && !contains_ignore_case(value, "update")
        });
        if !hinted || zone[index] {
            return None;
        }
        let text = dom.raw_text(index);
        if text.len() > 300 {
            return None;
        }
        find_text_date(&text)
    })
}

/// For every node, whether it sits inside navigation, a sidebar, a footer, related stories or
/// comments: dates and names there belong to other stories. Wrappers of the article body
/// itself (a `<body class="has-sidebar">`) do not count.
fn furniture_zone(dom: &Dom, main: usize) -> Vec<bool> {
    dom.under(|element| {
        let class = dom.nodes[element].class;
        !dom.contains(element, main)
            && (matches!(dom.tag(element), "nav" | "aside" | "footer")
                || ["related", "sidebar", "comment"]
                    .iter()
                    .any(|word| contains_ignore_case(class, word)))
    })
}

fn read_authors(sources: &Sources, publication_names: &[&str]) -> Vec<String> {
    let Sources {
        dom,
        tags: page,
        json_ld,
        article,
        main,
        lead_lines,
        zone,
        ..
    } = sources;
    let (dom, article, main) = (*dom, *article, *main);
    let accept = |names: Vec<String>| -> Vec<String> {
        let mut people: Vec<String> = Vec::new();
        for name in names {
            let name = capitalise_shouted(&name);
            if looks_like_person(&name, publication_names) && !people.contains(&name) {
                people.push(name);
            }
        }
        people
    };

    // 1. JSON-LD: people only; an organisation as author is skipped.
    if let Some(item) = article
        && let Some(author) = item.get("author").or_else(|| item.get("creator"))
    {
        let entries: Vec<&Value> = match author {
            Value::Array(list) => list.iter().collect(),
            other => vec![other],
        };
        let mut names = Vec::new();
        for entry in entries {
            let entry = json_ld.resolve(entry);
            match entry {
                Value::String(text) => names.extend(split_byline(text)),
                Value::Object(_) => {
                    if has_type(entry, |kind| kind != "Person")
                        && !has_type(entry, |kind| kind == "Person")
                    {
                        continue;
                    }
                    if let Some(name) = entry.get("name").and_then(Value::as_str) {
                        names.extend(split_byline(name));
                    }
                }
                _ => {}
            }
        }
        let people = accept(names);
        if !people.is_empty() {
            return people;
        }
    }

    // 2. Meta tags.
    for key in [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "byl",
    ] {
        let values: Vec<&str> = page
            .metas
            .iter()
            .filter(|(name, _)| name == key)
            .map(|(_, content)| *content)
            .filter(|content| !content.contains("://"))
            .collect();
        let people = accept(values.into_iter().flat_map(split_byline).collect());
        if !people.is_empty() {
            return people;
        }
    }

    // 3. Visible bylines: rel=author links, itemprop=author, byline classes.
    let main_end = dom.nodes[main].end;
    let mut names = Vec::new();
    for (index, &in_zone) in zone.iter().enumerate().take(main_end) {
        let Some(element) = dom.element(index) else {
            continue;
        };
        let is_author_link = element.name() == "a"
            && element
                .attr("rel")
                .is_some_and(|rel| rel.split_ascii_whitespace().any(|word| word == "author"));
        let is_microdata = element
            .attr("itemprop")
            .is_some_and(|prop| prop.eq_ignore_ascii_case("author"));
        if (is_author_link || is_microdata) && !in_zone {
            let text = match element.attr("content") {
                Some(content) if element.name() == "meta" => content.to_string(),
                _ => dom.raw_text(index),
            };
            names.extend(split_byline(&text));
        }
    }
    let people = accept(names);
    if !people.is_empty() {
        return people;
    }
    for (index, &in_zone) in zone.iter().enumerate().take(main_end) {
        let node = &dom.nodes[index];
        let hinted = [node.class, node.id].iter().any(|value| {
            contains_ignore_case(value, "byline") || contains_ignore_case(value, "author")
        });
        if !hinted || in_zone {
            continue;
        }
        let text = squash_whitespace(&dom.raw_text(index));
        if text.is_empty() || text.len() > 150 {
            continue;
        }
        let people = accept(split_byline(&text));
        if !people.is_empty() {
            return people;
        }
    }
    // 4. A line just before the body that starts like a byline ("By ...", "Von ...").
    for line in lead_lines.iter() {
        if starts_like_byline(line) {
            let people = accept(split_byline(line));
            if !people.is_empty() {
                return people;
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_suffixes_leave_titles() {
        assert_eq!(
            strip_outlet_suffix(
                "Ferry to stop in March | Tarnby Gazette",
                Some("Tarnby Gazette")
            ),
            "Ferry to stop in March"
        );
        assert_eq!(
            strip_outlet_suffix(
                "Ferry to stop - tarnbygazette.com",
                Some("tarnbygazette.com")
            ),
            "Ferry to stop"
        );
        assert_eq!(
            strip_outlet_suffix("Left - right politics in Tarnby", Some("Tarnby Gazette")),
            "Left - right politics in Tarnby"
        );
    }

    #[test]
    fn languages_are_normalised() {
        assert_eq!(normalise_language("en_US").as_deref(), Some("en-US"));
        assert_eq!(normalise_language("PT-br").as_deref(), Some("pt-br"));
        assert_eq!(normalise_language("english"), None);
        assert_eq!(normalise_language(""), None);
    }

    #[test]
    fn dates_compare_at_shared_precision() {
        let day = |text| PublishedDate::parse(text).expect("valid date");
        assert!(is_after(day("2021-07-03"), day("2021-07-02")));
        assert!(!is_after(day("2021-07-02"), day("2021-07-02")));
        assert!(!is_after(day("2021-07-20"), day("2021-07")));
        assert!(is_after(day("2021-08"), day("2021-07-31")));
    }
}
