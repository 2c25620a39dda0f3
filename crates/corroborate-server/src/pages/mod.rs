//! The HTML pages: server-rendered, usable without JavaScript, one shared stylesheet, every
//! piece of stored text escaped.

mod article;
mod layout;
mod search;
mod stories;
mod story;

pub use article::{article, article_by_query};
pub use layout::error_page;
pub use search::search;
pub use stories::story_list;
pub(crate) use story::{Cached, cached_or_record, parse_and_keep};
pub use story::{story, story_section};
