#!/usr/bin/env python3
"""Statistics and worked examples of PolNeAR direct-quote gold.

    gold_stats.py --polnear train.jsonl [--examples 40 --out /tmp/peers/gold_examples.txt]

Standard library only.  Gold is chosen exactly as in score_quotes.py: first
line per article id, attributions whose content text has a " \u201c or \u201d.
Statistics go to stdout; --out writes example attributions with their
context, content, source and cue (corpus text: keep that file outside the
repository).

Definitions used for the statistics
  no source       the attribution has no source span (absent / no_source).
  pronoun source  normalised source text is one of he she they it we i.
  multi-paragraph the content (min start..max end of its spans) contains a
                  newline ("line" paragraphs, as textacy_quotes.py --split line);
                  also reported for blank-line paragraphs.
  mixed           some letter or digit of the content lies outside quotation
                  marks (straight " toggles; \u201c opens; \u201d closes), e.g.
                  content = the plan was "a disaster".
  fragments       maximal quoted stretches inside one contiguous content span;
                  "2+ fragments" = at least two of them in the same span.
"""
import argparse
import json
import random
import re
import sys
from collections import Counter

sys.path.insert(0, __import__("os").path.dirname(__file__))
from score_quotes import is_direct_quote, normalise  # noqa: E402

PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def first_annotations(path):
    seen = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec["id"] in seen:
                continue
            seen.add(rec["id"])
            yield rec


OPENERS_BEFORE = set(" \t\n\u00a0([{\u2014\u2013-/")


def mark_kind(s, i):
    """'open' or 'close' for the quotation mark at s[i]."""
    ch = s[i]
    if ch == "\u201c":
        return "open"
    if ch == "\u201d":
        return "close"
    # straight quote: opener when it starts a word, closer otherwise
    prev = s[i - 1] if i > 0 else " "
    nxt = s[i + 1] if i + 1 < len(s) else " "
    return "open" if prev in OPENERS_BEFORE and not nxt.isspace() else "close"


def quote_profile(s):
    """(n_fragments, has_text_outside_quotes, unbalanced) for one piece of text.

    An opener while already inside a quote is the usual re-opening at the start
    of a continued paragraph, not a new fragment.  A closer before any opener
    means the piece starts inside a quote, so text before it is quoted.
    """
    inside = False
    frags = 0
    outside_text = False
    seen_mark = False
    for i, ch in enumerate(s):
        if ch in '"\u201c\u201d':
            kind = mark_kind(s, i)
            if kind == "open":
                if not inside:
                    frags += 1
                inside = True
            else:
                if not inside and not seen_mark:
                    frags += 1
                    outside_text = False
                inside = False
            seen_mark = True
        elif ch.isalnum() and not inside:
            outside_text = True
    return frags, outside_text, inside


def spans_of(a, role):
    return [tuple(sp) for part in a.get(role, []) for sp in part["spans"]]


def analyse(rec, a):
    text = rec["text"]
    cspans = sorted(spans_of(a, "content"))
    sspans = spans_of(a, "source")
    lo, hi = cspans[0][0], cspans[-1][1]
    hull = text[lo:hi].strip()
    src_text = " ".join(p.get("text", "") for p in a.get("source", []))
    profiles = [quote_profile(text[s:e]) for s, e in cspans]
    # A closing mark before any opener (quote continued from an earlier span)
    # makes the text before it quoted, so "mixed" looks at the whole content.
    whole = quote_profile(" ".join(text[s:e] for s, e in cspans))
    return {
        "no_source": not sspans,
        "pronoun": bool(sspans) and normalise(src_text) in PRONOUNS,
        "multi_par_line": "\n" in hull,
        "multi_par_blank": re.search(r"\n\s*\n", hull) is not None,
        "mixed": any(p[1] for p in profiles),
        "mixed_whole": whole[1],
        "frag2_span": any(p[0] >= 2 for p in profiles),
        "frags_total": sum(p[0] for p in profiles),
        "discontinuous": len(cspans) > 1,
        "unbalanced": whole[2],
        "src_text": src_text,
    }


def context(text, spans):
    """The lines around all spans, with the spans kept intact."""
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    lo = text.rfind("\n", 0, lo) + 1
    nl = text.find("\n", hi)
    hi = len(text) if nl < 0 else nl
    return lo, hi


def marked(text, lo, hi, a, limit=1500):
    """Context with [[content]], {{source}} and <<cue>> marked inline."""
    marks = []
    for role, (op, cl) in (("content", ("[[", "]]")), ("source", ("{{", "}}")), ("cue", ("<<", ">>"))):
        for s, e in spans_of(a, role):
            marks.append((s, 1, op))
            marks.append((e, 0, cl))
    out, pos = [], lo
    for off, _, m in sorted(marks):
        out.append(text[pos:off])
        out.append(m)
        pos = off
    out.append(text[pos:hi])
    s = "".join(out)
    if len(s) > limit:
        s = s[: limit // 2] + " [...] " + s[-limit // 2:]
    return s


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", required=True)
    ap.add_argument("--examples", type=int, default=40)
    ap.add_argument("--out", help="write examples here (contains corpus text)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    items = []
    n_attr = 0
    for rec in first_annotations(args.polnear):
        for a in rec.get("attributions", []):
            n_attr += 1
            if is_direct_quote(a) and spans_of(a, "content"):
                items.append((rec, a, analyse(rec, a)))

    n = len(items)
    c = Counter()
    for _, _, f in items:
        for k, v in f.items():
            if isinstance(v, bool):
                c[k] += v
        c["frags=%d" % min(f["frags_total"], 3)] += 1
    with_src = n - c["no_source"]

    def pct(k, d=n):
        return f"{c[k]:5d}  {100 * c[k] / d:5.1f}%"

    print(f"articles (first annotation each): {len({r['id'] for r, _, _ in items})} with gold;"
          f" attributions: {n_attr}; gold direct quotes: {n}")
    print(f"no source                              {pct('no_source')}")
    print(f"pronoun source (of all gold)           {pct('pronoun')}")
    print(f"pronoun source (of gold with a source) {c['pronoun']:5d}  {100 * c['pronoun'] / with_src:5.1f}%")
    print(f"content spans >1 paragraph (newline)   {pct('multi_par_line')}")
    print(f"content spans >1 paragraph (blank line){pct('multi_par_blank')}")
    print(f"mixed: text outside the quote marks    {pct('mixed')}")
    print(f"  (whole content, marks paired across spans) {pct('mixed_whole')}")
    print(f"one content span with 2+ quoted fragments {pct('frag2_span')}")
    print(f"discontinuous content (2+ spans)       {pct('discontinuous')}")
    print(f"unbalanced (quote left open at the end){pct('unbalanced')}")
    print("quoted fragments per attribution: " + ", ".join(
        f"{k[6:]}{'+' if k.endswith('3') else ''}: {c[k]}" for k in sorted(c) if k.startswith("frags=")))

    if args.out:
        rnd = random.Random(args.seed)
        want = [  # (label, predicate, how many)
            ("multi-paragraph quote", lambda f: f["multi_par_line"], 8),
            ("mixed quote (text outside the marks)", lambda f: f["mixed"] and not f["multi_par_line"], 8),
            ("pronoun source", lambda f: f["pronoun"] and not f["mixed"], 7),
            ("no source", lambda f: f["no_source"], 4),
            ("2+ quoted fragments in one span", lambda f: f["frag2_span"] and not f["multi_par_line"], 4),
            ("discontinuous content (quote split by the attribution)",
             lambda f: f["discontinuous"] and not f["pronoun"], 4),
            ("plain full-sentence quote", lambda f: not any(
                f[k] for k in ("mixed", "multi_par_line", "no_source", "pronoun", "discontinuous")), 5),
        ]
        chosen, used = [], set()
        for label, pred, k in want:
            pool = [i for i, (_, _, f) in enumerate(items) if pred(f) and i not in used]
            for i in rnd.sample(pool, min(k, len(pool))):
                used.add(i)
                chosen.append((label, i))
        chosen = chosen[: args.examples]
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write("PolNeAR train gold direct quotes (first annotation per article).\n"
                     "Context marks: [[content]]  {{source}}  <<cue>>.  Corpus text: do not commit.\n\n")
            for k, (label, i) in enumerate(chosen, 1):
                rec, a, f = items[i]
                text = rec["text"]
                allspans = spans_of(a, "content") + spans_of(a, "source") + spans_of(a, "cue")
                lo, hi = context(text, allspans)
                fh.write(f"### {k}. {label}   [{rec['id']} {a.get('id')}]\n")
                fh.write(f"context: {marked(text, lo, hi, a)}\n")
                fh.write("content: " + " | ".join(p["text"] for p in a.get("content", [])) + "\n")
                fh.write("source:  " + (f["src_text"] or "(none)") + "\n")
                fh.write("cue:     " + (" | ".join(p["text"] for p in a.get("cue", [])) or "(none)") + "\n")
                flags = [k2 for k2 in ("mixed", "multi_par_line", "frag2_span", "discontinuous",
                                       "pronoun", "no_source", "unbalanced") if f[k2]]
                fh.write(f"flags:   {', '.join(flags) or '-'}\n\n")
        print(f"wrote {len(chosen)} examples to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
