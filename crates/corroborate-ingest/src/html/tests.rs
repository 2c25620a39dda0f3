//! Invented pages, one per metadata rule and per kind of page furniture. Every outlet, person
//! and event in them is made up.

use corroborate_model::PublishedDate;

use super::{DateSource, ExtractedPage, PageContext, extract_html, extract_html_with};

const FIRST: &str =
    "The Tarnby ferry will stop running in March, the island council said on Monday.";
const SECOND: &str =
    "About 400 islanders will rely on the new causeway, which opens to cars in February.";
const THIRD: &str = "Harbour master Olle Brandt said the last crossing would be free for everyone.";

/// A page with `head` inside `<head>` and `body` inside `<body>`.
fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
}

/// The three invented paragraphs with `furniture` placed between the first and the second.
fn article_with(furniture: &str) -> String {
    page(
        "<title>Ferry to stop</title>",
        &format!("<article><p>{FIRST}</p>{furniture}<p>{SECOND}</p><p>{THIRD}</p></article>"),
    )
}

fn body_of(html: &str) -> String {
    extract_html(html, None).text
}

fn expected_body() -> String {
    format!("{FIRST}\n\n{SECOND}\n\n{THIRD}")
}

fn day(text: &str) -> PublishedDate {
    PublishedDate::parse(text).expect("a valid test date")
}

fn published(page: &ExtractedPage) -> (String, Option<DateSource>) {
    (
        page.published
            .map_or_else(|| "none".to_string(), |date| date.to_string()),
        page.published_from,
    )
}

// --- Page furniture -------------------------------------------------------------------------

#[test]
fn navigation_is_dropped() {
    let html = page(
        "",
        &format!(
            "<nav><a href='/'>Home</a> <a href='/island'>Island</a> <a href='/sport'>Sport</a></nav>\
             <div class='main-menu'><ul><li><a href='/a'>Weather</a></li><li><a href='/b'>Tides</a></li></ul></div>\
             <div class='breadcrumbs'><a href='/'>Home</a> › <a href='/island'>Island news</a></div>\
             <article><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article>"
        ),
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn related_links_are_dropped() {
    let related = "<aside class='related-stories'><h3>Related</h3><ul>\
        <li><a href='/1'>Causeway opening date set after long delays on the island</a></li>\
        <li><a href='/2'>Council approves new ferry timetable for the summer season</a></li></ul></aside>";
    let cards = "<div class='grid'>\
        <div class='card'><h4><a href='/3'>Lighthouse repainted in red for the first time</a></h4>\
        <p>Volunteers spent three weekends on the work, which the council paid for.</p></div>\
        <div class='card'><h4><a href='/4'>Tarnby choir wins the regional contest again</a></h4>\
        <p>The choir sang four songs in the final round, one of them in the island dialect.</p></div>\
        <div class='card'><h4><a href='/5'>New bakery opens on the harbour front this week</a></h4>\
        <p>The owners moved from the mainland last year and bake rye bread every morning.</p></div>\
        </div>";
    let html = page(
        "",
        &format!(
            "<article><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>\
             <p>Read more: <a href='/6'>Ferry timetable</a></p></article>{related}{cards}"
        ),
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn comments_are_dropped_even_when_longer_than_the_article() {
    let comment = "I have taken that ferry every week for thirty years and I will miss the crew, \
                   who always had coffee ready for the early crossing in winter.";
    let comments: String = (0..6)
        .map(|n| {
            format!("<div class='comment'><p class='author'>Reader {n}</p><p>{comment}</p></div>")
        })
        .collect();
    let html = page(
        "",
        &format!(
            "<article><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article>\
             <section id='comments'><h3>6 comments</h3>{comments}</section>"
        ),
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn cookie_banners_are_dropped() {
    let html = page(
        "",
        &format!(
            "<div class='cookie-consent'><p>We use cookies to improve your experience on our site \
             and to show you relevant advertising. By continuing you agree to our use of cookies.</p>\
             <button>Accept</button></div>\
             <article><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article>\
             <div id='gdpr-banner'>Your privacy matters to us. Read how we handle your data.</div>"
        ),
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn share_buttons_are_dropped() {
    let html = article_with(
        "<ul class='share-buttons'><li><a href='#'>Facebook</a></li><li><a href='#'>Email</a></li></ul>\
         <p>Share this article</p><div class='socialShare'>Share on your network</div>",
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn newsletter_boxes_are_dropped() {
    let html = article_with(
        "<div class='newsletter-signup'><h4>Get the Tarnby Morning</h4>\
         <p>Sign up for our daily briefing of island news, delivered at six every morning.</p>\
         <form><input type='email'><button>Subscribe</button></form></div>",
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn captions_inside_the_article_are_dropped() {
    let html = article_with(
        "<figure><img src='quay.jpg' alt='The quay'><figcaption>The quay at dawn, seen from the \
         ferry's upper deck.</figcaption></figure>\
         <div class='image'><img src='crew.jpg'><span class='imageCaption'>The crew in 1998.</span></div>\
         <p>The old ferry in its last summer (Photo: Tarnby Gazette)</p>",
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn advertisement_labels_and_hidden_text_are_dropped() {
    let html = article_with(
        "<div class='ad-slot'><span>Advertisement</span></div><p>Advertisement</p>\
         <p style='display: none'>This paragraph is hidden from readers of the page.</p>\
         <p hidden>Neither is this one, which only a script would show to readers.</p>\
         <script>var tracking = 'This script is not text either.';</script>\
         <style>p { color: black; }</style>",
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn headline_byline_and_dateline_are_not_body_text() {
    let html = page(
        "<meta property='og:title' content='Tarnby ferry to stop in March'>",
        &format!(
            "<article><h1>Tarnby ferry to stop in March</h1><div class='byline'>By Ilse Varga</div>\
             <p class='date'>March 4, 2021</p><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article>"
        ),
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn a_wrapper_named_like_furniture_keeps_its_article() {
    let html = page(
        "",
        &format!(
            "<div class='layout with-sidebar'><div class='content'><p>{FIRST}</p><p>{SECOND}</p>\
             <p>{THIRD}</p></div><div class='sidebar'><a href='/x'>Most read</a></div></div>"
        ),
    );
    assert_eq!(body_of(&html), expected_body());
}

#[test]
fn subheadings_lists_tables_and_embedded_posts_are_kept() {
    let html = article_with(
        "<h2>What changes for islanders</h2>\
         <ul><li>Cars cross the causeway free of charge until June.</li>\
         <li>Buses run every hour from the harbour to the mainland station.</li></ul>\
         <table><tr><th>Month</th><th>Crossings</th></tr><tr><td>January</td><td>62</td></tr></table>\
         <div class='social-media-embed'><blockquote class='twitter-tweet'><p>Last ferry \
         tickets sold out in an hour, which says it all about this island.</p></blockquote></div>",
    );
    let text = body_of(&html);
    assert_eq!(
        text,
        format!(
            "{FIRST}\n\nWhat changes for islanders\n\n\
             Cars cross the causeway free of charge until June.\n\n\
             Buses run every hour from the harbour to the mainland station.\n\n\
             Month Crossings\n\nJanuary 62\n\n\
             Last ferry tickets sold out in an hour, which says it all about this island.\n\n\
             {SECOND}\n\n{THIRD}"
        )
    );
}

#[test]
fn line_breaks_split_lines_and_double_breaks_split_paragraphs() {
    let html = page(
        "",
        "<div class='post'>The ferry leaves at six.<br>It returns at nine,\n  weather permitting.\
         <br><br>The council meets on Thursday to decide on the winter timetable for next year.\
         <br><br>Tickets are sold at the harbour office, which opens at half past five.</div>",
    );
    assert_eq!(
        body_of(&html),
        "The ferry leaves at six.\nIt returns at nine, weather permitting.\n\n\
         The council meets on Thursday to decide on the winter timetable for next year.\n\n\
         Tickets are sold at the harbour office, which opens at half past five."
    );
}

#[test]
fn a_page_without_text_gives_an_empty_body() {
    assert_eq!(body_of(""), "");
    assert_eq!(body_of("<html><body><img src='x.png'></body></html>"), "");
    assert_eq!(body_of("<script>only()</script>"), "");
}

// --- Dates ------------------------------------------------------------------------------------

/// A page whose head and body carry the given date sources.
fn dated(head: &str, body: &str) -> String {
    page(
        head,
        &format!("<article>{body}<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article>"),
    )
}

const JSON_LD: &str = r#"<script type="application/ld+json">{"@context": "https://schema.org",
    "@type": "NewsArticle", "headline": "Ferry to stop", "datePublished": "2021-07-02T09:00:00+02:00",
    "dateModified": "2021-07-03T10:00:00+02:00"}</script>"#;
const META: &str =
    r#"<meta property="article:published_time" content="2021-06-30T08:00:00+02:00">"#;
const TIME: &str = r#"<time datetime="2021-06-29">29 June</time>"#;
const MICRODATA: &str = r#"<span itemprop="datePublished" content="2021-06-28">28 June</span>"#;
const URL: &str = "https://tarnby.example/news/2021/06/27/ferry";
const BYLINE: &str = r#"<p class="dateline">Published 26 June 2021</p>"#;

#[test]
fn dates_follow_the_order_of_trust() {
    let everything = dated(
        &format!("{JSON_LD}{META}"),
        &format!("{TIME}{MICRODATA}{BYLINE}"),
    );
    let cases = [
        (
            everything.as_str(),
            Some(URL),
            ("2021-07-02", DateSource::JsonLd),
        ),
        (
            &dated(META, &format!("{TIME}{MICRODATA}{BYLINE}")),
            Some(URL),
            ("2021-06-30", DateSource::MetaTag),
        ),
        (
            &dated("", &format!("{TIME}{MICRODATA}{BYLINE}")),
            Some(URL),
            ("2021-06-29", DateSource::TimeElement),
        ),
        (
            &dated("", &format!("{MICRODATA}{BYLINE}")),
            Some(URL),
            ("2021-06-28", DateSource::Microdata),
        ),
        (
            &dated("", BYLINE),
            Some(URL),
            ("2021-06-27", DateSource::Url),
        ),
        (&dated("", BYLINE), None, ("2021-06-26", DateSource::Byline)),
    ];
    for (html, url, (date, source)) in cases {
        let extracted = extract_html(html, url);
        assert_eq!(
            published(&extracted),
            (date.to_string(), Some(source)),
            "{html}"
        );
    }
}

#[test]
fn the_modified_date_is_kept_separately() {
    let extracted = extract_html(&dated(JSON_LD, ""), None);
    assert_eq!(extracted.published, Some(day("2021-07-02")));
    assert_eq!(extracted.modified, Some(day("2021-07-03")));
    let from_meta = dated(
        r#"<meta property="article:modified_time" content="2021-08-01T00:00:00Z">"#,
        "",
    );
    assert_eq!(
        extract_html(&from_meta, None).modified,
        Some(day("2021-08-01"))
    );
}

#[test]
fn a_date_after_the_page_was_modified_is_rejected() {
    // The JSON-LD claims publication after the page's own last modification: the next source
    // in the order of trust is used instead.
    let head = r#"<script type="application/ld+json">{"@type": "NewsArticle",
        "datePublished": "2031-01-01", "dateModified": "2021-07-03"}</script>"#;
    let extracted = extract_html(&dated(&format!("{head}{META}"), ""), None);
    assert_eq!(
        published(&extracted),
        ("2021-06-30".to_string(), Some(DateSource::MetaTag))
    );
}

#[test]
fn a_date_after_retrieval_is_rejected() {
    let html = dated(META, BYLINE);
    let context = PageContext {
        url: None,
        retrieved: Some(day("2021-06-27")),
    };
    let extracted = extract_html_with(&html, &context);
    assert_eq!(
        published(&extracted),
        ("2021-06-26".to_string(), Some(DateSource::Byline))
    );
    let too_early = PageContext {
        url: None,
        retrieved: Some(day("2021-06-01")),
    };
    assert_eq!(extract_html_with(&html, &too_early).published, None);
}

#[test]
fn a_utc_timestamp_gives_way_to_the_local_day_in_the_url() {
    // 02:30 UTC on 3 July is still 2 July where the paper is; its URL says so.
    let head = r#"<meta property="article:published_time" content="2021-07-03T02:30:00Z">"#;
    let extracted = extract_html(
        &dated(head, ""),
        Some("https://tarnby.example/2021/07/02/ferry"),
    );
    assert_eq!(
        published(&extracted),
        ("2021-07-02".to_string(), Some(DateSource::Url))
    );
    // Two days apart is not a time-zone difference: the metadata wins.
    let extracted = extract_html(
        &dated(head, ""),
        Some("https://tarnby.example/2021/07/01/ferry"),
    );
    assert_eq!(
        published(&extracted),
        ("2021-07-03".to_string(), Some(DateSource::MetaTag))
    );
}

#[test]
fn placeholder_dates_are_ignored() {
    let head = r#"<script type="application/ld+json">{"@type": "NewsArticle",
        "datePublished": "0001-01-01T00:00:00Z"}</script>"#;
    let extracted = extract_html(&dated(head, ""), Some(URL));
    assert_eq!(
        published(&extracted),
        ("2021-06-27".to_string(), Some(DateSource::Url))
    );
}

#[test]
fn json_ld_in_a_graph_with_trailing_commas_is_read() {
    let head = r##"<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "#site", "name": "Tarnby Gazette"},
        {"@type": "Person", "@id": "#ilse", "name": "Ilse Varga"},
        {"@type": "NewsArticle", "author": {"@id": "#ilse"}, "datePublished": "2021-07-02",
         "publisher": {"@type": "Organization", "name": "Tarnby Gazette", }, },
    ]}</script>"##;
    let extracted = extract_html(&dated(head, ""), None);
    assert_eq!(
        published(&extracted),
        ("2021-07-02".to_string(), Some(DateSource::JsonLd))
    );
    assert_eq!(extracted.authors, ["Ilse Varga"]);
    assert_eq!(extracted.outlet.as_deref(), Some("Tarnby Gazette"));
}

// --- Authors ----------------------------------------------------------------------------------

fn authors_of(head: &str, body: &str) -> Vec<String> {
    extract_html(&dated(head, body), Some("https://tarnbygazette.example/a")).authors
}

#[test]
fn json_ld_people_are_authors_and_organisations_are_not() {
    let people = r#"<script type="application/ld+json">{"@type": "NewsArticle", "author": [
        {"@type": "Person", "name": "Ilse Varga"}, {"@type": "Person", "name": "Tomas Brandt"},
        {"@type": "Organization", "name": "Gazette Wire Service"}]}</script>"#;
    assert_eq!(authors_of(people, ""), ["Ilse Varga", "Tomas Brandt"]);
    // An organisation as the only JSON-LD author: the meta tag names the person.
    let organisation = r#"<script type="application/ld+json">{"@type": "NewsArticle",
        "author": {"@type": "Organization", "name": "Tarnby Gazette"}}</script>
        <meta name="author" content="Pia Lund">"#;
    assert_eq!(authors_of(organisation, ""), ["Pia Lund"]);
}

#[test]
fn meta_authors_are_split_and_roles_dropped() {
    let head = r#"<meta name="author" content="By Ilse Varga and Tomas Brandt, Staff Writers">"#;
    assert_eq!(authors_of(head, ""), ["Ilse Varga", "Tomas Brandt"]);
    let shouted = r#"<meta name="author" content="ODILE MARCHETTI">"#;
    assert_eq!(authors_of(shouted, ""), ["Odile Marchetti"]);
}

#[test]
fn visible_bylines_name_authors() {
    let rel = r#"<p>By <a rel="author" href="/people/pia-lund">Pia Lund</a></p>"#;
    assert_eq!(authors_of("", rel), ["Pia Lund"]);
    let class = r#"<div class="article-byline">By Tomas Brandt | 2 July 2021</div>"#;
    assert_eq!(authors_of("", class), ["Tomas Brandt"]);
    let plain = r#"<p>By Odile Marchetti</p>"#;
    assert_eq!(authors_of("", plain), ["Odile Marchetti"]);
}

#[test]
fn organisations_and_the_outlet_are_never_authors() {
    for head in [
        r#"<meta name="author" content="Tarnby Gazette Staff">"#,
        r#"<meta name="author" content="Associated Press">"#,
        r#"<meta name="author" content="admin">"#,
        r#"<meta property="og:site_name" content="Harbour Light"><meta name="author" content="Harbour Light">"#,
        r#"<meta name="author" content="Tarnby Gazette">"#,
    ] {
        assert_eq!(authors_of(head, ""), Vec::<String>::new(), "{head}");
    }
}

// --- Title, outlet, URL, language -------------------------------------------------------------

#[test]
fn title_prefers_og_title_without_the_outlet_suffix() {
    let head = r#"<title>Ferry to stop | Tarnby Gazette</title>
        <meta property="og:site_name" content="Tarnby Gazette">
        <meta property="og:title" content="Tarnby ferry to stop in March | Tarnby Gazette">"#;
    let extracted = extract_html(&dated(head, ""), None);
    assert_eq!(
        extracted.title.as_deref(),
        Some("Tarnby ferry to stop in March")
    );
    let only_title = extract_html(
        &dated("<title>Ferry to stop - Tarnby Gazette</title>", ""),
        Some("https://tarnbygazette.example/a"),
    );
    assert_eq!(only_title.title.as_deref(), Some("Ferry to stop"));
}

#[test]
fn outlet_comes_from_site_name_publisher_or_host() {
    let site_name = r#"<meta property="og:site_name" content="Tarnby Gazette">"#;
    let publisher = r#"<script type="application/ld+json">{"@type": "NewsArticle",
        "publisher": {"@type": "Organization", "name": "Harbour Light"}}</script>"#;
    let url = Some("https://www.tarnbygazette.example/2021/07/02/ferry");
    let outlet = |head: &str| extract_html(&dated(head, ""), url).outlet;
    assert_eq!(outlet(site_name).as_deref(), Some("Tarnby Gazette"));
    assert_eq!(outlet(publisher).as_deref(), Some("Harbour Light"));
    assert_eq!(outlet("").as_deref(), Some("tarnbygazette.example"));
    assert_eq!(extract_html(&dated("", ""), None).outlet, None);
}

#[test]
fn canonical_url_is_made_absolute() {
    let url = Some("https://tarnby.example/news/ferry?utm=feed");
    let canonical = |head: &str| extract_html(&dated(head, ""), url).url;
    assert_eq!(
        canonical(r#"<link rel="canonical" href="/news/ferry">"#).as_deref(),
        Some("https://tarnby.example/news/ferry")
    );
    assert_eq!(
        canonical(r#"<meta property="og:url" content="https://tarnby.example/f">"#).as_deref(),
        Some("https://tarnby.example/f")
    );
    assert_eq!(canonical("").as_deref(), url);
}

#[test]
fn language_comes_from_the_page() {
    let language = |html: &str| extract_html(html, None).language;
    assert_eq!(
        language(&format!(
            "<html lang='pt-BR'><body><p>{FIRST}</p></body></html>"
        ))
        .as_deref(),
        Some("pt-BR")
    );
    assert_eq!(
        language(&dated(r#"<meta property="og:locale" content="en_GB">"#, "")).as_deref(),
        Some("en-GB")
    );
    assert_eq!(language(&dated("", "")), None);
}
