//! The Markdown rendering: sources as a numbered list, citations as `[1][3]`.

use std::fmt::Write;

use corroborate_model::Brief;

pub(crate) fn render(brief: &Brief) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&brief.title));
    let _ = writeln!(out, "## Summary\n");
    if brief.summary.is_empty() {
        let _ = writeln!(out, "_No sentence could be chosen._\n");
    }
    for sentence in &brief.summary {
        let citations: String = sentence
            .sources
            .iter()
            .map(|source| format!("[{}]", source.number()))
            .collect();
        let _ = writeln!(out, "- {} {citations}", escape(&sentence.text));
    }
    let _ = writeln!(out, "\n## Sources\n");
    for source in &brief.sources {
        let mut line = format!(
            "{}. `{}`",
            source.id.number(),
            source.input.replace('`', "'")
        );
        if let Some(title) = &source.title {
            let _ = write!(line, " \u{2014} *{}*", escape(title));
        }
        match source.published {
            Some(date) => {
                let _ = write!(line, " \u{2014} published {date}");
            }
            None => line.push_str(" \u{2014} date unknown"),
        }
        let _ = write!(line, " \u{2014} {} words", source.words);
        let _ = writeln!(out, "{line}");
    }
    if !brief.removed.is_empty() {
        let _ = writeln!(out, "\n## Removed page furniture\n");
        let _ = writeln!(out, "| Source | Reason | Text |\n| --- | --- | --- |");
        for item in &brief.removed {
            let _ = writeln!(
                out,
                "| [{}] | {} | {} |",
                item.source.number(),
                item.reason.as_str(),
                escape(&item.text).replace('|', "\\|")
            );
        }
    }
    out
}

/// Escapes characters Markdown would read as markup, so article text shows as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
