#!/usr/bin/env bash
# Robustness benchmark: trains the public recipe with and without normalisation and measures how much
# obfuscated spellings cost each label. Needs ../shared/data (prints "skipped: ..." and exits 0 without it).
# Extra arguments pass through, e.g.  bench/robustness.sh --seed 11 --out /tmp/robustness.md
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project bench/HoaxScreen.Bench -c Release -- robustness "$@"
