//! Direct quotations and who said them.

use crate::Span;

/// Who a quote is attributed to.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Speaker {
    /// The words naming the speaker in the cleaned text (a name, a role or a pronoun).
    pub span: Span,
    /// The speaker's canonical name in the article (a pronoun resolved to the person);
    /// `None` for a pronoun that no one in the article resolves (`“…,” he said`).
    pub name: Option<String>,
    /// The article entity, when the speaker resolved to one.
    pub entity: Option<usize>,
}

/// A direct quotation: the quoted words, the cue that introduces them and the speaker.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Quote {
    /// From the first quoted word to the last, quote marks excluded; a quote running over
    /// several paragraphs or made of several fragments of one sentence is one span.
    pub span: Span,
    /// The quoted words as written; fragments joined by ` … `, paragraphs by a space.
    pub text: String,
    /// The quoted stretches themselves, without the attribution that may interrupt them
    /// (`"We won," she said. "We are back."` has two parts).
    pub parts: Vec<Span>,
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase (`said`, `told`, `according to`).
    pub cue: Option<Span>,
}
