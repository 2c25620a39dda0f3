//! Dates an article mentions: the expression, the sentence it is in, and the calendar date
//! it stands for, or the words themselves when the date cannot be worked out.

use std::fmt;

use crate::{PublishedDate, Span};

/// How precisely a mentioned date is known.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum TimePrecision {
    Day,
    Month,
    Year,
    /// Not placed on the calendar: an undated article's `on Tuesday`, or a week.
    Relative,
}

impl TimePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            TimePrecision::Day => "day",
            TimePrecision::Month => "month",
            TimePrecision::Year => "year",
            TimePrecision::Relative => "relative",
        }
    }
}

/// When a date expression points.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum When {
    /// A calendar date known to the year, the month or the day.
    Date(PublishedDate),
    /// A date that cannot be placed: `label` is how a reader should see it (`Tuesday`,
    /// `last month`, `week of 2024-03-11`); `around` is a calendar day it is near, when
    /// known, so it can still be ordered.
    Relative {
        label: String,
        around: Option<PublishedDate>,
    },
}

impl When {
    pub fn precision(&self) -> TimePrecision {
        match self {
            When::Date(date) => match date.precision() {
                crate::DatePrecision::Day => TimePrecision::Day,
                crate::DatePrecision::Month => TimePrecision::Month,
                crate::DatePrecision::Year => TimePrecision::Year,
            },
            When::Relative { .. } => TimePrecision::Relative,
        }
    }

    /// The calendar date used to order it: the date itself, or the day a relative date is
    /// near; `None` when nothing is known.
    pub fn sort_date(&self) -> Option<PublishedDate> {
        match self {
            When::Date(date) => Some(*date),
            When::Relative { around, .. } => *around,
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Date(date) => write!(f, "{date}"),
            When::Relative { label, .. } => f.write_str(label),
        }
    }
}

/// A date expression found in an article.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DateMention {
    /// The expression as written (`on Friday`, `2 July 2021`), in the cleaned text.
    pub span: Span,
    /// Index of the sentence holding it in the article's sentences.
    pub sentence: usize,
    pub when: When,
}
