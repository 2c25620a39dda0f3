#!/usr/bin/env python3
"""Writes the real corpora of shared/corpus as one JSON Lines collection for search-compare.

ECB+ (982 documents, tokenised sentences; the URL line of the ecbplus documents is dropped),
PolNeAR train + dev (one line per article, not per annotator) and the FNC-1 article bodies.
Usage: real_collection.py CORPUS_DIR OUTPUT.jsonl   (the output is data: never commit it)
"""

import csv
import json
import sys
from pathlib import Path


def main(corpus: Path, output: Path) -> None:
    count = 0
    with output.open("w", encoding="utf-8") as out:

        def write(**article):
            nonlocal count
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1

        with (corpus / "ecbplus" / "ecbplus.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                doc = json.loads(line)
                sentences = doc["sentences"]
                if doc["doc_id"].endswith("ecbplus") and sentences and sentences[0].startswith("http"):
                    sentences = sentences[1:]
                if not sentences:
                    continue
                write(id="ecb-" + doc["doc_id"], title=sentences[0], text=" ".join(sentences[1:]),
                      published=None, outlet=None)

        seen = set()
        for split in ("train", "dev"):
            with (corpus / "polnear" / f"{split}.jsonl").open(encoding="utf-8") as lines:
                for line in lines:
                    doc = json.loads(line)
                    if doc["id"] in seen:
                        continue
                    seen.add(doc["id"])
                    write(id="polnear-" + doc["id"], title=doc.get("title") or "", text=doc["text"],
                          published=doc.get("date"), outlet=doc.get("publisher"))

        csv.field_size_limit(sys.maxsize)
        with (corpus / "fnc1" / "competition_test_bodies.csv").open(encoding="utf-8", newline="") as rows:
            for row in csv.DictReader(rows):
                write(id="fnc1-" + row["Body ID"], title="", text=row["articleBody"],
                      published=None, outlet=None)
    print(f"{count} articles written to {output}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
