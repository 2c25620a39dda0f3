//! Diagnostics: bad input reported as data, with the input it concerns.

use std::fmt;

/// How serious a diagnostic is for the run.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Severity {
    /// The input was used, but something about it was repaired or is doubtful.
    Warning,
    /// The input was not used at all.
    Skipped,
}

/// A message about one input, e.g. `cannot read x.txt: no such file`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Diagnostic {
    pub input: String,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn warning(input: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            input: input.into(),
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    pub fn skipped(input: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            input: input.into(),
            severity: Severity::Skipped,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.severity {
            Severity::Warning => "warning",
            Severity::Skipped => "skipped",
        };
        write!(f, "{prefix}: {}: {}", self.input, self.message)
    }
}
