//! Renders a [`Brief`](corroborate_model::Brief) as bytes: terminal text, Markdown, JSON or
//! one self-contained HTML page. One renderer a file; all are deterministic.

mod analysis;
mod grouping;
mod html;
mod json;
mod markdown;
mod text;

use std::fmt;
use std::str::FromStr;

use corroborate_model::Brief;

pub use analysis::{JsonAnalysis, analysis_line, analysis_line_with};
pub use html::{IndexEntry, escape, index_page};
pub use json::{
    BRIEF_SCHEMA, JsonBrief, JsonCheck, JsonCopyGroup, JsonEntity, JsonEvidence, JsonFact,
    JsonFactValue, JsonQuote, JsonQuoteVariant, JsonRemoved, JsonShared, JsonSource,
    JsonSummarySentence,
};

/// An output format of a brief.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
    Html,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Format, String> {
        match name {
            "text" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "html" => Ok(Format::Html),
            other => Err(format!(
                "unknown format {other:?}: expected text, markdown, json or html"
            )),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Html => "html",
        })
    }
}

/// Choices that change how a rendering looks, not what it says.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// Use ANSI colours (text format only).
    pub color: bool,
}

/// Renders a brief in the given format.
pub fn render(brief: &Brief, format: Format, options: RenderOptions) -> String {
    match format {
        Format::Text => text::render(brief, options.color),
        Format::Markdown => markdown::render(brief),
        Format::Json => json::render(brief),
        Format::Html => html::render(brief),
    }
}
