//! A half-open byte range `start..end` that can only exist with `start <= end`.

use std::fmt;
use std::ops::Range;

/// A half-open byte range. The fields are private so that `start <= end` always holds.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Builds a span; `start <= end` is a caller invariant (spans come from scanning text
    /// left to right), so breaking it is a bug, not bad input.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// Builds a span when `start <= end`, `None` otherwise.
    pub fn try_new(start: usize, end: usize) -> Option<Span> {
        (start <= end).then_some(Span { start, end })
    }

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains_span(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Moves the span right by `offset` bytes.
    pub fn shift(self, offset: usize) -> Span {
        Span {
            start: self.start + offset,
            end: self.end + offset,
        }
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reversed_span_is_refused() {
        assert_eq!(Span::try_new(5, 4), None);
        assert_eq!(Span::try_new(4, 4).map(Span::len), Some(0));
    }

    #[test]
    fn cover_spans_both() {
        assert_eq!(Span::new(3, 5).cover(Span::new(1, 4)), Span::new(1, 5));
        assert!(Span::new(1, 9).contains_span(Span::new(2, 9)));
        assert!(!Span::new(1, 9).contains_span(Span::new(0, 2)));
    }
}
