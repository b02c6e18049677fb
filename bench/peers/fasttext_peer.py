#!/usr/bin/python3
"""fastText peer for `HoaxScreen.Bench quality`: the `fasttext supervised` CLI from Debian's fasttext package.

    /usr/bin/python3 bench/peers/fasttext_peer.py TASKS.json        (FASTTEXT=/path/to/fasttext to override)

Per task (one binary softmax model each): -wordNgrams 2 -minn 2 -maxn 5 -epoch 25 -dim 20 -bucket 200000
-thread 1 -seed 0, with the learning rate chosen from a small grid by the best validation F1 (ROC AUC breaks
ties) of a model fitted on the train part; then refitted on train + validation with that rate, and
`predict-prob` on the evaluation part. Text gets the fastText tutorial's preprocessing only: lower case,
punctuation split off, whitespace (line breaks included) collapsed. dim 20 / 200k buckets instead of the CLI
defaults (100 / 2M) cut each fit by 3-4x; on validation they scored the same to within noise.
Independent fits run two at a time (each single-threaded, so results do not depend on scheduling).
See peer_common.py for the file protocol. Needs `apt-get install -y fasttext`.
"""

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as common  # noqa: E402

PEER = "fasttext"
GRID_LR = (0.1, 0.5)
FIXED = ["-wordNgrams", "2", "-minn", "2", "-maxn", "5", "-epoch", "25", "-dim", "20", "-bucket", "200000",
         "-thread", "1", "-seed", "0", "-verbose", "0"]
USAGE = "usage: /usr/bin/python3 bench/peers/fasttext_peer.py TASKS.json"
PUNCTUATION = re.compile(r"([.!?,'/()\"])")
JOBS = max(1, min(2, os.cpu_count() or 1))


def prepare(text):
    text = PUNCTUATION.sub(r" \1 ", text.lower())
    return " ".join(text.split()) or "_"


def write_train(path, rows_list):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for rows in rows_list:
            for label, text in zip(rows.labels, rows.texts):
                handle.write(f"__label__{label} {prepare(text)}\n")


def write_texts(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for text in rows.texts:
            handle.write(prepare(text) + "\n")


def fit_and_predict(binary, train_file, lr, predict_file, count, work):
    """Trains one model and returns P(label 1) for each line of predict_file."""
    os.makedirs(work, exist_ok=True)
    prefix = os.path.join(work, "model")
    clock = common.Clock()
    subprocess.run([binary, "supervised", "-input", train_file, "-output", prefix, "-lr", str(lr)] + FIXED,
                   check=True, stdout=subprocess.DEVNULL)
    seconds = clock.seconds()
    output = subprocess.run([binary, "predict-prob", prefix + ".bin", predict_file, "2"],
                            check=True, capture_output=True, text=True, encoding="utf-8").stdout.splitlines()
    shutil.rmtree(work, ignore_errors=True)
    if len(output) != count:
        raise RuntimeError(f"fasttext predict-prob returned {len(output)} lines for {count} texts ({predict_file})")
    probabilities = []
    for line in output:
        parts = line.split()
        scores = {parts[i]: float(parts[i + 1]) for i in range(0, len(parts) - 1, 2)}
        if "__label__1" in scores:
            probabilities.append(scores["__label__1"])
        elif "__label__0" in scores:
            probabilities.append(1.0 - scores["__label__0"])
        else:
            raise RuntimeError(f"fasttext predict-prob line without a label: {line!r}")
    return probabilities, seconds


class TaskRun:
    def __init__(self, task):
        self.task = task
        self.folder = task["dir"]
        self.work = os.path.join(self.folder, PEER)
        os.makedirs(self.work, exist_ok=True)
        self.train, self.validation, self.evaluation = common.read_task(task)
        self.train_file = os.path.join(self.work, "train.txt")
        self.fit_file = os.path.join(self.work, "train_validation.txt")
        self.validation_file = os.path.join(self.work, "validation.txt")
        self.evaluation_file = os.path.join(self.work, "evaluation.txt")
        write_train(self.train_file, [self.train])
        write_train(self.fit_file, [self.train, self.validation])
        write_texts(self.validation_file, self.validation)
        write_texts(self.evaluation_file, self.evaluation)
        self.grid = {}
        self.seconds = 0.0


def main(argv):
    tasks = common.load_tasks(argv, USAGE)
    binary = os.environ.get("FASTTEXT") or shutil.which("fasttext")
    if not binary or not os.path.exists(binary):
        print("unavailable: the fasttext command is not installed; apt-get install -y fasttext", file=sys.stderr)
        return common.UNAVAILABLE

    common.log(PEER, f"{binary}, {len(tasks)} task(s), lr grid {list(GRID_LR)}, {JOBS} fit(s) at a time")
    runs = [TaskRun(task) for task in tasks]

    # Stage 1: every (task, lr) fit on the train part, scored on validation.
    def stage1(job):
        run, lr = job
        scores, seconds = fit_and_predict(binary, run.train_file, lr, run.validation_file, len(run.validation),
                                          os.path.join(run.work, f"lr{lr:g}"))
        return run, lr, scores, seconds

    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        for run, lr, scores, seconds in pool.map(stage1, [(run, lr) for run in runs for lr in GRID_LR]):
            run.grid[lr] = (common.selection_key(scores, run.validation.labels), scores)
            run.seconds += seconds

    # Stage 2: refit on train + validation with the chosen rate, scored on evaluation.
    def stage2(run):
        lr = max(GRID_LR, key=lambda rate: (run.grid[rate][0], -abs(rate - 0.5)))
        scores, seconds = fit_and_predict(binary, run.fit_file, lr, run.evaluation_file, len(run.evaluation),
                                          os.path.join(run.work, "refit"))
        return run, lr, scores, seconds

    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        for run, lr, scores, seconds in pool.map(stage2, runs):
            run.seconds += seconds
            (validation_f1, validation_auc), validation_scores = run.grid[lr]
            common.write_probabilities(os.path.join(run.folder, f"{PEER}.validation.csv"), run.validation.ids, validation_scores)
            common.write_probabilities(os.path.join(run.folder, f"{PEER}.evaluation.csv"), run.evaluation.ids, scores)
            common.write_json(os.path.join(run.folder, f"{PEER}.json"), {
                "params": f"lr={lr:g}",
                "seconds": round(run.seconds, 2),
                "validationF1": validation_f1,
                "validationAuc": validation_auc,
            })
            shutil.rmtree(run.work, ignore_errors=True)
            common.log(PEER, f"{run.task['name']}: lr={lr:g} (validation best F1 {validation_f1:.3f}, AUC {validation_auc:.3f}), "
                             f"{run.seconds:.1f} s of fitting")

    common.write_json(os.path.join(os.path.dirname(os.path.abspath(argv[1])), f"{PEER}.summary.json"), {
        "version": fasttext_version(),
        "config": "supervised " + " ".join(FIXED[:-2]) + ", -lr from {" + ", ".join(f"{lr:g}" for lr in GRID_LR) + "} on validation",
        "cpuSeconds": round(common.cpu_seconds(), 1),
    })
    return 0


def fasttext_version():
    try:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "fasttext"], capture_output=True, text=True, check=False)
        return result.stdout.strip() or None
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main(sys.argv))
