//! Finds the main text of a news page: the article body as paragraphs, without navigation,
//! related links, comments, share buttons, newsletter boxes or captions.
//!
//! # Why our own extractor
//!
//! Measured on the 181 pages of the article-extraction benchmark with its own metric
//! (`corroborate_eval::score_extraction`), one process each, two rounds on a shared 2-core
//! machine; speed is pages per CPU second of extraction alone:
//!
//! | extractor                        | F1    | P     | R     | exact | pages/CPU s | crates |
//! |----------------------------------|-------|-------|-------|-------|-------------|--------|
//! | Python trafilatura 2.3.1         | 0.960 | 0.942 | 0.978 | 0.293 | 36–40       | -      |
//! | `rs-trafilatura` 0.2.2           | 0.957 | 0.927 | 0.990 | 0.249 | 52–56       | 95     |
//! | `dom_smoothie` 0.19 (text)       | 0.946 | 0.913 | 0.982 | 0.160 | 237–297     | 51     |
//! | this module (on `scraper`)       | 0.980 | 0.975 | 0.985 | 0.420 | 297–334     | 41     |
//!
//! `rs-trafilatura` did not reproduce its reported 0.970 here, is only 1.4 times as fast as
//! Python, and brings a page-type classifier and a markdown converter we do not need.
//! `dom_smoothie` is fast but keeps too much furniture (precision 0.91). Both lose most on the
//! same things: teaser lists and captions inside the article container. So we parse with
//! html5ever (through `scraper`) and own the heuristics, which are few and readable:
//!
//! 1. Elements are marked by tag and by their class/id words: never text (scripts, hidden
//!    elements), paragraph boundaries, links, and furniture (`nav`, `share`, `comments`,
//!    `newsletter`, `caption`...). A wrapper that holds half of the page's prose loses its
//!    furniture mark (`<div class="has-sidebar">` around the article).
//! 2. The visible text is cut into blocks (paragraphs, list items, table rows). A block is
//!    worth its length when it reads like prose (few links, ends like a sentence) and counts
//!    against its container when it is a link list, a short label, furniture, or part of a
//!    teaser card (a small subtree with a headline link and a summary, repeated as siblings).
//! 3. The container is the element whose subtree has the largest net worth; inside it,
//!    furniture, link lists, teaser cards, furniture labels ("Advertisement", "Read more") and
//!    datelines at either end are dropped, and the headline is left to the metadata.
//!
//! The rules are general (no per-site selectors), but they were tuned on these 181 pages, so
//! the figure above is optimistic for unseen sites.

use super::dates::find_text_date;
use super::dom::{Dom, NodeKind, squash_whitespace};

/// The article body found on a page: the element holding it and its paragraphs.
pub(crate) struct MainContent {
    /// The element that holds the article body; the document root when none was found.
    pub container: usize,
    /// Short lines just before the body (nearest first), where bylines and datelines sit.
    pub lead_lines: Vec<String>,
    paragraphs: Vec<Paragraph>,
}

struct Paragraph {
    text: String,
    heading: u8,
}

impl MainContent {
    /// The body as paragraphs separated by blank lines, without a leading repeat of the
    /// title (the headline is metadata, not body text).
    pub fn text(&self, title: Option<&str>) -> String {
        let title_key = title.map(word_key).filter(|key| !key.is_empty());
        let mut text = String::new();
        for (position, paragraph) in self.paragraphs.iter().enumerate() {
            let repeats_title = position < 3
                && (paragraph.heading > 0 || paragraph.text.len() < 300)
                && title_key
                    .as_deref()
                    .is_some_and(|key| word_key(&paragraph.text) == key);
            if repeats_title {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&paragraph.text);
        }
        text
    }
}

/// Marks a `<br>` inside a block while it is collected. Parsers turn NUL in text into
/// U+FFFD, so the marker cannot come from the page.
const LINE_BREAK: char = '\0';

/// How many short lines before the body are kept for bylines and datelines.
const LEAD_LINES: usize = 12;

/// Finds the article body of a page.
pub(crate) fn main_content(dom: &Dom) -> MainContent {
    let mut marks = mark_elements(dom);
    let mut blocks = collect_blocks(dom, &marks);
    if blocks.is_empty() {
        return MainContent {
            container: 0,
            lead_lines: Vec::new(),
            paragraphs: Vec::new(),
        };
    }
    excuse_wrappers(dom, &mut marks, &blocks);
    assign_furniture(dom, &marks, &mut blocks);
    mark_teasers(dom, &mut blocks);
    let container = choose_container(dom, &marks, &blocks);
    let kept = keep_blocks(dom, &blocks, container);
    // The lead is everything before the first paragraph of prose that was kept: headline,
    // byline and dateline live there, inside the container or just before it.
    let first_prose = kept
        .iter()
        .find(|block| prose_value(block) > 0.0 && block.chars >= 40)
        .or(kept.first())
        .map_or(blocks.len(), |first| {
            blocks
                .iter()
                .position(|block| std::ptr::eq(block, *first))
                .unwrap_or(blocks.len())
        });
    let in_page_furniture = dom.under(|index| matches!(dom.tag(index), "nav" | "aside" | "footer"));
    let lead_lines = blocks[..first_prose]
        .iter()
        .rev()
        .filter(|block| block.chars <= 200 && !block.teaser && !in_page_furniture[block.owner])
        .take(LEAD_LINES)
        .map(|block| block.text.clone())
        .collect();
    MainContent {
        container,
        lead_lines,
        paragraphs: kept
            .into_iter()
            .map(|block| Paragraph {
                text: block.text.clone(),
                heading: block.heading,
            })
            .collect(),
    }
}

/// Letters and digits only, lowercased: how a repeated title is recognised.
fn word_key(text: &str) -> String {
    text.chars()
        .filter(|character| character.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How an element's own tag and attributes bear on extraction.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub(crate) struct Mark {
    /// Never text: scripts, forms controls, hidden elements, the head.
    skip: bool,
    /// Starts a new paragraph.
    block: bool,
    /// A link: its text counts towards link density.
    link: bool,
    heading: u8,
    /// Page furniture by its tag or its class/id words (nav, footer, share, comments, ...).
    furniture: bool,
    /// Class/id words or microdata that name the article body.
    body_hint: bool,
    /// Comment sections stay furniture however long they are.
    comments: bool,
}

/// One paragraph-like run of text.
#[derive(Clone, Debug)]
struct Block {
    /// The nearest block-level element holding the text.
    owner: usize,
    text: String,
    chars: usize,
    link_chars: usize,
    heading: u8,
    /// Inside furniture: the nearest such element.
    furniture: Option<usize>,
    /// Link text before the first text outside a link (a teaser's headline).
    leading_link_chars: usize,
    /// Part of a teaser card: a headline link and its summary, one of several alike.
    teaser: bool,
}

impl Block {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

fn mark_elements(dom: &Dom) -> Vec<Mark> {
    let mut marks = vec![Mark::default(); dom.len()];
    for (index, mark) in marks.iter_mut().enumerate() {
        let Some(element) = dom.element(index) else {
            continue;
        };
        let tag = element.name();
        *mark = match tag {
            "head" | "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe"
            | "object" | "embed" | "canvas" | "button" | "select" | "option" | "textarea"
            | "input" | "audio" | "video" | "map" | "title" | "meta" | "link" | "img"
            | "picture" | "dialog" => Mark {
                skip: true,
                ..Mark::default()
            },
            _ => Mark {
                block: is_block_tag(tag),
                link: tag == "a",
                heading: heading_level(tag),
                ..Mark::default()
            },
        };
        if mark.skip {
            continue;
        }
        let mut words = String::new();
        for (name, value) in element.attrs() {
            match name {
                "hidden" => mark.skip = true,
                "aria-hidden" if value.eq_ignore_ascii_case("true") => mark.skip = true,
                "style" => {
                    let style: String = value
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    if style.contains("display:none") || style.contains("visibility:hidden") {
                        mark.skip = true;
                    }
                }
                "class" | "id" | "role" => {
                    words.push(' ');
                    push_hint_words(&mut words, value);
                }
                "itemprop" if value.eq_ignore_ascii_case("articleBody") => mark.body_hint = true,
                _ => {}
            }
        }
        if mark.skip {
            continue;
        }
        mark.furniture = matches!(tag, "nav" | "aside" | "footer" | "header" | "figcaption");
        if !words.is_empty() && tag != "body" && tag != "html" {
            let hints = classify_hint_words(&words);
            mark.body_hint |= hints.body;
            mark.comments = hints.comments;
            mark.furniture |= hints.furniture;
        }
        // Furniture inside a paragraph (a caption span, a share link) becomes its own block,
        // so it can be told apart from the text around it.
        if mark.furniture {
            mark.block = true;
        }
    }
    marks
}

/// Appends the words of a class/id value, lowercased, split at punctuation and camelCase.
fn push_hint_words(words: &mut String, value: &str) {
    let mut previous_lower = false;
    for character in value.chars() {
        if character.is_ascii_alphanumeric() {
            if character.is_ascii_uppercase() && previous_lower {
                words.push(' ');
            }
            previous_lower = character.is_ascii_lowercase() || character.is_ascii_digit();
            words.push(character.to_ascii_lowercase());
        } else {
            previous_lower = false;
            if !words.ends_with(' ') {
                words.push(' ');
            }
        }
    }
}

/// What the class, id and role words of an element say.
struct HintWords {
    furniture: bool,
    /// The words name an article body (`article-body`, `post-content`).
    body: bool,
    /// The words name a comment section.
    comments: bool,
}

/// Reads lowercase words separated by spaces (see [`push_hint_words`]).
fn classify_hint_words(words: &str) -> HintWords {
    let words: Vec<&str> = words.split(' ').filter(|word| !word.is_empty()).collect();
    // Embedded posts (a tweet quoted in the article) are content even when the class
    // names the social network.
    let embedded = words
        .iter()
        .any(|word| matches!(*word, "embed" | "embedded" | "tweet" | "instagram"));
    let mut hints = HintWords {
        furniture: false,
        body: false,
        comments: false,
    };
    for (position, word) in words.iter().enumerate() {
        hints.comments |= matches!(
            *word,
            "comment" | "comments" | "disqus" | "commentlist" | "replies"
        );
        let social = matches!(*word, "social" | "share" | "sharing" | "shares");
        hints.furniture |= (!embedded || !social) && is_furniture_word(word);
        let next = words.get(position + 1).copied().unwrap_or("");
        hints.body |= matches!(
            *word,
            "articlebody" | "articletext" | "storybody" | "storytext" | "bodytext" | "richtext"
        ) || matches!(
            (*word, next),
            ("article", "body" | "content" | "text" | "main")
                | ("story", "body" | "content" | "text")
                | ("post", "content" | "body")
                | ("entry", "content" | "body")
                | ("content", "body")
                | ("body", "text")
                | ("main", "content")
                | ("rich", "text")
        );
    }
    hints
}

fn is_furniture_word(word: &str) -> bool {
    matches!(
        word,
        "nav"
            | "navbar"
            | "navigation"
            | "menu"
            | "footer"
            | "breadcrumb"
            | "breadcrumbs"
            | "share"
            | "sharing"
            | "shares"
            | "social"
            | "comment"
            | "comments"
            | "disqus"
            | "related"
            | "recommended"
            | "recommendations"
            | "newsletter"
            | "subscribe"
            | "subscription"
            | "signup"
            | "cookie"
            | "cookies"
            | "consent"
            | "gdpr"
            | "ad"
            | "ads"
            | "advert"
            | "advertisement"
            | "adslot"
            | "sponsored"
            | "outbrain"
            | "taboola"
            | "promo"
            | "popup"
            | "modal"
            | "caption"
            | "credit"
            | "credits"
            | "byline"
            | "dateline"
            | "tags"
            | "tag"
            | "topics"
            | "masthead"
            | "toolbar"
            | "skip"
            | "print"
            | "sr"
            | "screenreader"
            | "visually"
            | "trending"
            | "popular"
            | "sidebar"
            | "widget"
            | "banner"
            | "author"
            | "bio"
            | "meta"
    )
}

pub(crate) fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "ul"
            | "caption"
            | "br"
    )
}

fn heading_level(tag: &str) -> u8 {
    match tag {
        "h1" => 1,
        "h2" => 2,
        "h3" => 3,
        "h4" => 4,
        "h5" => 5,
        "h6" => 6,
        _ => 0,
    }
}

/// Cuts the visible text into paragraph-like blocks in document order.
fn collect_blocks(dom: &Dom, marks: &[Mark]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // The block being filled, and whether a block boundary was crossed since its last text.
    let mut current: Option<Block> = None;
    // Open elements that matter: (end, index) for block elements, links and furniture.
    let mut open_blocks: Vec<(usize, usize)> = Vec::new();
    let mut open_links: Vec<usize> = Vec::new();
    let mut open_headings: Vec<(usize, u8)> = Vec::new();
    let mut open_pre: Vec<usize> = Vec::new();
    let mut pending_breaks = 0usize;
    let mut index = 0;
    while index < dom.len() {
        // Close whatever ended before this node.
        while open_blocks.last().is_some_and(|&(end, _)| end <= index) {
            open_blocks.pop();
            flush(&mut current, &mut blocks);
        }
        while open_links.last().is_some_and(|&end| end <= index) {
            open_links.pop();
        }
        while open_headings.last().is_some_and(|&(end, _)| end <= index) {
            open_headings.pop();
        }
        while open_pre.last().is_some_and(|&end| end <= index) {
            open_pre.pop();
        }
        let node = &dom.nodes[index];
        let mark = marks[index];
        match node.kind {
            NodeKind::Element(_) => {
                if mark.skip {
                    index = node.end;
                    continue;
                }
                if dom.tag(index) == "br" {
                    pending_breaks += 1;
                    if pending_breaks >= 2 {
                        flush(&mut current, &mut blocks);
                    } else if let Some(block) = current.as_mut() {
                        block.text.push(LINE_BREAK);
                    }
                    index += 1;
                    continue;
                }
                if mark.block {
                    flush(&mut current, &mut blocks);
                    open_blocks.push((node.end, index));
                } else if let Some(block) = current.as_mut()
                    && matches!(dom.tag(index), "td" | "th")
                {
                    // Table cells are inline: a row is one paragraph, its cells spaced.
                    block.text.push(' ');
                }
                if mark.link {
                    open_links.push(node.end);
                }
                if mark.heading > 0 {
                    open_headings.push((node.end, mark.heading));
                }
                if dom.tag(index) == "pre" {
                    open_pre.push(node.end);
                }
            }
            NodeKind::Text(text) => {
                let visible = text.chars().filter(|c| !c.is_whitespace()).count();
                if visible > 0 {
                    pending_breaks = 0;
                }
                let owner = open_blocks.last().map_or(0, |&(_, owner)| owner);
                let block = current.get_or_insert_with(|| Block {
                    owner,
                    text: String::new(),
                    chars: 0,
                    link_chars: 0,
                    heading: open_headings.last().map_or(0, |&(_, level)| level),
                    furniture: None,
                    leading_link_chars: 0,
                    teaser: false,
                });
                if open_pre.is_empty() {
                    block.text.push_str(text);
                } else {
                    // Preformatted text keeps its line breaks.
                    block.text.extend(text.chars().map(|character| {
                        if character == '\n' {
                            LINE_BREAK
                        } else {
                            character
                        }
                    }));
                }
                if !open_links.is_empty() {
                    block.link_chars += visible;
                    if block.link_chars == block.chars + visible {
                        block.leading_link_chars += visible;
                    }
                }
                block.chars += visible;
            }
            NodeKind::Other => {}
        }
        index += 1;
    }
    flush(&mut current, &mut blocks);
    blocks
}

fn flush(current: &mut Option<Block>, blocks: &mut Vec<Block>) {
    if let Some(mut block) = current.take() {
        let lines: Vec<String> = block
            .text
            .split(LINE_BREAK)
            .map(squash_whitespace)
            .filter(|line| !line.is_empty())
            .collect();
        block.text = lines.join("\n");
        // Markup shown as text (an escaped tracking pixel) is never article text.
        let markup = block.text.starts_with('<') && block.text.ends_with('>');
        if !block.text.is_empty() && !markup {
            blocks.push(block);
        }
    }
}

/// Lifts the furniture mark from an element that holds at least half of the page's prose:
/// class words like `sidebar-layout` or `has-comments` on a wrapper do not make the article
/// furniture. Comment sections keep their mark whatever their size.
fn excuse_wrappers(dom: &Dom, marks: &mut [Mark], blocks: &[Block]) {
    let mut prose = vec![0.0f64; dom.len()];
    for block in blocks {
        prose[block.owner] += prose_value(block).max(0.0);
    }
    for index in (1..dom.len()).rev() {
        let parent = dom.nodes[index].parent;
        prose[parent] += prose[index];
    }
    let total = prose[0];
    for (index, mark) in marks.iter_mut().enumerate() {
        if mark.furniture && !mark.comments && prose[index] >= 0.5 * total {
            mark.furniture = false;
        }
    }
}

/// Gives each block its nearest furniture element (its owner or an ancestor), if any.
fn assign_furniture(dom: &Dom, marks: &[Mark], blocks: &mut [Block]) {
    let mut nearest: Vec<Option<usize>> = vec![None; dom.len()];
    for index in 0..dom.len() {
        nearest[index] = if marks[index].furniture {
            Some(index)
        } else if index == 0 {
            None
        } else {
            nearest[dom.nodes[index].parent]
        };
    }
    for block in blocks {
        block.furniture = nearest[block.owner];
    }
}

/// Marks the blocks of teaser cards: a small subtree holding a headline link and a summary,
/// repeated as siblings (lists of related or latest stories).
fn mark_teasers(dom: &Dom, blocks: &mut [Block]) {
    const MAX_CARD_BLOCKS: u32 = 4;
    let mut block_count = vec![0u32; dom.len()];
    // The first headline-like block (a link of a few words) in each subtree, by position.
    let mut headline = vec![usize::MAX; dom.len()];
    // Paragraphs of prose that are direct children of each element.
    let mut prose_paragraphs = vec![0u32; dom.len()];
    for (position, block) in blocks.iter().enumerate() {
        block_count[block.owner] += 1;
        if dom.tag(block.owner) == "p" && prose_value(block) > 0.0 {
            prose_paragraphs[dom.nodes[block.owner].parent] += 1;
        }
        if block.link_density() > 0.8 && block.text.split_whitespace().count() >= 3 {
            headline[block.owner] = headline[block.owner].min(position);
        }
    }
    for index in (1..dom.len()).rev() {
        let parent = dom.nodes[index].parent;
        block_count[parent] += block_count[index];
        headline[parent] = headline[parent].min(headline[index]);
    }
    for (position, block) in blocks.iter_mut().enumerate() {
        if block.link_density() > 0.5 {
            continue;
        }
        let leading_headline =
            block.leading_link_chars >= 15 && block.leading_link_chars * 5 >= block.chars;
        for (level, card) in std::iter::once(block.owner)
            .chain(dom.ancestors(block.owner))
            .enumerate()
        {
            if level > 5 || block_count[card] > MAX_CARD_BLOCKS {
                break;
            }
            let leading_headline = leading_headline && dom.tag(card) != "p";
            // A card's headline comes before its summary.
            if (headline[card] < position || leading_headline)
                && has_look_alike_siblings(dom, card)
                && !in_prose_flow(dom, card, &prose_paragraphs)
            {
                block.teaser = true;
                break;
            }
        }
    }
}

/// True for a list item of a list that sits between paragraphs of prose: a list the article
/// itself makes (a round-up of linked stories), not a list of related links beside it.
fn in_prose_flow(dom: &Dom, card: usize, prose_paragraphs: &[u32]) -> bool {
    if dom.tag(card) != "li" {
        return false;
    }
    let list = dom.nodes[card].parent;
    prose_paragraphs[dom.nodes[list].parent] >= 2
}

/// True when the element's parent has at least three element children with its tag.
fn has_look_alike_siblings(dom: &Dom, element: usize) -> bool {
    let parent = dom.nodes[element].parent;
    if parent == element {
        return false;
    }
    let tag = dom.tag(element);
    dom.children(parent)
        .filter(|&child| dom.tag(child) == tag)
        .take(3)
        .count()
        >= 3
}

/// How much a block looks like article prose (positive) or furniture (negative).
fn block_value(block: &Block) -> f64 {
    let value = prose_value(block);
    if block.teaser {
        -value.abs()
    } else if block.furniture.is_some() && value > 0.0 {
        // Prose inside furniture (a comment, a newsletter pitch) pulls the container away.
        -value * 0.5
    } else {
        value
    }
}

/// How much a block looks like article prose by its own text and links.
fn prose_value(block: &Block) -> f64 {
    let chars = block.chars as f64;
    let density = block.link_density();
    if density > 0.5 {
        -chars * 0.5
    } else if block.chars < 20 {
        -3.0
    } else {
        let factor = if ends_sentence(&block.text) { 1.0 } else { 0.5 };
        chars * (1.0 - density) * (1.0 - density) * factor
    }
}

/// True when the text ends like a sentence (closing quotes and brackets aside).
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', '»'])
        .ends_with(['.', '!', '?', ':', '…', '。'])
}

/// The element whose subtree holds the most prose net of furniture.
fn choose_container(dom: &Dom, marks: &[Mark], blocks: &[Block]) -> usize {
    let mut sums = vec![0.0f64; dom.len()];
    for block in blocks {
        sums[block.owner] += block_value(block);
    }
    for index in (1..dom.len()).rev() {
        let parent = dom.nodes[index].parent;
        if parent != index {
            sums[parent] += sums[index];
        }
    }
    let score = |index: usize| {
        let sum = sums[index];
        if marks[index].body_hint && sum > 0.0 {
            sum * 1.1
        } else {
            sum
        }
    };
    let mut best = 0;
    for index in 0..dom.len() {
        if score(index) > score(best) {
            best = index;
        }
    }
    best
}

/// The blocks of the container that are article text, in order.
fn keep_blocks<'b>(dom: &Dom, blocks: &'b [Block], container: usize) -> Vec<&'b Block> {
    let mut kept: Vec<&Block> = blocks
        .iter()
        .filter(|block| dom.contains(container, block.owner))
        .filter(|block| {
            if let Some(element) = block.furniture
                && dom.contains(container, element)
                && element != container
            {
                return false;
            }
            // A long sentence may be mostly links and still be prose; a short linked line
            // is a pointer to another page.
            let too_linked = block.link_density() > 0.5
                && (block.chars < 120 || block.link_density() > 0.8 || !ends_sentence(&block.text));
            block.heading != 1 && !too_linked && !block.teaser && !is_furniture_line(&block.text)
        })
        .collect();
    // Datelines and timestamps before the first or after the last paragraph of prose belong
    // to the page around the article; between paragraphs they are content (a schedule).
    let is_prose = |block: &&Block| prose_value(block) > 0.0 && block.chars >= 40;
    let first_prose = kept.iter().position(is_prose).unwrap_or(0);
    let last_prose = kept.iter().rposition(is_prose).unwrap_or(kept.len());
    let mut position = 0;
    kept.retain(|block| {
        let outside = position < first_prose || position > last_prose;
        position += 1;
        !(outside && is_date_line(&block.text))
    });
    kept
}

/// A dateline or timestamp on its own ("October 12, 2017", "2019-11-20 17:27 Ilse Varga").
fn is_date_line(text: &str) -> bool {
    text.chars().count() <= 100
        && text.split_whitespace().count() <= 12
        && !text.ends_with('.')
        && find_text_date(text).is_some()
}

/// Short lines that pages put between paragraphs: labels of furniture ("Advertisement",
/// "Read more", "You may also like"), bylines and datelines, captions with a credit.
fn is_furniture_line(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "advertisement",
        "advertising",
        "sponsored",
        "related",
        "read more",
        "read also",
        "read next",
        "see also",
        "see more",
        "also read",
        "more:",
        "more from",
        "more stories",
        "recommended",
        "you may also like",
        "you might also like",
        "don't miss",
        "don’t miss",
        "must read",
        "subscribe",
        "sign up",
        "follow us",
        "share this",
        "share on",
        "share:",
        "click here",
        "loading",
        "copyright",
        "©",
        "all rights reserved",
        "published",
        "updated",
        "first published",
        "last updated",
        "posted",
        "image:",
        "photo:",
        "picture:",
        "(image",
        "(photo",
        "key points",
        "highlights",
        "tags:",
        "related tags",
        "post comment",
        "comments",
        "leave a comment",
        "newsletter",
        "by ",
    ];
    const CREDITS: &[&str] = &[
        "(image:",
        "(photo:",
        "(picture:",
        "photo by",
        "image credit",
    ];
    let length = text.chars().count();
    if length > 200 {
        return false;
    }
    let lower = text.to_lowercase();
    if CREDITS.iter().any(|credit| lower.contains(credit)) {
        return true;
    }
    // A label is short and is not a sentence ("Related to the strike, ..." is).
    length <= 80
        && !text.ends_with(['.', '!', '?'])
        && LABELS.iter().any(|label| lower.starts_with(label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn extract(html: &str) -> String {
        let document = Html::parse_document(html);
        main_content(&Dom::new(&document)).text(None)
    }

    #[test]
    fn keeps_paragraphs_and_drops_navigation() {
        let text = extract(
            "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav>\
             <div><p>The Tarnby ferry will stop running in March, the council said on Monday.</p>\
             <p>Residents of the island, about 400 people, will rely on a new bridge.</p></div>\
             <footer>Copyright Tarnby Gazette</footer></body></html>",
        );
        assert_eq!(
            text,
            "The Tarnby ferry will stop running in March, the council said on Monday.\n\n\
             Residents of the island, about 400 people, will rely on a new bridge."
        );
    }
}
