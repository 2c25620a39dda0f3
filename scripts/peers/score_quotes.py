#!/usr/bin/env python3
"""Score direct-quote predictions against PolNeAR gold.

    score_quotes.py GOLD.jsonl PRED.jsonl [--json] [--errors FILE]

Standard library only (runs with any python3 >= 3.8).

Gold
  For each article id only the FIRST line of GOLD is used (one annotator).
  A gold quote is an attribution whose content text contains a double
  quotation mark: straight " or curly \u201c \u201d (the corpus's direct_quote flag).
  Its content is the list of its content spans; a character is "inside" the
  gold when it lies in any of those spans (the hull min start..max end is kept
  for reporting).  Its source is the list of its source spans (may be empty).

Predictions (JSON Lines, one line per article)
  {"id": ..., "quotes": [{"start", "end", "speaker", "speaker_start", "speaker_end"}]}
  Articles missing from PRED have no predictions; ids not in GOLD are ignored
  (with a warning).

Matching (per article)
  A prediction can match a gold quote when at least half of the prediction's
  characters lie inside the gold content spans.  Predictions are taken in
  order of start (then end); each takes the still-unmatched gold quote with
  the largest overlap (ties: earlier gold).  One-to-one.
  P = matched / n_pred, R = matched / n_gold, F1 harmonic mean.

Speaker accuracy
  Over matched pairs whose gold has a source: correct when the predicted
  speaker span overlaps any gold source span, or the predicted speaker text
  equals the gold source text after normalisation (lowercase, punctuation
  removed, whitespace collapsed).  A missing predicted speaker is wrong.
"""
import argparse
import json
import re
import sys
import unicodedata

QUOTE_CHARS = ('"', "\u201c", "\u201d")


def is_direct_quote(attr):
    return any(any(q in c.get("text", "") for q in QUOTE_CHARS) for c in attr.get("content", []))


def normalise(s):
    if s is None:
        return ""
    s = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in s.lower())
    return re.sub(r"\s+", " ", s).strip()


def load_gold(path):
    """{id: [gold quote dict]} from the first line of each id (file order kept),
    and {id: article text}."""
    gold = {}
    texts = {}
    flag_mismatch = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec["id"] in gold:
                continue
            quotes = []
            texts[rec["id"]] = rec["text"]
            for a in rec.get("attributions", []):
                dq = is_direct_quote(a)
                if "direct_quote" in a and bool(a["direct_quote"]) != dq:
                    flag_mismatch += 1
                if not dq:
                    continue
                spans = [tuple(sp) for c in a.get("content", []) for sp in c["spans"]]
                if not spans:
                    continue
                src_spans = [tuple(sp) for s in a.get("source", []) for sp in s["spans"]]
                src_texts = [s.get("text", "") for s in a.get("source", [])]
                quotes.append({
                    "id": a.get("id"),
                    "spans": spans,
                    "start": min(s for s, _ in spans),
                    "end": max(e for _, e in spans),
                    "source_spans": src_spans,
                    "source_texts": src_texts,
                })
            gold[rec["id"]] = quotes
    if flag_mismatch:
        print(f"warning: {flag_mismatch} attributions where direct_quote flag != quote-mark test "
              f"(quote-mark test used)", file=sys.stderr)
    return gold, texts


def load_pred(path):
    pred = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            pred.setdefault(rec["id"], []).extend(rec.get("quotes", []))
    return pred


def overlap(start, end, spans):
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def match_article(golds, preds):
    """Greedy one-to-one matching. Returns list of (pred, gold) pairs."""
    pairs = []
    used = set()
    for p in sorted(preds, key=lambda q: (q["start"], q["end"])):
        plen = p["end"] - p["start"]
        if plen <= 0:
            continue
        best, best_ov = None, 0
        for gi, g in enumerate(golds):
            if gi in used:
                continue
            ov = overlap(p["start"], p["end"], g["spans"])
            if ov > 0 and 2 * ov >= plen and ov > best_ov:
                best, best_ov = gi, ov
        if best is not None:
            used.add(best)
            pairs.append((p, golds[best]))
    return pairs


def speaker_ok(p, g):
    ps, pe = p.get("speaker_start"), p.get("speaker_end")
    if ps is not None and pe is not None and pe > ps:
        if overlap(ps, pe, g["source_spans"]) > 0:
            return True
    pt = normalise(p.get("speaker"))
    if not pt:
        return False
    cands = {normalise(t) for t in g["source_texts"]}
    cands.add(normalise(" ".join(g["source_texts"])))
    return pt in cands


def score(gold, pred):
    unknown = sorted(set(pred) - set(gold))
    n_gold = sum(len(v) for v in gold.values())
    n_pred = sum(len(pred.get(aid, [])) for aid in gold)
    matched = spk_n = spk_ok = 0
    errors = []
    for aid, golds in gold.items():
        preds = pred.get(aid, [])
        pairs = match_article(golds, preds)
        matched += len(pairs)
        matched_g = {id(g) for _, g in pairs}
        matched_p = {id(p) for p, _ in pairs}
        for p, g in pairs:
            if g["source_spans"] or any(t.strip() for t in g["source_texts"]):
                spk_n += 1
                ok = speaker_ok(p, g)
                spk_ok += ok
                if not ok:
                    errors.append(("speaker", aid, p, g))
        errors += [("fn", aid, None, g) for g in golds if id(g) not in matched_g]
        errors += [("fp", aid, p, None) for p in preds if id(p) not in matched_p]
    P = matched / n_pred if n_pred else 0.0
    R = matched / n_gold if n_gold else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    res = {
        "articles": len(gold), "n_gold": n_gold, "n_pred": n_pred, "matched": matched,
        "precision": P, "recall": R, "f1": F,
        "speaker_accuracy": spk_ok / spk_n if spk_n else 0.0,
        "speaker_correct": spk_ok, "speaker_n": spk_n,
        "pred_ids_not_in_gold": len(unknown),
    }
    return res, errors


def write_errors(path, errors, texts):
    with open(path, "w", encoding="utf-8") as fh:
        for kind, aid, p, g in errors:
            fh.write(f"== {kind} {aid}\n")
            txt = texts.get(aid, "")
            if g is not None:
                fh.write(f"  gold {g['id']} content: {' | '.join(txt[s:e] for s, e in g['spans'])}\n")
                fh.write(f"  gold source: {' | '.join(g['source_texts']) or '-'}\n")
            if p is not None:
                fh.write(f"  pred content: {txt[p['start']:p['end']]}\n")
                fh.write(f"  pred speaker: {p.get('speaker')}\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", help="PolNeAR jsonl (first line per article id is used)")
    ap.add_argument("pred", help="predictions jsonl")
    ap.add_argument("--json", action="store_true", help="also print the result as one JSON line")
    ap.add_argument("--errors", help="write misses/false alarms/speaker errors to this file")
    args = ap.parse_args(argv)

    gold, texts = load_gold(args.gold)
    pred = load_pred(args.pred)
    res, errors = score(gold, pred)
    if res["pred_ids_not_in_gold"]:
        print(f"warning: {res['pred_ids_not_in_gold']} predicted article ids are not in gold (ignored)",
              file=sys.stderr)
    missing = sum(1 for aid in gold if aid not in pred)
    if missing:
        print(f"warning: {missing} gold articles have no prediction line (scored as no quotes)",
              file=sys.stderr)

    print(f"articles           {res['articles']}")
    print(f"n_gold             {res['n_gold']}")
    print(f"n_pred             {res['n_pred']}")
    print(f"matched            {res['matched']}")
    print(f"precision          {res['precision']:.3f}")
    print(f"recall             {res['recall']:.3f}")
    print(f"f1                 {res['f1']:.3f}")
    print(f"speaker_accuracy   {res['speaker_accuracy']:.3f}  "
          f"({res['speaker_correct']}/{res['speaker_n']} matched quotes with a gold source)")
    if args.json:
        print(json.dumps(res))
    if args.errors:
        write_errors(args.errors, errors, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
