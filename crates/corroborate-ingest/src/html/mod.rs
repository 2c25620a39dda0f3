//! News HTML pages: the article body as paragraphs plus the page's metadata (title, outlet,
//! canonical URL, language, dates, authors). Pure functions over the page text; no I/O.

mod dates;
mod dom;
mod extract;
mod fragment;
mod json_ld;
mod metadata;
mod names;

#[cfg(test)]
mod benchmark;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

use corroborate_model::PublishedDate;
use scraper::Html;

use dom::Dom;
pub use fragment::fragment_text;
pub use metadata::DateSource;

/// What one HTML page says about its article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtractedPage {
    pub title: Option<String>,
    /// The publication: `og:site_name`, the JSON-LD publisher, else the host of the URL.
    pub outlet: Option<String>,
    /// The canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD), else the URL given.
    pub url: Option<String>,
    /// A BCP 47 tag as the page declares it (`en`, `pt-BR`).
    pub language: Option<String>,
    pub published: Option<PublishedDate>,
    /// Where `published` was read, from the most trusted source down.
    pub published_from: Option<DateSource>,
    pub modified: Option<PublishedDate>,
    /// People named as authors, in page order; organisations are left out.
    pub authors: Vec<String>,
    /// The article body, paragraphs separated by blank lines; empty when none was found.
    pub text: String,
}

/// What is known about a page besides its HTML.
#[derive(Clone, Copy, Debug, Default)]
pub struct PageContext<'a> {
    /// Where the page came from; it gives the outlet's host and dates written in the path.
    pub url: Option<&'a str>,
    /// When the page was retrieved (a crawl date): no publication date may lie after it.
    pub retrieved: Option<PublishedDate>,
}

/// Extracts the article and its metadata from an HTML page; `url` is where the page came
/// from, when known.
///
/// ```
/// use corroborate_ingest::extract_html;
/// let page = extract_html(
///     r#"<html lang="en"><head><meta property="og:site_name" content="Tarnby Gazette">
///     <meta name="author" content="Ilse Varga"></head><body>
///     <nav><a href="/">Home</a> <a href="/news">News</a></nav>
///     <article><h1>Ferry to stop in March</h1>
///     <p>The Tarnby ferry will stop running in March, the council said on Monday.</p>
///     <p>About 400 islanders will rely on the new bridge, which opens in February.</p>
///     </article></body></html>"#,
///     Some("https://tarnby.example/2021/07/02/ferry"),
/// );
/// assert_eq!(page.title.as_deref(), Some("Ferry to stop in March"));
/// assert_eq!(page.outlet.as_deref(), Some("Tarnby Gazette"));
/// assert_eq!(page.published.map(|date| date.to_string()).as_deref(), Some("2021-07-02"));
/// assert_eq!(page.authors, ["Ilse Varga"]);
/// assert!(page.text.starts_with("The Tarnby ferry"));
/// assert!(page.text.contains("March, the council said on Monday.\n\nAbout 400"));
/// ```
pub fn extract_html(html: &str, url: Option<&str>) -> ExtractedPage {
    extract_html_with(
        html,
        &PageContext {
            url,
            ..PageContext::default()
        },
    )
}

/// [`extract_html`] with everything known about the page besides its HTML.
pub fn extract_html_with(html: &str, context: &PageContext) -> ExtractedPage {
    let document = Html::parse_document(html);
    let dom = Dom::new(&document);
    let main = extract::main_content(&dom);
    let metadata = metadata::read_metadata(
        &dom,
        context.url,
        context.retrieved,
        main.container,
        &main.lead_lines,
    );
    ExtractedPage {
        text: main.text(metadata.title.as_deref()),
        title: metadata.title,
        outlet: metadata.outlet,
        url: metadata.url,
        language: metadata.language,
        published: metadata.published.map(|(date, _)| date),
        published_from: metadata.published.map(|(_, source)| source),
        modified: metadata.modified,
        authors: metadata.authors,
    }
}
