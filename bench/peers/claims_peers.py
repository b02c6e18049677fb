#!/usr/bin/python3
"""Retrieval peers for `HoaxScreen.Bench claims-quality` (known-hoax matching), run with Debian's /usr/bin/python3.

    /usr/bin/python3 bench/peers/claims_peers.py WORK_DIR [bm25,tfidf]

The C# harness writes into WORK_DIR (a temporary folder outside the repository):

    index.csv     id,claim                      the indexed claims (headline only)
    queries.csv   qid,kind,fold,claim_id,text   kind known|unseen|clean; claim_id empty for clean posts

and this script writes, per peer, PEER.csv (qid,rank,claim_id,score: the 5 best claims of each query, rank 1 first;
a query sharing nothing with any claim has no rows) and PEER.json ({"config", "version", "seconds"}). It never
chooses thresholds or computes metrics: the harness does, with the same code for every system.

Peers (raw text; no HoaxScreen normalisation):
  bm25   Okapi BM25, k1 1.2, b 0.75, idf log(1 + (N - df + 0.5) / (df + 0.5)); tokens are the lower-cased runs of
         Unicode word characters (regex \\w+); a query word counts once per occurrence.
  tfidf  scikit-learn TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)) fitted on the indexed claims (defaults
         otherwise: lower case, smooth idf, l2 norm), cosine similarity of each query to each claim.

It also re-derives the benchmark's split from the ids to check that Python and C# agree: H(key) =
int(md5(key as UTF-8).hexdigest(), 16); a claim is indexed when H(id) % 5 != 0; a query's fold is (H // 5) % 5 of
its claim id (clean posts: of their text).
"""

import csv
import hashlib
import json
import math
import os
import re
import sys
import time
from collections import Counter, defaultdict

csv.field_size_limit(sys.maxsize)
TOP = 5
UNAVAILABLE = 3


def log(message):
    print(f"[claims-peers] {message}", file=sys.stderr, flush=True)


def md5_int(key):
    return int(hashlib.md5(key.encode("utf-8")).hexdigest(), 16)


def read(path, header):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        found = next(reader)
        if found != header:
            raise ValueError(f"{path}: expected header {','.join(header)}, found {found}")
        return list(reader)


def check_split(index, queries):
    for claim_id, _ in index:
        if md5_int(claim_id) % 5 == 0:
            raise ValueError(f"split mismatch: {claim_id} is indexed but md5 % 5 == 0")
    for qid, kind, fold, claim_id, text in queries:
        key = text if kind == "clean" else claim_id
        if (md5_int(key) // 5) % 5 != int(fold):
            raise ValueError(f"split mismatch: query {qid} fold {fold}")
        if kind != "clean" and (md5_int(claim_id) % 5 != 0) != (kind == "known"):
            raise ValueError(f"split mismatch: query {qid} kind {kind}")
    log(f"split checked: {len(index)} indexed claims and {len(queries)} queries agree with md5 in Python")


def write_top(path, rows):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="") as handle:
        handle.write("qid,rank,claim_id,score\n")
        for qid, ranked in rows:
            for rank, (claim_id, score) in enumerate(ranked, 1):
                handle.write(f"{qid},{rank},{claim_id},{score:.9g}\n")
    os.replace(temporary, path)


TOKEN = re.compile(r"\w+")


def tokens(text):
    return TOKEN.findall(text.lower())


def bm25(index, queries, k1=1.2, b=0.75):
    ids = [claim_id for claim_id, _ in index]
    docs = [Counter(tokens(claim)) for _, claim in index]
    lengths = [sum(d.values()) for d in docs]
    average = sum(lengths) / len(lengths)
    postings = defaultdict(list)
    for d, counts in enumerate(docs):
        for term, tf in counts.items():
            postings[term].append((d, tf))
    n = len(docs)
    idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in postings.items()}
    norm = [k1 * (1 - b + b * length / average) for length in lengths]
    out = []
    for qid, _, _, _, text in queries:
        scores = defaultdict(float)
        for term in tokens(text):
            for d, tf in postings.get(term, ()):
                scores[d] += idf[term] * tf * (k1 + 1) / (tf + norm[d])
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
        out.append((qid, [(ids[d], s) for d, s in best]))
    return out, "Okapi BM25 k1 1.2 b 0.75, lower-cased \\w+ tokens"


def tfidf(index, queries):
    try:
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError as error:
        print(f"unavailable: scikit-learn is not installed ({error}); apt-get install -y python3-sklearn", file=sys.stderr)
        sys.exit(UNAVAILABLE)
    ids = [claim_id for claim_id, _ in index]
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5))
    claims = vectorizer.fit_transform([claim for _, claim in index])
    out = []
    batch = 512
    for start in range(0, len(queries), batch):
        part = queries[start:start + batch]
        similarity = (vectorizer.transform([q[4] for q in part]) @ claims.T).toarray()
        for row, query in zip(similarity, part):
            # Stable order on ties: higher score first, then index order.
            order = np.argsort(-row, kind="stable")[:TOP]
            out.append((query[0], [(ids[d], float(row[d])) for d in order if row[d] > 0]))
    return out, "scikit-learn TfidfVectorizer(char_wb, 2-5) fitted on the indexed claims, cosine"


def version_of_sklearn():
    try:
        import sklearn
        return f"scikit-learn {sklearn.__version__}"
    except ImportError:
        return None


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: /usr/bin/python3 bench/peers/claims_peers.py WORK_DIR [bm25,tfidf]", file=sys.stderr)
        return 2
    work = argv[1]
    wanted = argv[2].split(",") if len(argv) == 3 else ["bm25", "tfidf"]
    index = read(os.path.join(work, "index.csv"), ["id", "claim"])
    queries = read(os.path.join(work, "queries.csv"), ["qid", "kind", "fold", "claim_id", "text"])
    check_split(index, queries)
    peers = {"bm25": (bm25, lambda: f"Python {sys.version.split()[0]}"), "tfidf": (tfidf, version_of_sklearn)}
    for name in wanted:
        if name not in peers:
            print(f"unknown peer '{name}' (expected bm25 or tfidf)", file=sys.stderr)
            return 2
        run, version = peers[name]
        started = time.perf_counter()
        rows, config = run(index, queries)
        seconds = time.perf_counter() - started
        write_top(os.path.join(work, f"{name}.csv"), rows)
        with open(os.path.join(work, f"{name}.json"), "w", encoding="utf-8") as handle:
            json.dump({"config": config, "version": version(), "seconds": seconds}, handle)
        log(f"{name}: {len(rows)} queries ranked against {len(index)} claims in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
