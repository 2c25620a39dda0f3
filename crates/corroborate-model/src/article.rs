//! An ingested article: its decoded text, where that text sits in the input, and metadata.

use std::fmt;

use crate::{ArticleId, OffsetMap};

/// How much of a publication date is known.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Year => "year",
            DatePrecision::Month => "month",
            DatePrecision::Day => "day",
        }
    }
}

/// A calendar date known to the year, the month or the day (`2021`, `2021-07`, `2021-07-04`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct PublishedDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl PublishedDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the month and day exist.
    pub fn parse(text: &str) -> Option<PublishedDate> {
        let mut parts = text.split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 || !year_text.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let month = match parts.next() {
            None => {
                return Some(PublishedDate {
                    year,
                    month: None,
                    day: None,
                });
            }
            Some(text) => two_digits(text).filter(|month| (1..=12).contains(month))?,
        };
        let day = match parts.next() {
            None => {
                return Some(PublishedDate {
                    year,
                    month: Some(month),
                    day: None,
                });
            }
            Some(text) => {
                two_digits(text).filter(|day| *day >= 1 && *day <= days_in_month(year, month))?
            }
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PublishedDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A date from its parts: a day needs a month, and the month and day must exist.
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Option<PublishedDate> {
        match (month, day) {
            (None, Some(_)) => None,
            (Some(month), _) if !(1..=12).contains(&month) => None,
            (Some(month), Some(day)) if day < 1 || day > days_in_month(year, month) => None,
            _ => Some(PublishedDate { year, month, day }),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> Option<u8> {
        self.month
    }

    pub fn day(self) -> Option<u8> {
        self.day
    }

    /// The first day the date may mean (`2021-07` -> `2021-07-01`).
    pub fn first_day(self) -> PublishedDate {
        let month = self.month.unwrap_or(1);
        PublishedDate {
            year: self.year,
            month: Some(month),
            day: Some(self.day.unwrap_or(1)),
        }
    }

    /// The last day the date may mean (`2021-02` -> `2021-02-28`, `2021` -> `2021-12-31`).
    pub fn last_day(self) -> PublishedDate {
        let month = self.month.unwrap_or(12);
        PublishedDate {
            year: self.year,
            month: Some(month),
            day: Some(self.day.unwrap_or_else(|| days_in_month(self.year, month))),
        }
    }

    pub fn precision(self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }
}

impl fmt::Display for PublishedDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

fn two_digits(text: &str) -> Option<u8> {
    if text.len() != 2 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// One article as read from its input.
#[derive(Clone, Debug)]
pub struct Article {
    pub id: ArticleId,
    /// The input as the user named it (a path, or `-` for standard input).
    pub input: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<PublishedDate>,
    /// The article text, decoded, without any leading metadata field.
    pub text: String,
    /// Maps offsets of `text` to byte offsets of the input as read.
    pub origin: OffsetMap,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_their_precision() {
        let day = PublishedDate::parse("2021-07-04").expect("valid day");
        assert_eq!(
            (day.to_string(), day.precision()),
            ("2021-07-04".into(), DatePrecision::Day)
        );
        let month = PublishedDate::parse("2021-07").expect("valid month");
        assert_eq!(month.precision(), DatePrecision::Month);
        assert_eq!(
            PublishedDate::parse("2021").map(PublishedDate::precision),
            Some(DatePrecision::Year)
        );
    }

    #[test]
    fn a_date_spans_its_first_and_last_day() {
        let span = |text: &str| {
            let date = PublishedDate::parse(text).expect("valid date");
            (date.first_day().to_string(), date.last_day().to_string())
        };
        assert_eq!(span("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(span("2023-02"), ("2023-02-01".into(), "2023-02-28".into()));
        assert_eq!(span("2021"), ("2021-01-01".into(), "2021-12-31".into()));
        assert_eq!(
            span("2021-07-04"),
            ("2021-07-04".into(), "2021-07-04".into())
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2021-02-30",
            "2021-13",
            "21-07-04",
            "2021-7-4",
            "2021-07-04-01",
            "2023-02-29",
        ] {
            assert_eq!(PublishedDate::parse(text), None, "{text}");
        }
        assert!(PublishedDate::parse("2024-02-29").is_some());
    }
}
