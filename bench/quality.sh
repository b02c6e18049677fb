#!/usr/bin/env bash
# Model quality benchmark: trains HoaxScreen, a scikit-learn peer and a fastText peer on the same deterministic split
# of ../shared/data and prints one table (also written to bench/results/quality.md). Needs ../shared/data (prints
# "skipped: ..." and exits 0 without it). Installs the peers from Debian packages when they are missing.
# Extra arguments pass through, e.g.
#   bench/quality.sh --trainer '{"weighting":"tfidf","charNgramLength":5}' --out /tmp/quality-tfidf.md
#   bench/quality.sh --model /tmp/my-bundle --peers none
set -euo pipefail
cd "$(dirname "$0")/.."

peers_missing() {
    ! /usr/bin/python3 -c 'import sklearn' >/dev/null 2>&1 || ! command -v fasttext >/dev/null 2>&1
}

if [ -d ../shared/data ] && peers_missing; then
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
    echo "[quality.sh] installing the peers: apt-get install -y python3-sklearn fasttext" >&2
    if ! $sudo apt-get install -y python3-sklearn fasttext >&2; then
        $sudo apt-get update >&2 && $sudo apt-get install -y python3-sklearn fasttext >&2 \
            || echo "[quality.sh] could not install the peers; the report will mark them unavailable" >&2
    fi
fi

exec dotnet run --project bench/HoaxScreen.Bench -c Release -- quality "$@"
