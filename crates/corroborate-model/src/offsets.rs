//! Offset maps: where each byte of a derived text came from in the text it was derived from.
//!
//! A derived text (the decoded article, the cleaned text) is a sequence of pieces. A *copy*
//! piece is a verbatim run of input bytes, so offsets inside it map one to one. A
//! *replacement* piece stands for a run of input bytes it does not reproduce byte for byte
//! (a lossily decoded byte, a rewritten character); any offset inside it maps to the whole
//! input run. Deleted input (a removed boilerplate line) is simply a gap between pieces.

use crate::Span;

/// One run of output bytes and the input bytes it came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Piece {
    out_start: usize,
    out_len: usize,
    in_start: usize,
    in_len: usize,
    /// True for a verbatim copy (then `out_len == in_len`), false for a replacement.
    verbatim: bool,
}

impl Piece {
    fn is_copy(&self) -> bool {
        self.verbatim
    }

    fn out_end(&self) -> usize {
        self.out_start + self.out_len
    }

    fn in_end(&self) -> usize {
        self.in_start + self.in_len
    }
}

/// Maps byte offsets of a derived text back to byte offsets of its input.
///
/// Invariants: pieces cover the output without gaps, in order; their input ranges are in
/// order and do not overlap. So mapping is monotonic and a span maps to a span.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The map of a text that is its input.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap::shifted(0, len)
    }

    /// The map of a text that is a verbatim copy of `len` input bytes starting at `offset`.
    pub fn shifted(offset: usize, len: usize) -> OffsetMap {
        let mut builder = OffsetMapBuilder::new();
        builder.copy(offset, len);
        builder.finish()
    }

    /// The length of the derived text this map describes.
    pub fn output_len(&self) -> usize {
        self.pieces.last().map_or(0, Piece::out_end)
    }

    /// The input offset where output offset `offset` starts.
    pub fn to_input_start(&self, offset: usize) -> usize {
        let Some(piece) = self.piece_at_or_before(offset) else {
            return self.pieces.first().map_or(offset, |piece| piece.in_start);
        };
        if offset >= piece.out_end() {
            return piece.in_end();
        }
        if piece.is_copy() {
            piece.in_start + (offset - piece.out_start)
        } else {
            piece.in_start
        }
    }

    /// The input offset where an output span ending at `offset` ends.
    pub fn to_input_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.pieces.first().map_or(0, |piece| piece.in_start);
        }
        let Some(piece) = self.piece_at_or_before(offset - 1) else {
            return self.pieces.first().map_or(offset, |piece| piece.in_start);
        };
        if offset > piece.out_end() {
            return piece.in_end();
        }
        if piece.is_copy() {
            piece.in_start + (offset - piece.out_start)
        } else {
            piece.in_end()
        }
    }

    /// Maps an output span to the input span it came from.
    pub fn span_to_input(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self.to_input_start(span.start());
            return Span::new(at, at);
        }
        let start = self.to_input_start(span.start());
        let end = self.to_input_end(span.end()).max(start);
        Span::new(start, end)
    }

    /// The output span covering every output byte that came from input span `span`: exact
    /// inside verbatim pieces, whole pieces for replacements. `None` when no output byte came
    /// from that input (it was removed, or lies outside the map).
    pub fn span_from_input(&self, span: Span) -> Option<Span> {
        let mut found: Option<(usize, usize)> = None;
        let first = self
            .pieces
            .partition_point(|piece| piece.in_end() <= span.start());
        for piece in &self.pieces[first..] {
            if piece.in_start >= span.end() && !(span.is_empty() && piece.in_start == span.end()) {
                break;
            }
            let from = span.start().max(piece.in_start);
            let to = span.end().min(piece.in_end());
            if to < from || (to == from && !span.is_empty()) {
                continue;
            }
            let (out_from, out_to) = if piece.is_copy() {
                (
                    piece.out_start + (from - piece.in_start),
                    piece.out_start + (to - piece.in_start),
                )
            } else {
                (piece.out_start, piece.out_end())
            };
            found = Some(match found {
                Some((start, _)) => (start, out_to),
                None => (out_from, out_to),
            });
        }
        found.map(|(start, end)| Span::new(start, end.max(start)))
    }

    /// The map as plain pieces `(out_start, out_len, in_start, in_len, verbatim)`, for storing.
    pub fn pieces(&self) -> Vec<(usize, usize, usize, usize, bool)> {
        self.pieces
            .iter()
            .map(|piece| {
                (
                    piece.out_start,
                    piece.out_len,
                    piece.in_start,
                    piece.in_len,
                    piece.verbatim,
                )
            })
            .collect()
    }

    /// Rebuilds a map from [`OffsetMap::pieces`]; `None` when the pieces break the map's
    /// invariants (gaps or overlaps in the output, input out of order, a copy of unequal
    /// lengths), as a damaged store would give.
    pub fn from_pieces(pieces: &[(usize, usize, usize, usize, bool)]) -> Option<OffsetMap> {
        let mut out_end = 0;
        let mut in_end = 0;
        let mut checked = Vec::with_capacity(pieces.len());
        for &(out_start, out_len, in_start, in_len, verbatim) in pieces {
            if out_start != out_end || out_len == 0 || in_start < in_end {
                return None;
            }
            if verbatim && out_len != in_len {
                return None;
            }
            out_end = out_start.checked_add(out_len)?;
            in_end = in_start.checked_add(in_len)?;
            checked.push(Piece {
                out_start,
                out_len,
                in_start,
                in_len,
                verbatim,
            });
        }
        Some(OffsetMap { pieces: checked })
    }

    /// Chains maps: `self` maps a middle text to the input, `outer` maps an output text to the
    /// middle text; the result maps the output text straight to the input.
    pub fn compose(&self, outer: &OffsetMap) -> OffsetMap {
        let mut builder = OffsetMapBuilder::new();
        for piece in &outer.pieces {
            if !piece.is_copy() {
                let mid = Span::new(piece.in_start, piece.in_end());
                let input = self.span_to_input(mid);
                builder.replace(input.start(), input.len(), piece.out_len);
                continue;
            }
            // Walk the middle pieces this copy piece covers, splitting along them.
            let mid_start = piece.in_start;
            let mid_end = piece.in_end();
            let first = self
                .pieces
                .partition_point(|inner| inner.out_end() <= mid_start)
                .min(self.pieces.len());
            for inner in &self.pieces[first..] {
                if inner.out_start >= mid_end {
                    break;
                }
                let from = mid_start.max(inner.out_start);
                let to = mid_end.min(inner.out_end());
                if inner.is_copy() {
                    builder.copy(inner.in_start + (from - inner.out_start), to - from);
                } else {
                    builder.replace(inner.in_start, inner.in_len, to - from);
                }
            }
        }
        builder.finish()
    }

    /// The last piece starting at or before `offset`.
    fn piece_at_or_before(&self, offset: usize) -> Option<&Piece> {
        let after = self
            .pieces
            .partition_point(|piece| piece.out_start <= offset);
        after.checked_sub(1).map(|index| &self.pieces[index])
    }
}

/// Builds an [`OffsetMap`] left to right as a derived text is written.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    pieces: Vec<Piece>,
    out_len: usize,
}

impl OffsetMapBuilder {
    pub fn new() -> OffsetMapBuilder {
        OffsetMapBuilder::default()
    }

    /// Records that the next `len` output bytes are input bytes `in_start..in_start + len`.
    pub fn copy(&mut self, in_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut()
            && last.is_copy()
            && last.in_end() == in_start
        {
            last.out_len += len;
            last.in_len += len;
            self.out_len += len;
            return;
        }
        self.push(Piece {
            out_start: self.out_len,
            out_len: len,
            in_start,
            in_len: len,
            verbatim: true,
        });
    }

    /// Records that the next `out_len` output bytes stand for input bytes
    /// `in_start..in_start + in_len`.
    pub fn replace(&mut self, in_start: usize, in_len: usize, out_len: usize) {
        if out_len == 0 {
            return;
        }
        // Output that stands for the same input run as the piece before (two kept stretches
        // of one replaced run, as composing maps gives) extends that piece.
        if let Some(last) = self.pieces.last_mut()
            && !last.is_copy()
            && last.in_start == in_start
            && last.in_len == in_len
        {
            last.out_len += out_len;
            self.out_len += out_len;
            return;
        }
        self.push(Piece {
            out_start: self.out_len,
            out_len,
            in_start,
            in_len,
            verbatim: false,
        });
    }

    /// The output length so far.
    pub fn output_len(&self) -> usize {
        self.out_len
    }

    pub fn finish(mut self) -> OffsetMap {
        // A collection holds a map per article for the whole run: the spare room the
        // vector grew into while building would be a third of it on average.
        self.pieces.shrink_to_fit();
        OffsetMap {
            pieces: self.pieces,
        }
    }

    fn push(&mut self, piece: Piece) {
        debug_assert!(
            self.pieces
                .last()
                .is_none_or(|last| last.in_end() <= piece.in_start),
            "offset map pieces must not overlap in the input"
        );
        self.out_len += piece.out_len;
        self.pieces.push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn input_spans_map_back_to_the_output() {
        // Output "ab|ef|R" from input "ab|cd|ef|XY": bytes 2..4 removed, XY replaced by R (3 bytes).
        let mut builder = OffsetMapBuilder::new();
        builder.copy(0, 2);
        builder.copy(4, 2);
        builder.replace(6, 2, 3);
        let map = builder.finish();
        assert_eq!(map.span_from_input(Span::new(0, 2)), Some(Span::new(0, 2)));
        assert_eq!(map.span_from_input(Span::new(1, 5)), Some(Span::new(1, 3)));
        assert_eq!(map.span_from_input(Span::new(2, 4)), None);
        assert_eq!(map.span_from_input(Span::new(7, 8)), Some(Span::new(4, 7)));
        assert_eq!(map.span_from_input(Span::new(20, 30)), None);
    }

    #[test]
    fn pieces_round_trip_and_damage_is_refused() {
        let mut builder = OffsetMapBuilder::new();
        builder.copy(3, 4);
        builder.replace(9, 1, 3);
        let map = builder.finish();
        assert_eq!(OffsetMap::from_pieces(&map.pieces()), Some(map.clone()));
        let mut gap = map.pieces();
        gap[1].0 += 1;
        assert_eq!(OffsetMap::from_pieces(&gap), None);
        let mut uneven = map.pieces();
        uneven[0].1 = 5;
        assert_eq!(OffsetMap::from_pieces(&uneven), None);
    }

    #[test]
    fn deleted_line_is_a_gap() {
        // Output "ab|ef" from input "ab|cd|ef": bytes 2..4 were removed.
        let mut builder = OffsetMapBuilder::new();
        builder.copy(0, 2);
        builder.copy(4, 2);
        let map = builder.finish();
        assert_eq!(map.output_len(), 4);
        assert_eq!(map.span_to_input(Span::new(0, 2)), Span::new(0, 2));
        assert_eq!(map.span_to_input(Span::new(2, 4)), Span::new(4, 6));
        assert_eq!(map.span_to_input(Span::new(1, 3)), Span::new(1, 5));
    }

    #[test]
    fn replacement_maps_to_whole_input_run() {
        // Output "a\u{FFFD}b" (5 bytes) from input "a\xFFb" (3 bytes).
        let mut builder = OffsetMapBuilder::new();
        builder.copy(0, 1);
        builder.replace(1, 1, 3);
        builder.copy(2, 1);
        let map = builder.finish();
        assert_eq!(map.span_to_input(Span::new(1, 4)), Span::new(1, 2));
        assert_eq!(map.span_to_input(Span::new(2, 3)), Span::new(1, 2));
        assert_eq!(map.span_to_input(Span::new(0, 5)), Span::new(0, 3));
    }

    #[test]
    fn compose_chains_shift_and_gap() {
        let decoded = OffsetMap::shifted(10, 8);
        let mut builder = OffsetMapBuilder::new();
        builder.copy(0, 3);
        builder.copy(5, 3);
        let cleaned = builder.finish();
        let map = decoded.compose(&cleaned);
        assert_eq!(map.span_to_input(Span::new(0, 3)), Span::new(10, 13));
        assert_eq!(map.span_to_input(Span::new(3, 6)), Span::new(15, 18));
    }

    proptest! {
        #[test]
        fn mapped_spans_stay_ordered_and_inside_input(
            runs in proptest::collection::vec((0usize..5, 1usize..6, 0usize..3), 1..12),
            probe in (0usize..80, 0usize..80),
        ) {
            let mut builder = OffsetMapBuilder::new();
            let mut input_at = 0;
            for (gap, len, kind) in runs {
                input_at += gap;
                if kind == 0 { builder.replace(input_at, len, len + 2) } else { builder.copy(input_at, len) }
                input_at += len;
            }
            let map = builder.finish();
            let out_len = map.output_len();
            let (a, b) = (probe.0.min(out_len), probe.1.min(out_len));
            let span = Span::new(a.min(b), a.max(b));
            let mapped = map.span_to_input(span);
            prop_assert!(mapped.end() <= input_at);
            let composed = OffsetMap::shifted(3, out_len).compose(&OffsetMap::identity(out_len));
            prop_assert_eq!(composed.span_to_input(span), span.shift(3));
            // Going to the input and back covers at least the span (more inside replacements).
            if !span.is_empty() {
                let back = map.span_from_input(mapped).expect("a non-empty span came from some input");
                prop_assert!(back.start() <= span.start() && back.end() >= span.end());
            }
            prop_assert_eq!(OffsetMap::from_pieces(&map.pieces()), Some(map.clone()));
        }
    }
}
