#!/usr/bin/python3
"""scikit-learn peer for `HoaxScreen.Bench quality`: TF-IDF word 1-2-grams + char_wb 2-5-grams -> logistic regression.

    /usr/bin/python3 bench/peers/sklearn_peer.py TASKS.json

Per task (one binary model each): TfidfVectorizer(word, 1-2, sublinear_tf, min_df=2) and
TfidfVectorizer(char_wb, 2-5, sublinear_tf, min_df=2) joined by a FeatureUnion, then LogisticRegression
(liblinear). C is chosen from a small grid by the best validation F1 (ROC AUC breaks ties) of a fit on the train
part; the vectoriser and the model are then refitted on train + validation and score the evaluation part.
Text is only lower-cased (the vectoriser's default); no HoaxScreen normalisation. See peer_common.py for the file
protocol. Needs Debian's python3-sklearn (apt-get install -y python3-sklearn).
"""

import hashlib
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as common  # noqa: E402

PEER = "sklearn"
GRID_C = (0.3, 1.0, 3.0, 10.0, 30.0)
USAGE = "usage: /usr/bin/python3 bench/peers/sklearn_peer.py TASKS.json"


def features():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=2, lowercase=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, lowercase=True)),
    ])


def classifier(c):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0)


def digest(*text_lists):
    hasher = hashlib.sha256()
    for texts in text_lists:
        hasher.update(b"\x01")
        for text in texts:
            hasher.update(text.encode("utf-8"))
            hasher.update(b"\x00")
    return hasher.hexdigest()


class FeatureCache:
    """Tasks of one source usually share their rows, so each (fit texts, scored texts) pair is vectorised once."""

    def __init__(self):
        self._entries = {}

    def get(self, fit_texts, score_texts):
        key = digest(fit_texts, score_texts)
        if key not in self._entries:
            union = features()
            fitted = union.fit_transform(fit_texts)
            self._entries[key] = (fitted, union.transform(score_texts))
        return self._entries[key]


def run_task(task, cache):
    train, validation, evaluation = common.read_task(task)
    clock = common.Clock()

    x_train, x_validation = cache.get(train.texts, validation.texts)
    best = None
    for c in GRID_C:
        model = classifier(c).fit(x_train, train.labels)
        scores = model.predict_proba(x_validation)[:, 1].tolist()
        key = common.selection_key(scores, validation.labels)
        if best is None or key > best[0]:
            best = (key, c, scores)
    (validation_f1, validation_auc), c, validation_scores = best

    x_fit, x_evaluation = cache.get(train.texts + validation.texts, evaluation.texts)
    model = classifier(c).fit(x_fit, train.labels + validation.labels)
    evaluation_scores = model.predict_proba(x_evaluation)[:, 1].tolist()
    seconds = clock.seconds()

    folder = task["dir"]
    common.write_probabilities(os.path.join(folder, f"{PEER}.validation.csv"), validation.ids, validation_scores)
    common.write_probabilities(os.path.join(folder, f"{PEER}.evaluation.csv"), evaluation.ids, evaluation_scores)
    common.write_json(os.path.join(folder, f"{PEER}.json"), {
        "params": f"C={c:g}",
        "seconds": round(seconds, 2),
        "features": int(x_fit.shape[1]),
        "validationF1": validation_f1,
        "validationAuc": validation_auc,
    })
    common.log(PEER, f"{task['name']}: C={c:g} (validation best F1 {validation_f1:.3f}, AUC {validation_auc:.3f}), "
                     f"{x_fit.shape[1]:,} features, {seconds:.1f} s")


def main(argv):
    tasks = common.load_tasks(argv, USAGE)
    try:
        import sklearn
    except ImportError as error:
        print(f"unavailable: scikit-learn is not installed for {sys.executable} ({error}); "
              "apt-get install -y python3-sklearn", file=sys.stderr)
        return common.UNAVAILABLE

    common.log(PEER, f"scikit-learn {sklearn.__version__}, {len(tasks)} task(s), C grid {list(GRID_C)}")
    cache = FeatureCache()
    for task in tasks:
        run_task(task, cache)
    common.write_json(os.path.join(os.path.dirname(os.path.abspath(argv[1])), f"{PEER}.summary.json"), {
        "version": sklearn.__version__,
        "config": "TF-IDF word 1-2 + char_wb 2-5 (sublinear_tf, min_df=2) -> LogisticRegression(liblinear), "
                  "C from {" + ", ".join(f"{c:g}" for c in GRID_C) + "} on validation",
        "cpuSeconds": round(common.cpu_seconds(), 1),
    })
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
