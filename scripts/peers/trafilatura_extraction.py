#!/usr/bin/env python3
"""Runs Python trafilatura on the article-extraction benchmark, times it and scores it.

Writes the predictions as `{"<id>": {"articleBody": "..."}}` (they hold corpus text, so keep
them under /tmp/peers/) and prints pages per second, timing only `trafilatura.extract`, then
F1, precision, recall and exact-match accuracy with the benchmark's own metric (4-token
shingles over `\\w+` tokens, per-page normalised counts, F1 of the averaged P and R).

    python trafilatura_extraction.py --benchmark DIR --out /tmp/peers/trafilatura.json [--repeat N]
"""
import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def counts(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in set(t) | set(p):
        tp += min(t[key], p[key])
        fp += max(0, p[key] - t[key])
        fn += max(0, t[key] - p[key])
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def score(pairs):
    precisions, recalls, exact = [], [], 0
    for pred, true in pairs:
        tp, fp, fn = counts(true, pred)
        perfect = fp == 0 and fn == 0
        if tp + fp > 0:
            precisions.append(1.0 if perfect else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if perfect else tp / (tp + fn))
        exact += TOKEN.findall(pred or "") == TOKEN.findall(true or "")
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    return 2 * p * r / (p + r), p, r, exact / len(pairs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--benchmark", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=1, help="time this many passes")
    args = parser.parse_args()

    import trafilatura

    truth = json.loads((args.benchmark / "ground-truth.json").read_text(encoding="utf8"))
    pages = {}
    for key in sorted(truth):
        with gzip.open(args.benchmark / "html" / f"{key}.html.gz", "rt", encoding="utf8") as f:
            pages[key] = f.read()

    output = {}
    started = time.perf_counter()
    started_cpu = time.process_time()
    for _ in range(args.repeat):
        for key, html in pages.items():
            output[key] = {"articleBody": trafilatura.extract(html, include_comments=False) or ""}
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - started_cpu
    n_pages = len(pages) * args.repeat
    print(f"trafilatura {trafilatura.__version__}: {n_pages} pages in {elapsed:.2f} s, "
          f"{n_pages / elapsed:.1f} pages/s ({n_pages / cpu:.1f} pages per CPU second)", flush=True)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(output, ensure_ascii=False), encoding="utf8")
    f1, p, r, acc = score([(output[k]["articleBody"], truth[k]["articleBody"]) for k in truth])
    print(f"F1 {f1:.3f}  precision {p:.3f}  recall {r:.3f}  accuracy {acc:.3f}")


if __name__ == "__main__":
    main()
