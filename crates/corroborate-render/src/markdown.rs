//! The Markdown rendering: sources as a numbered list, citations as `[1][3]`.

use std::fmt::Write;

use corroborate_model::{Brief, FactStatus, SourceId};

use crate::grouping::{
    check_words, copy_note, count_sources, fact_label, quotes_by_speaker, shown_facts, source_name,
    timeline_date, value_note,
};

pub(crate) fn render(brief: &Brief) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&brief.title));
    let _ = writeln!(out, "## Summary\n");
    if brief.summary.is_empty() {
        let _ = writeln!(out, "_No sentence could be chosen._\n");
    }
    for sentence in &brief.summary {
        let _ = writeln!(
            out,
            "- {} {}",
            escape(&sentence.text),
            cite(&sentence.sources)
        );
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
    let facts = shown_facts(brief);
    if !facts.is_empty() {
        let _ = writeln!(out, "\n## Facts\n");
        let mut explained: Vec<&str> = Vec::new();
        for fact in facts {
            let status = if fact.status == FactStatus::Disputed {
                "**disputed**"
            } else {
                "agreed"
            };
            let _ = writeln!(out, "- {} ({status})", escape(&fact_label(fact)));
            for value in &fact.values {
                let _ = writeln!(
                    out,
                    "  - {} ({}) {}",
                    escape(&value.display),
                    value_note(value),
                    cite(&value.sources)
                );
            }
            for check in &fact.checks {
                let (verdict, explanation) = check_words(check, &mut explained);
                let _ = writeln!(
                    out,
                    "  - check: {} {verdict}: {}",
                    escape(&check.rule),
                    escape(explanation)
                );
            }
        }
    }
    if !brief.quotes.is_empty() {
        let _ = writeln!(out, "\n## Who said what\n");
        for (speaker, quotes) in quotes_by_speaker(brief) {
            let _ = writeln!(
                out,
                "**{}**\n",
                escape(speaker.unwrap_or("Speaker not identified"))
            );
            for quote in quotes {
                let _ = writeln!(
                    out,
                    "- \u{201C}{}\u{201D} ({}) {}",
                    escape(&quote.text),
                    count_sources(quote.sources.len()),
                    cite(&quote.sources)
                );
                if quote.variants.len() > 1 {
                    for variant in &quote.variants {
                        let _ = writeln!(
                            out,
                            "  - wording: \u{201C}{}\u{201D} {}",
                            escape(&variant.text),
                            cite(&variant.sources)
                        );
                    }
                }
            }
            let _ = writeln!(out);
        }
    }
    if !brief.additions.is_empty() {
        let _ = writeln!(out, "\n## What each source adds\n");
        for addition in &brief.additions {
            let _ = writeln!(
                out,
                "**{}**\n",
                escape(&source_name(brief, addition.source))
            );
            for item in &addition.items {
                let mut sources: Vec<SourceId> = item
                    .evidence
                    .iter()
                    .map(|evidence| evidence.source)
                    .collect();
                sources.dedup();
                let _ = writeln!(out, "- {} {}", escape(&item.text), cite(&sources));
            }
            let _ = writeln!(out);
        }
    }
    if !brief.timeline.is_empty() {
        let _ = writeln!(out, "\n## Timeline\n");
        for entry in &brief.timeline {
            let _ = writeln!(
                out,
                "- **{}**: {} {}",
                escape(&timeline_date(&entry.when)),
                escape(&entry.text),
                cite(&entry.sources)
            );
        }
    }
    let people: Vec<_> = brief
        .entities
        .iter()
        .filter(|entity| entity.mentions >= 2 || entity.sources.len() >= 2)
        .collect();
    if !people.is_empty() {
        let _ = writeln!(out, "\n## Who is in the story\n");
        for entity in people {
            let mut line = format!(
                "- **{}** ({}, {} mentions, {})",
                escape(&entity.name),
                entity.kind.as_str(),
                entity.mentions,
                count_sources(entity.sources.len())
            );
            if !entity.roles.is_empty() {
                line.push_str(&format!(": {}", escape(&entity.roles.join("; "))));
            }
            if !entity.aliases.is_empty() {
                line.push_str(&format!("; also {}", escape(&entity.aliases.join(", "))));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    for group in &brief.copies {
        let _ = writeln!(out, "\n{}", escape(&copy_note(group)));
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

/// Citations as `[1][3]`.
fn cite(sources: &[SourceId]) -> String {
    sources
        .iter()
        .map(|source| format!("[{}]", source.number()))
        .collect()
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
