#!/usr/bin/python3
"""scikit-learn speed peer for `HoaxScreen.Speed bulk`: how fast a TF-IDF + logistic regression model scores posts.

    /usr/bin/python3 bench/speed/sklearn_speed.py TRAIN.csv POSTS.csv LABEL RUNS

Trains on TRAIN.csv (the team's data/posts.csv: a `text` column and one 0/1/empty column per label) the same
features as the quality peer (bench/peers/sklearn_peer.py): TF-IDF word 1-2-grams + char_wb 2-5-grams
(sublinear tf, min_df 2) in a FeatureUnion, then liblinear LogisticRegression (C=10). Then scores the `text`
column of POSTS.csv RUNS times and times only the scoring, never reading or training:

  - one label:  pipeline.predict_proba(texts) for LABEL (vectorising included, as every peer featurises its input);
  - all labels: the union's transform once, then predict_proba of one classifier per label on those features
    (featurise once, like HoaxScreen).

Prints one JSON object on stdout: labels, posts, and the seconds of each run for both. Needs Debian's
python3-sklearn (apt-get install -y python3-sklearn).
"""

import csv
import json
import sys
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository

USAGE = "usage: /usr/bin/python3 bench/speed/sklearn_speed.py TRAIN.csv POSTS.csv LABEL RUNS"


def read_rows(path):
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def features():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=2, lowercase=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, lowercase=True)),
    ])


def main(argv):
    if len(argv) != 5:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import Pipeline
    except ImportError:
        print("unavailable: scikit-learn is not installed; apt-get install -y python3-sklearn", file=sys.stderr)
        return 3

    train_path, posts_path, label, runs = argv[1], argv[2], argv[3], int(argv[4])
    rows = read_rows(train_path)
    labels = [name for name in rows[0].keys() if name not in ("id", "text", "source")]
    if label not in labels:
        print(f"{train_path}: no label column '{label}' (labels: {', '.join(labels)})", file=sys.stderr)
        return 2
    posts = [row["text"] for row in read_rows(posts_path)]

    def known(name):
        return [(row["text"], int(row[name])) for row in rows if row[name] in ("0", "1")]

    one = known(label)
    pipeline = Pipeline([("features", features()),
                         ("lr", LogisticRegression(C=10.0, solver="liblinear", max_iter=1000, random_state=0))])
    pipeline.fit([t for t, _ in one], [y for _, y in one])

    union = features().fit([row["text"] for row in rows])
    classifiers = []
    for name in labels:
        data = known(name)
        classifiers.append(LogisticRegression(C=10.0, solver="liblinear", max_iter=1000, random_state=0)
                           .fit(union.transform([t for t, _ in data]), [y for _, y in data]))

    one_label, all_labels = [], []
    for _ in range(runs):
        start = time.perf_counter()
        scores = pipeline.predict_proba(posts)[:, 1]
        one_label.append(time.perf_counter() - start)
        assert len(scores) == len(posts)

        start = time.perf_counter()
        x = union.transform(posts)
        every = [classifier.predict_proba(x)[:, 1] for classifier in classifiers]
        all_labels.append(time.perf_counter() - start)
        assert all(len(s) == len(posts) for s in every)

    import sklearn
    print(json.dumps({"version": sklearn.__version__, "label": label, "labels": labels, "posts": len(posts),
                      "oneLabelSeconds": one_label, "allLabelsSeconds": all_labels}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
