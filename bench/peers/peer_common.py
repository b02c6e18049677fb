"""Shared plumbing of the HoaxScreen quality peers (run with Debian's /usr/bin/python3).

The C# harness (`HoaxScreen.Bench quality`) writes, in a temporary folder outside the repository, one folder per
task with three CSV files (header `id,label,text`, RFC 4180, UTF-8):

    train.csv        DataSplit train part (buckets 3-9): fit here
    validation.csv   DataSplit validation part (bucket 2): choose settings here
    evaluation.csv   DataSplit evaluation part (buckets 0-1): only predict here

and a tasks file `{"tasks": [{"name": ..., "dir": ...}, ...]}`. A peer runs the same protocol as HoaxScreen's
trainer for every task: fit on train and score validation (the harness picks the decision threshold from those
scores with HoaxScreen's own code), then refit on train + validation with the chosen settings and score
evaluation. It writes into each task folder

    PEER.validation.csv   id,probability   (from the train-only fit)
    PEER.evaluation.csv   id,probability   (from the train + validation refit)
    PEER.json             {"params": "...", "seconds": fit seconds}

and beside the tasks file PEER.summary.json ({"version": ..., "config": ..., "cpuSeconds": ...}). It never
computes the reported metrics: the harness does, with the same code for every system. Exit code 3 (with
"unavailable: ..." on stderr) means the peer's software is not installed.
"""

import csv
import json
import os
import resource
import sys
import time

csv.field_size_limit(sys.maxsize)

UNAVAILABLE = 3


class Rows:
    """The rows of one split part: ids, 0/1 labels and raw texts, in file order."""

    def __init__(self, ids, labels, texts):
        self.ids = ids
        self.labels = labels
        self.texts = texts

    def __len__(self):
        return len(self.ids)

    @property
    def positives(self):
        return sum(self.labels)


def read_rows(path):
    ids, labels, texts = [], [], []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if header != ["id", "label", "text"]:
            raise ValueError(f"{path}: expected header id,label,text, found {header}")
        for record in reader:
            ids.append(record[0])
            labels.append(1 if record[1] == "1" else 0)
            texts.append(record[2])
    return Rows(ids, labels, texts)


def read_task(task):
    folder = task["dir"]
    return (read_rows(os.path.join(folder, "train.csv")),
            read_rows(os.path.join(folder, "validation.csv")),
            read_rows(os.path.join(folder, "evaluation.csv")))


def write_probabilities(path, ids, probabilities):
    if len(ids) != len(probabilities):
        raise ValueError(f"{path}: {len(probabilities)} probabilities for {len(ids)} rows")
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="") as handle:
        handle.write("id,probability\n")
        for row_id, probability in zip(ids, probabilities):
            probability = min(1.0, max(0.0, float(probability)))
            handle.write(f"{row_id},{probability:.9g}\n")
    os.replace(temporary, path)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, indent=2)
        handle.write("\n")


def best_f1(probabilities, labels):
    """The best positive-class F1 over all cut points (the objective HoaxScreen's threshold choice maximises)."""
    positives = sum(labels)
    if positives == 0 or positives == len(labels):
        return 0.0
    ranked = sorted(zip(probabilities, labels), key=lambda pair: -pair[0])
    best = 0.0
    true_positives = false_positives = 0
    for i, (score, truth) in enumerate(ranked):
        if truth:
            true_positives += 1
        else:
            false_positives += 1
        if i + 1 < len(ranked) and ranked[i + 1][0] == score:
            continue
        best = max(best, 2.0 * true_positives / (true_positives + false_positives + positives))
    return best


def roc_auc(probabilities, labels):
    """Mann-Whitney ROC AUC with ties counted half; 0.5 without both classes (for tie-breaks only)."""
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return 0.5
    ranked = sorted(zip(probabilities, labels), key=lambda pair: pair[0])
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2.0
        rank_sum += average_rank * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    return (rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives)


def selection_key(probabilities, labels):
    """How a candidate setting ranks on validation: best F1 first, ROC AUC to break ties."""
    return (round(best_f1(probabilities, labels), 6), round(roc_auc(probabilities, labels), 6))


def cpu_seconds():
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def log(peer, message):
    print(f"[{peer}] {message}", file=sys.stderr, flush=True)


def load_tasks(argv, usage):
    if len(argv) != 2:
        print(usage, file=sys.stderr)
        sys.exit(2)
    with open(argv[1], encoding="utf-8") as handle:
        return json.load(handle)["tasks"]


class Clock:
    def __init__(self):
        self.start = time.perf_counter()

    def seconds(self):
        return time.perf_counter() - self.start
