//! The HTML rendering: one self-contained page (inline CSS, no script, no network), every
//! piece of article text escaped.

use std::fmt::Write;

use corroborate_model::Brief;

const STYLE: &str = "
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
ol.summary li{margin:.4rem 0}.cite a{font-size:.8rem;text-decoration:none;margin-left:.2rem;color:#0b5cad}
.sources li{margin:.3rem 0}.meta{color:#666;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
@media print{a{color:inherit}}
";

pub(crate) fn render(brief: &Brief) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    let _ = writeln!(
        out,
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>",
        escape(&brief.title)
    );
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
    out.push_str(
        "</ol>\n</section>\n<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n",
    );
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
    out.push_str("</ol>\n</section>\n");
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

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
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
