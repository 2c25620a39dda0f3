//! The HTML rendering: one self-contained page (inline CSS, no script, no network), every
//! piece of article text escaped.

use std::fmt::Write;

use corroborate_model::{Brief, FactStatus, SourceId};

use crate::grouping::{
    check_words, copy_note, count_sources, fact_label, quotes_by_speaker, shown_facts, source_name,
    timeline_date, value_note,
};

const STYLE: &str = "
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
ol.summary li{margin:.4rem 0}.cite a{font-size:.8rem;text-decoration:none;margin-left:.2rem;color:#0b5cad}
.sources li{margin:.3rem 0}.meta{color:#666;font-size:.9rem}
.disputed{color:#a40000}.check{color:#444;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
@media print{a{color:inherit}}
";

/// The page head and the opening of the main element.
fn head(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    let _ = writeln!(
        out,
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>",
        escape(title)
    );
}

/// One story in an index of briefs.
#[derive(Clone, Debug)]
pub struct IndexEntry {
    /// `T1`.
    pub label: String,
    pub title: String,
    /// The brief page, relative to the index.
    pub href: String,
    pub articles: usize,
    /// `2024-03-15` or `2024-03-15 to 2024-03-16`; empty when no article is dated.
    pub dates: String,
}

/// A self-contained page linking the briefs of a collection's stories, in story order.
pub fn index_page(heading: &str, entries: &[IndexEntry]) -> String {
    let mut out = String::new();
    head(&mut out, heading);
    let _ = writeln!(out, "<h1>{}</h1>\n<ol class=\"sources\">", escape(heading));
    for entry in entries {
        let count = match entry.articles {
            1 => "1 article".to_string(),
            n => format!("{n} articles"),
        };
        let dates = if entry.dates.is_empty() {
            String::new()
        } else {
            format!(", {}", escape(&entry.dates))
        };
        let _ = writeln!(
            out,
            "<li><a href=\"{}\">{}</a> <span class=\"meta\">{} ({count}{dates})</span></li>",
            escape(&entry.href),
            escape(&entry.title),
            escape(&entry.label),
        );
    }
    out.push_str("</ol>\n</main>\n</body>\n</html>\n");
    out
}

pub(crate) fn render(brief: &Brief) -> String {
    let mut out = String::new();
    head(&mut out, &brief.title);
    let _ = writeln!(out, "<h1>{}</h1>", escape(&brief.title));
    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<ol class=\"summary\">\n");
    for sentence in &brief.summary {
        let _ = write!(out, "<li>{}<span class=\"cite\">", escape(&sentence.text));
        for evidence in &sentence.evidence {
            let _ = write!(
                out,
                "<a href=\"#{0}\" title=\"bytes {1}\u{2013}{2} of {0}\">[{0}]</a>",
                evidence.source,
                evidence.span.start(),
                evidence.span.end()
            );
        }
        out.push_str("</span></li>\n");
    }
    out.push_str("</ol>\n</section>\n");
    facts_section(brief, &mut out);
    quotes_section(brief, &mut out);
    additions_section(brief, &mut out);
    timeline_section(brief, &mut out);
    entities_section(brief, &mut out);
    out.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n");
    for source in &brief.sources {
        let _ = write!(
            out,
            "<li id=\"{}\"><strong>{}</strong> <code>{}</code>",
            source.id,
            source.id,
            escape(&source.input)
        );
        if let Some(title) = &source.title {
            let _ = write!(out, "<br><em>{}</em>", escape(title));
        }
        let published = source.published.map_or_else(
            || "date unknown".to_string(),
            |date| format!("published {date}"),
        );
        let _ = writeln!(
            out,
            "<br><span class=\"meta\">{published} \u{b7} {} words</span></li>",
            source.words
        );
    }
    out.push_str("</ol>\n");
    for group in &brief.copies {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&copy_note(group)));
    }
    out.push_str("</section>\n");
    if !brief.removed.is_empty() {
        out.push_str("<section id=\"removed\">\n<h2>Removed page furniture</h2>\n<details>\n");
        let _ = writeln!(
            out,
            "<summary>{} lines removed from the sources</summary>",
            brief.removed.len()
        );
        out.push_str("<table>\n<tr><th>Source</th><th>Reason</th><th>Text</th></tr>\n");
        for item in &brief.removed {
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#{0}\">{0}</a></td><td>{1}</td><td>{2}</td></tr>",
                item.source,
                escape(item.reason.as_str()),
                escape(&item.text)
            );
        }
        out.push_str("</table>\n</details>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Disputed facts first, each value with its sources, then the checks.
fn facts_section(brief: &Brief, out: &mut String) {
    let facts = shown_facts(brief);
    if facts.is_empty() {
        return;
    }
    out.push_str("<section id=\"facts\">\n<h2>Facts</h2>\n<ul class=\"facts\">\n");
    let mut explained: Vec<&str> = Vec::new();
    for fact in facts {
        let status = if fact.status == FactStatus::Disputed {
            "<strong class=\"disputed\">disputed</strong>"
        } else {
            "agreed"
        };
        let _ = write!(
            out,
            "<li id=\"{}\">{} ({status})<ul>",
            fact.id,
            escape(&fact_label(fact))
        );
        for value in &fact.values {
            let _ = write!(
                out,
                "<li><strong>{}</strong> <span class=\"meta\">{}</span>{}</li>",
                escape(&value.display),
                escape(&value_note(value)),
                cite_links(&value.sources)
            );
        }
        for check in &fact.checks {
            let (verdict, explanation) = check_words(check, &mut explained);
            let _ = write!(
                out,
                "<li class=\"check\">check: {} {verdict}: {}</li>",
                escape(&check.rule),
                escape(explanation)
            );
        }
        out.push_str("</ul></li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// Quotes grouped by speaker, with wording variants.
fn quotes_section(brief: &Brief, out: &mut String) {
    if brief.quotes.is_empty() {
        return;
    }
    out.push_str("<section id=\"quotes\">\n<h2>Who said what</h2>\n");
    for (speaker, quotes) in quotes_by_speaker(brief) {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<ul class=\"quotes\">",
            escape(speaker.unwrap_or("Speaker not identified"))
        );
        for quote in quotes {
            let _ = write!(
                out,
                "<li id=\"{}\"><q>{}</q> <span class=\"meta\">{}</span>{}",
                quote.id,
                escape(&quote.text),
                count_sources(quote.sources.len()),
                cite_links(&quote.sources)
            );
            if quote.variants.len() > 1 {
                out.push_str("<ul class=\"variants\">");
                for variant in &quote.variants {
                    let _ = write!(
                        out,
                        "<li>wording: <q>{}</q>{}</li>",
                        escape(&variant.text),
                        cite_links(&variant.sources)
                    );
                }
                out.push_str("</ul>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// Per source, what no other source carries, each item linked to its passages.
fn additions_section(brief: &Brief, out: &mut String) {
    if brief.additions.is_empty() {
        return;
    }
    out.push_str("<section id=\"additions\">\n<h2>What each source adds</h2>\n");
    for addition in &brief.additions {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<ul class=\"additions\">",
            escape(&source_name(brief, addition.source))
        );
        for item in &addition.items {
            let _ = write!(out, "<li>{}<span class=\"cite\">", escape(&item.text));
            for evidence in &item.evidence {
                let _ = write!(
                    out,
                    "<a href=\"#{0}\" title=\"bytes {1}\u{2013}{2} of {0}\">[{0}]</a>",
                    evidence.source,
                    evidence.span.start(),
                    evidence.span.end()
                );
            }
            out.push_str("</span></li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// Dated events in date order.
fn timeline_section(brief: &Brief, out: &mut String) {
    if brief.timeline.is_empty() {
        return;
    }
    out.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n<ul class=\"timeline\">\n");
    for entry in &brief.timeline {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong> {}{}</li>",
            escape(&timeline_date(&entry.when)),
            escape(&entry.text),
            cite_links(&entry.sources)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// Entities named at least twice, with roles and other names.
fn entities_section(brief: &Brief, out: &mut String) {
    let people: Vec<_> = brief
        .entities
        .iter()
        .filter(|entity| entity.mentions >= 2 || entity.sources.len() >= 2)
        .collect();
    if people.is_empty() {
        return;
    }
    out.push_str("<section id=\"entities\">\n<h2>Who is in the story</h2>\n<ul>\n");
    for entity in people {
        let _ = write!(
            out,
            "<li id=\"{}\"><strong>{}</strong> <span class=\"meta\">{}, {} mentions, {}</span>",
            entity.id,
            escape(&entity.name),
            entity.kind.as_str(),
            entity.mentions,
            count_sources(entity.sources.len())
        );
        if !entity.roles.is_empty() {
            let _ = write!(out, ": {}", escape(&entity.roles.join("; ")));
        }
        if !entity.aliases.is_empty() {
            let _ = write!(out, "; also {}", escape(&entity.aliases.join(", ")));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// Citation links to the source list.
fn cite_links(sources: &[SourceId]) -> String {
    let mut out = String::from("<span class=\"cite\">");
    for source in sources {
        let _ = write!(out, "<a href=\"#{source}\">[{source}]</a>");
    }
    out.push_str("</span>");
    out
}

/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"`
/// and `'` become character references, so no text can open an element or leave an attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }
}
