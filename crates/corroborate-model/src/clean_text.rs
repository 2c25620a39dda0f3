//! Cleaned text: what an article says once page furniture is removed, with the way back to
//! the input and a record of every removal.

use crate::{Article, OffsetMap, Span};

/// Why a span of the input is not part of the cleaned text.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum RemovalReason {
    VideoPlayer,
    Newsletter,
    RelatedLinks,
    PhotoCredit,
    Caption,
    UpdateNotice,
    Advertisement,
    SocialPrompt,
    RepeatedLine,
    DuplicateParagraph,
}

impl RemovalReason {
    /// The reason as shown to a reader and written in the JSON brief.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::VideoPlayer => "video or audio player notice",
            RemovalReason::Newsletter => "newsletter sign-up or privacy notice",
            RemovalReason::RelatedLinks => "related links",
            RemovalReason::PhotoCredit => "photo credit",
            RemovalReason::Caption => "photo caption",
            RemovalReason::UpdateNotice => "update notice",
            RemovalReason::Advertisement => "advertisement marker",
            RemovalReason::SocialPrompt => "share or follow prompt",
            RemovalReason::RepeatedLine => "line repeated across or within articles",
            RemovalReason::DuplicateParagraph => "paragraph repeated within the article",
        }
    }
}

/// One removed span of the input.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Removal {
    /// Byte offsets into the input as read.
    pub span: Span,
    /// The removed text, as it appeared.
    pub text: String,
    pub reason: RemovalReason,
}

/// An article's text after cleaning.
#[derive(Clone, Debug)]
pub struct CleanText {
    pub article: Article,
    /// The reporting text; the original characters are kept for display.
    pub text: String,
    /// Maps offsets of `text` to byte offsets of the input as read.
    pub map: OffsetMap,
    /// Every removed span, in input order.
    pub removed: Vec<Removal>,
}

impl CleanText {
    /// The input byte span of a span of the cleaned text.
    pub fn input_span(&self, span: Span) -> Span {
        self.map.span_to_input(span)
    }
}
