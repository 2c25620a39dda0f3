#!/usr/bin/env python3
"""Story-grouping peers on a generated collection (`corroborate eval generate`), scored with
B-cubed against its `story` field the way `corroborate eval stories --synthetic` scores ours
(each noise article is its own gold class).

Systems (`--system`):
  kmeans  scikit-learn: TfidfVectorizer (sublinear tf, English stop words, min_df=2,
          max_df=0.5) over title and text, TruncatedSVD to 200 dimensions (LSA), unit length,
          MiniBatchKMeans with k = the true number of gold classes (stories plus noise
          articles), an oracle choice that flatters the baseline.
  radius  scikit-learn: the same LSA vectors, a radius-neighbours graph (cosine similarity
          >= --similarity) and its connected components (single link).
  minhash datasketch: MinHash (128 permutations) of each text's word 5-shingles, MinHashLSH
          with threshold 0.5, connected components of the pairs it returns. It finds copies,
          not stories; it is the near-duplicate step on its own.

Prints one line: articles, clusters, B-cubed P/R/F1, seconds end to end (reading the file
included) and for the clustering alone, articles per second, peak memory (ru_maxrss).

    python scale_stories.py --system kmeans FILE
"""
import argparse
import json
import re
import resource
import time
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)


def bcubed(predicted, gold):
    """B-cubed precision, recall and F1, item-averaged (as corroborate-eval's clustering.rs)."""
    cluster_sizes = Counter(predicted)
    class_sizes = Counter(gold)
    overlaps = Counter(zip(predicted, gold))
    precision = sum(n * n / cluster_sizes[c] for (c, _), n in overlaps.items()) / len(gold)
    recall = sum(n * n / class_sizes[g] for (_, g), n in overlaps.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def read_collection(path):
    ids, texts, gold = [], [], []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            ids.append(record["id"])
            texts.append((record.get("title") or "") + "\n\n" + record["text"])
            story = record.get("story")
            gold.append(f"story-{story}" if story is not None else f"alone-{record['id']}")
    return ids, texts, gold


def components(n, pairs):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(x) for x in range(n)]


def lsa(texts, seed):
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5)
    matrix = tfidf.fit_transform(texts)
    reduced = TruncatedSVD(n_components=200, random_state=seed).fit_transform(matrix)
    return normalize(reduced)


def kmeans(texts, gold, seed):
    from sklearn.cluster import MiniBatchKMeans

    vectors = lsa(texts, seed)
    k = len(set(gold))
    model = MiniBatchKMeans(n_clusters=k, batch_size=4096, n_init=1, random_state=seed)
    return list(model.fit_predict(vectors))


def radius(texts, similarity, seed):
    from scipy.sparse.csgraph import connected_components
    from sklearn.neighbors import NearestNeighbors

    vectors = lsa(texts, seed)
    graph = (
        NearestNeighbors(radius=1.0 - similarity, metric="cosine", algorithm="brute")
        .fit(vectors)
        .radius_neighbors_graph(vectors, mode="connectivity")
    )
    _, labels = connected_components(graph, directed=False)
    return list(labels)


def minhash(texts):
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    signatures = []
    for index, text in enumerate(texts):
        words = [w.lower() for w in WORD.findall(text)]
        shingles = {" ".join(words[i:i + 5]).encode("utf-8") for i in range(max(1, len(words) - 4))}
        signature = MinHash(num_perm=128)
        signature.update_batch(list(shingles))
        lsh.insert(str(index), signature)
        signatures.append(signature)
    pairs = []
    for index, signature in enumerate(signatures):
        pairs.extend((index, int(other)) for other in lsh.query(signature) if int(other) != index)
    return components(len(texts), pairs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("collection")
    parser.add_argument("--system", choices=["kmeans", "radius", "minhash"], required=True)
    parser.add_argument("--similarity", type=float, default=0.5, help="radius: cosine at least")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    _, texts, gold = read_collection(args.collection)
    read = time.perf_counter()
    if args.system == "kmeans":
        predicted = kmeans(texts, gold, args.seed)
    elif args.system == "radius":
        predicted = radius(texts, args.similarity, args.seed)
    else:
        predicted = minhash(texts)
    finished = time.perf_counter()
    precision, recall, f1 = bcubed(predicted, gold)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total, clustering = finished - started, finished - read
    label = args.system + (f" (cosine >= {args.similarity})" if args.system == "radius" else "")
    print(
        f"{label}: {len(texts)} articles, {len(set(predicted))} clusters  "
        f"B-cubed P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
        f"{total:.1f} s end to end ({clustering:.1f} s clustering), "
        f"{len(texts) / total:.0f} articles/s, peak memory {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
