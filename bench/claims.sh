#!/usr/bin/env bash
# Known-hoax matching benchmark on ../shared/data/turnbackhoax2024-claims (protocol in bench/README.md): HoaxScreen's
# shipped matcher, a matcher trained on TurnBackHoax out of fold, and BM25 / TF-IDF peers on the same queries. Writes
# bench/results/claims.md (aggregate figures only). Prints "skipped: ..." and exits 0 without the data. The query sets,
# pairs and per-fold matchers live in a temporary folder outside the repository, deleted afterwards. About a minute
# plus the build on the 2-core machine. Extra arguments pass through, e.g.
#   bench/claims.sh --trained off --peers bm25
#   bench/claims.sh --matcher /tmp/my-matcher --out /tmp/claims.md
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -d ../shared/data ] && ! /usr/bin/python3 -c 'import sklearn' >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
    echo "[claims.sh] installing the TF-IDF peer's scikit-learn: apt-get install -y python3-sklearn" >&2
    if ! $sudo apt-get install -y python3-sklearn >&2; then
        $sudo apt-get update >&2 && $sudo apt-get install -y python3-sklearn >&2 \
            || echo "[claims.sh] could not install python3-sklearn; the report will mark the TF-IDF peer unavailable" >&2
    fi
fi

echo "[claims.sh] building bench/HoaxScreen.Bench (Release)" >&2
dotnet build bench/HoaxScreen.Bench -c Release -v quiet -nologo >&2
exec dotnet run --no-build --project bench/HoaxScreen.Bench -c Release -- claims-quality "$@"
