#!/usr/bin/env bash
# Recipe: train the known-hoax matcher on ../shared/data/turnbackhoax2024-claims, outside the repository.
#   bench/claims/train-turnbackhoax.sh [OUT_DIR]      (default: a new folder under ${TMPDIR:-/tmp})
# 1. `claims-pairs` writes OUT_DIR/claims.csv (the benchmark's indexed claims: md5(id) % 5 != 0, headline only) and
#    OUT_DIR/pairs.csv in data/claims/pairs.csv's format: each indexed claim's post as a `repeat`, the posts of the
#    other claims and 1,000 clean Ibrohim posts (HS = 0, Abusive = 0, lowest md5 of the text) as `unrelated`.
# 2. `claims train` fits the decider on them with models/default's normaliser and writes OUT_DIR/matcher
#    (decider.zip, matcher.json; thresholds from 5-fold out-of-fold probabilities). Use it with
#    `claims search --matcher OUT_DIR/matcher` or `bench/claims.sh --matcher OUT_DIR/matcher` (the latter then
#    judges a matcher that saw every query: only the out-of-fold row of the benchmark is a fair figure).
# TurnBackHoax has no licence: never commit OUT_DIR's files or a matcher trained on them.
set -euo pipefail
cd "$(dirname "$0")/../.."

out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/hoaxscreen-tbh-matcher.XXXXXX")}"
out="$(mkdir -p "$out" && cd "$out" && pwd)"
case "$out/" in
    "$(pwd)/"*) echo "error: $out is inside the repository; choose a folder outside it" >&2; exit 2 ;;
esac

dotnet build bench/HoaxScreen.Bench -c Release -v quiet -nologo >&2
dotnet build src/HoaxScreen.Training -c Release -v quiet -nologo >&2
dotnet run --no-build --project bench/HoaxScreen.Bench -c Release -- claims-pairs --out "$out"
dotnet run --no-build --project src/HoaxScreen.Training -c Release -- claims train \
    --claims "$out/claims.csv" --pairs "$out/pairs.csv" --model models/default --out "$out/matcher"
echo "matcher in $out/matcher (not for committing)"
