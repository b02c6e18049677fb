#!/usr/bin/env bash
# Bulk `score --claims` beside plain `score` on the same posts in the same run (the committed matcher over the
# committed claims, imported into a temporary store), plus a one-thread breakdown of a post's time.
# Writes bench/results/claims-bulk.md and prints it.
#
#   bench/claims-bulk.sh [--quick]
#
# --quick: 20,000 posts, 1 run each (a smoke test). Environment: POSTS (100000), RUNS (3), OUT (the report).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
posts=${POSTS:-100000}
runs=${RUNS:-3}
if [ "${1:-}" = --quick ]; then
  posts=20000 runs=1
fi
out=${OUT:-$root/bench/results/claims-bulk.md}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "[claims-bulk] building (Release): bench/HoaxScreen.Speed, src/HoaxScreen.Training" >&2
for project in bench/HoaxScreen.Speed src/HoaxScreen.Training; do
  dotnet build "$project" -c Release --nologo -v q >&2
done
dotnet "$root/bench/HoaxScreen.Speed/bin/Release/net10.0/HoaxScreen.Speed.dll" claims-bulk --posts "$posts" --runs "$runs" --out "$out"
