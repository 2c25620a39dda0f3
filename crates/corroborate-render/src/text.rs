//! The terminal rendering: headings, a wrapped summary with citations, sources, removals.

use std::fmt::Write;

use corroborate_model::{Brief, FactStatus, SourceId};

use crate::grouping::{
    check_words, copy_note, count_sources, fact_label, quotes_by_speaker, shown_facts, source_name,
    timeline_date, value_note,
};

const WIDTH: usize = 88;

pub(crate) fn render(brief: &Brief, color: bool) -> String {
    let style = Style { color };
    let mut out = String::new();
    let _ = writeln!(out, "{}", style.bold(&brief.title));
    let _ = writeln!(
        out,
        "{}",
        "=".repeat(brief.title.chars().count().min(WIDTH))
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", style.bold("Summary"));
    if brief.summary.is_empty() {
        let _ = writeln!(out, "  (no sentence could be chosen)");
    }
    for sentence in &brief.summary {
        let citation = citations(&sentence.sources);
        let wrapped = wrap(&format!("{} {citation}", sentence.text), WIDTH - 4, "    ");
        let colored = wrapped.replace(&citation, &style.dim(&citation));
        let _ = writeln!(out, "  - {colored}");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", style.bold("Sources"));
    for source in &brief.sources {
        let published = source
            .published
            .map_or_else(|| "date unknown".to_string(), |date| date.to_string());
        let _ = writeln!(
            out,
            "  {:<4}{}  ({published}, {} words)",
            source.id.to_string(),
            source.input,
            source.words
        );
        if let Some(title) = &source.title {
            let _ = writeln!(out, "      {}", style.dim(title));
        }
    }
    let facts = shown_facts(brief);
    if !facts.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", style.bold("Facts"));
        let mut explained: Vec<&str> = Vec::new();
        for fact in facts {
            let status = if fact.status == FactStatus::Disputed {
                style.bold("DISPUTED")
            } else {
                "agreed".to_string()
            };
            let _ = writeln!(out, "  - {} [{status}]", fact_label(fact));
            for value in &fact.values {
                let line = format!(
                    "{} ({}) {}",
                    value.display,
                    value_note(value),
                    citations(&value.sources)
                );
                let _ = writeln!(out, "      {}", wrap(&line, WIDTH - 8, "        "));
            }
            for check in &fact.checks {
                let (verdict, explanation) = check_words(check, &mut explained);
                let line = format!("check: {} {verdict}: {}", check.rule, explanation);
                let _ = writeln!(
                    out,
                    "      {}",
                    style.dim(&wrap(&line, WIDTH - 8, "        "))
                );
            }
        }
    }
    if !brief.quotes.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", style.bold("Who said what"));
        for (speaker, quotes) in quotes_by_speaker(brief) {
            let _ = writeln!(
                out,
                "  {}",
                style.bold(speaker.unwrap_or("Speaker not identified"))
            );
            for quote in quotes {
                let citation = citations(&quote.sources);
                let line = format!(
                    "\u{201C}{}\u{201D} ({}) {citation}",
                    quote.text,
                    count_sources(quote.sources.len())
                );
                let _ = writeln!(out, "    - {}", wrap(&line, WIDTH - 6, "      "));
                if quote.variants.len() > 1 {
                    for variant in &quote.variants {
                        let wording =
                            format!("wording: {} {}", variant.text, citations(&variant.sources));
                        let _ = writeln!(
                            out,
                            "        {}",
                            style.dim(&wrap(&wording, WIDTH - 8, "          "))
                        );
                    }
                }
            }
        }
    }
    if !brief.additions.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", style.bold("What each source adds"));
        for addition in &brief.additions {
            let _ = writeln!(
                out,
                "  {}",
                style.bold(&source_name(brief, addition.source))
            );
            for item in &addition.items {
                let line = format!(
                    "{} {}",
                    item.text,
                    style.dim(&evidence_citations(&item.evidence))
                );
                let _ = writeln!(out, "    - {}", wrap(&line, WIDTH - 6, "      "));
            }
        }
    }
    if !brief.timeline.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", style.bold("Timeline"));
        for entry in &brief.timeline {
            let line = format!(
                "{}: {} {}",
                timeline_date(&entry.when),
                entry.text,
                style.dim(&citations(&entry.sources))
            );
            let _ = writeln!(out, "  - {}", wrap(&line, WIDTH - 4, "    "));
        }
    }
    let people: Vec<_> = brief
        .entities
        .iter()
        .filter(|entity| entity.mentions >= 2 || entity.sources.len() >= 2)
        .collect();
    if !people.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", style.bold("Who is in the story"));
        for entity in people {
            let mut line = format!(
                "{} ({}, {} mentions, {})",
                entity.name,
                entity.kind.as_str(),
                entity.mentions,
                count_sources(entity.sources.len())
            );
            if !entity.roles.is_empty() {
                line.push_str(&format!(": {}", entity.roles.join("; ")));
            }
            if !entity.aliases.is_empty() {
                line.push_str(&format!("; also {}", entity.aliases.join(", ")));
            }
            let _ = writeln!(out, "  - {}", wrap(&line, WIDTH - 4, "    "));
        }
    }
    for group in &brief.copies {
        let _ = writeln!(out, "  {}", wrap(&copy_note(group), WIDTH - 4, "    "));
    }
    if !brief.removed.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}",
            style.bold(&format!("Removed page furniture ({})", brief.removed.len()))
        );
        for item in &brief.removed {
            let _ = writeln!(
                out,
                "  {:<4}{}: {}",
                item.source.to_string(),
                item.reason.as_str(),
                clip(&item.text, 70)
            );
        }
    }
    out
}

/// `[S2 S3]` for the sources an item's evidence is in.
fn evidence_citations(evidence: &[corroborate_model::Evidence]) -> String {
    let mut sources: Vec<SourceId> = evidence.iter().map(|evidence| evidence.source).collect();
    sources.dedup();
    citations(&sources)
}

fn citations(sources: &[SourceId]) -> String {
    let ids: Vec<String> = sources.iter().map(ToString::to_string).collect();
    format!("[{}]", ids.join(" "))
}

/// Wraps at `width` characters, indenting continuation lines.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line_len > 0 && line_len + 1 + len > width {
            out.push('\n');
            out.push_str(indent);
            line_len = 0;
        } else if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += len;
    }
    out
}

fn clip(text: &str, max_chars: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max_chars {
        return one_line;
    }
    let clipped: String = one_line.chars().take(max_chars - 1).collect();
    format!("{clipped}\u{2026}")
}

struct Style {
    color: bool,
}

impl Style {
    fn bold(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn dim(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[2m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}
