//! A flat, pre-order view of a parsed HTML document that the extractors walk without recursion.
//!
//! Nodes are stored in document order, so the descendants of node `i` are exactly the nodes
//! `i + 1 .. end(i)`: subtree sums are one backward pass, and a 10,000-deep page needs no
//! deep call stack.

use scraper::node::Element;
use scraper::{Html, Node};

/// What a node is, for extraction purposes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum NodeKind<'a> {
    Element(&'a Element),
    Text(&'a str),
    /// The document root, comments, doctypes, processing instructions.
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct DomNode<'a> {
    pub kind: NodeKind<'a>,
    /// The `class` and `id` attributes of an element (`""` when absent), read once here
    /// because most rules look at them.
    pub class: &'a str,
    pub id: &'a str,
    /// Index of the parent node; the root is its own parent.
    pub parent: usize,
    /// One past the index of the last descendant.
    pub end: usize,
    pub depth: u32,
}

/// Every node of a document in pre-order.
pub(crate) struct Dom<'a> {
    pub nodes: Vec<DomNode<'a>>,
}

impl<'a> Dom<'a> {
    pub fn new(html: &'a Html) -> Dom<'a> {
        let mut nodes: Vec<DomNode<'a>> = Vec::new();
        // (tree node, parent index): an explicit stack instead of recursion.
        let mut stack = vec![(html.tree.root(), 0usize)];
        // Indices whose subtree is still open, innermost last, to fill in `end`.
        let mut open: Vec<usize> = Vec::new();
        while let Some((node, parent)) = stack.pop() {
            let index = nodes.len();
            let depth = if index == 0 {
                0
            } else {
                nodes[parent].depth + 1
            };
            while let Some(&last) = open.last() {
                if last == parent {
                    break;
                }
                nodes[last].end = index;
                open.pop();
            }
            let (mut class, mut id) = ("", "");
            let kind = match node.value() {
                Node::Element(element) => {
                    for (name, value) in element.attrs() {
                        match name {
                            "class" => class = value,
                            "id" => id = value,
                            _ => {}
                        }
                    }
                    NodeKind::Element(element)
                }
                Node::Text(text) => NodeKind::Text(text),
                _ => NodeKind::Other,
            };
            nodes.push(DomNode {
                kind,
                class,
                id,
                parent: if index == 0 { 0 } else { parent },
                end: index + 1,
                depth,
            });
            open.push(index);
            // Children pushed in reverse so the first child is popped first.
            let children: Vec<_> = node.children().collect();
            for child in children.into_iter().rev() {
                stack.push((child, index));
            }
        }
        let total = nodes.len();
        for index in open {
            nodes[index].end = total;
        }
        Dom { nodes }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn element(&self, index: usize) -> Option<&'a Element> {
        match self.nodes[index].kind {
            NodeKind::Element(element) => Some(element),
            _ => None,
        }
    }

    /// The lowercase tag name of an element, `""` for other nodes.
    pub fn tag(&self, index: usize) -> &'a str {
        self.element(index).map_or("", Element::name)
    }

    /// The direct children of a node, in order.
    pub fn children(&self, index: usize) -> Children<'_, 'a> {
        Children {
            dom: self,
            next: index + 1,
            end: self.nodes[index].end,
        }
    }

    /// The ancestors of a node, nearest first, excluding the node and the document root.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let mut current = index;
        std::iter::from_fn(move || {
            let parent = self.nodes[current].parent;
            if parent == current || parent == 0 {
                return None;
            }
            current = parent;
            Some(parent)
        })
    }

    /// For every node, whether one of its ancestors (not the node itself) passes `test`: one
    /// pass in document order, so deep pages cost no more than wide ones.
    pub fn under(&self, test: impl Fn(usize) -> bool) -> Vec<bool> {
        let passes: Vec<bool> = (0..self.len()).map(test).collect();
        let mut under = vec![false; self.len()];
        for index in 1..self.len() {
            let parent = self.nodes[index].parent;
            under[index] = under[parent] || passes[parent];
        }
        under
    }

    /// True when `inner` is `outer` or inside it.
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        outer <= inner && inner < self.nodes[outer].end
    }

    /// The text of a subtree, concatenated as it appears, without any whitespace handling.
    pub fn raw_text(&self, index: usize) -> String {
        let mut text = String::new();
        for node in &self.nodes[index..self.nodes[index].end] {
            if let NodeKind::Text(piece) = node.kind {
                text.push_str(piece);
            }
        }
        text
    }
}

pub(crate) struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let child = self.next;
        self.next = self.dom.nodes[child].end;
        Some(child)
    }
}

/// True when `haystack` contains `needle` (given in lowercase ASCII), ignoring ASCII case.
pub(crate) fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len().max(1))
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// Collapses runs of whitespace to one space and trims, dropping soft hyphens and zero-width
/// characters that would otherwise split words.
pub(crate) fn squash_whitespace(text: &str) -> String {
    let mut squashed = String::with_capacity(text.len());
    let mut pending_space = false;
    for character in text.chars() {
        if matches!(
            character,
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        ) {
            continue;
        }
        if character.is_whitespace() {
            pending_space = !squashed.is_empty();
        } else {
            if pending_space {
                squashed.push(' ');
                pending_space = false;
            }
            squashed.push(character);
        }
    }
    squashed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtrees_are_contiguous_ranges() {
        let html = Html::parse_document("<div><p>a<b>b</b></p><p>c</p></div><span>d</span>");
        let dom = Dom::new(&html);
        let div = (0..dom.len())
            .find(|&i| dom.tag(i) == "div")
            .expect("a div");
        let children: Vec<&str> = dom.children(div).map(|child| dom.tag(child)).collect();
        assert_eq!(children, ["p", "p"]);
        assert_eq!(dom.raw_text(div), "abc");
        let span = (0..dom.len())
            .find(|&i| dom.tag(i) == "span")
            .expect("a span");
        assert!(!dom.contains(div, span));
        assert_eq!(dom.raw_text(span), "d");
        let ancestors: Vec<&str> = dom.ancestors(span).map(|i| dom.tag(i)).collect();
        assert_eq!(ancestors, ["body", "html"]);
        let under_div = dom.under(|i| dom.tag(i) == "div");
        assert!(!under_div[div] && !under_div[span]);
        assert!(dom.children(div).all(|p| under_div[p]));
    }

    #[test]
    fn case_insensitive_search() {
        assert!(contains_ignore_case("Article-BYLINE", "byline"));
        assert!(!contains_ignore_case("by", "byline"));
    }

    #[test]
    fn whitespace_is_squashed() {
        assert_eq!(squash_whitespace("  a \n\t b\u{ad}c\u{200b}d  "), "a bcd");
    }
}
