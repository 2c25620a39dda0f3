//! Numeric claims: a figure an article states, what it counts, whose it is, and how sure.

use crate::Span;

/// How a figure is hedged.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Qualifier {
    Exact,
    /// `about`, `around`, `nearly`, `probably`, `some`.
    Approximate,
    /// `more than`, `at least`, `over`.
    AtLeast,
    /// `fewer than`, `up to`, `under`.
    AtMost,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximate => "approximate",
            Qualifier::AtLeast => "lower bound",
            Qualifier::AtMost => "upper bound",
        }
    }
}

/// A figure stated in an article.
#[derive(Clone, PartialEq, Debug)]
pub struct Claim {
    /// The figure as written (`14,512`, `41.7%`, `£2.4 million`), in the cleaned text.
    pub span: Span,
    pub value: f64,
    pub display: String,
    /// What is counted: `votes`, `majority`, `percent turnout`, `age`, `money`, `rank`, or the
    /// counted noun (`schools`). A figure inside a quotation is prefixed `quoted `.
    pub property: String,
    /// The article entity the figure belongs to.
    pub subject: Option<usize>,
    /// What tells otherwise alike figures apart: an occasion or a year (`2019`).
    pub scope: Option<String>,
    /// The part of the whole the figure's clause covers, when it says so: a place (`in
    /// Tarnby`, `in the district`) or a stretch of time (`over four nights`, `in the first
    /// hour`). Alike figures with different extents count different things, so they are
    /// never a dispute; unlike `scope` it does not keep equal values apart.
    pub extent: Option<String>,
    pub qualifier: Qualifier,
}
