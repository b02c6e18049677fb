#!/usr/bin/env bash
# Importing generated claims over HTTP (POST /admin/claims, the matcher rebuilt before the answer) beside the CLI's
# `claims import` (store only, no matcher) on the same file, alternating, each into a fresh store; then re-importing the
# same file unchanged. Prints a Markdown table of medians.
#
#   bench/claims-http-import.sh            # 100,000 claims, 3 runs each
# Environment: CLAIMS (count), RUNS, PORT.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
claims=${CLAIMS:-100000}
runs=${RUNS:-3}
port=${PORT:-5397}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/hoaxscreen-claims-import-XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
log() { echo "[claims-import] $*" >&2; }

log "building (Release): src/HoaxScreen.Training, src/HoaxScreen.Api"
for project in src/HoaxScreen.Training src/HoaxScreen.Api; do
  dotnet build "$project" -c Release --nologo -v q >&2
done

log "generating $claims claims (every field filled, example.org URLs)"
/usr/bin/python3 - "$claims" "$work/claims.csv" <<'PY'
import csv, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(23)
words = ("vaksin jembatan banjir pemilu tps ktp bansos listrik bbm harga beras sekolah rumah sakit polisi tol kereta "
         "gempa tsunami presiden gubernur bupati desa pasar pajak gaji pensiun subsidi internet sinyal air garam obat").split()
verdicts = ["SALAH", "HOAKS", "MENYESATKAN", "BENAR", "DISINFORMASI"]
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "claim", "verdict", "url", "publisher", "published", "text"])
    for i in range(n):
        claim = " ".join(rng.choice(words) for _ in range(rng.randint(6, 14))).capitalize()
        text = " ".join(rng.choice(words) for _ in range(rng.randint(20, 45)))
        w.writerow([f"gen-{i:06d}", claim, rng.choice(verdicts), f"https://example.org/cek/gen-{i:06d}", "Tim Uji Fakta",
                    f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", text])
PY
size=$(stat -c %s "$work/claims.csv")

cli=(dotnet src/HoaxScreen.Training/bin/Release/net10.0/HoaxScreen.Training.dll)
api=src/HoaxScreen.Api/bin/Release/net10.0/HoaxScreen.Api.dll
now() { date +%s.%N; }
post() { curl -sS -o "$work/response.json" -w '%{http_code}' -X POST "http://127.0.0.1:$port/admin/claims" -H 'Content-Type: text/csv' --data-binary @"$work/claims.csv"; }

http_first=() http_again=() cli_first=() cli_again=()
for run in $(seq 1 "$runs"); do
  log "run $run/$runs: HTTP"
  rm -f "$work"/http.db*
  Claims__Path="$work/http.db" Claims__MatcherPath="$root/models/claims" Model__Path="$root/models/default" \
    Claims__MaxImportBytes=$((size + 1048576)) Limits__RequestTimeoutSeconds=600 ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Logging__LogLevel__Default=Warning dotnet "$api" >"$work/server.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do sleep 0.2; done
  t0=$(now); code=$(post); t1=$(now)
  [ "$code" = 200 ] || { log "import answered $code: $(cat "$work/response.json")"; exit 1; }
  http_first+=("$(echo "$t1 - $t0" | bc)")
  t0=$(now); code=$(post); t1=$(now)
  [ "$code" = 200 ] || { log "re-import answered $code"; exit 1; }
  grep -q "\"unchanged\":$claims" "$work/response.json" || { log "re-import changed something: $(cat "$work/response.json")"; exit 1; }
  http_again+=("$(echo "$t1 - $t0" | bc)")
  kill "$server"; wait "$server" 2>/dev/null || true; server=""

  log "run $run/$runs: CLI"
  rm -f "$work"/cli.db*
  t0=$(now); "${cli[@]}" claims import --db "$work/cli.db" --in "$work/claims.csv" >/dev/null; t1=$(now)
  cli_first+=("$(echo "$t1 - $t0" | bc)")
  t0=$(now); "${cli[@]}" claims import --db "$work/cli.db" --in "$work/claims.csv" >/dev/null; t1=$(now)
  cli_again+=("$(echo "$t1 - $t0" | bc)")
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f", m}'; }
echo
echo "Importing $claims generated claims ($(echo "$size / 1048576" | bc) MB CSV), median of $runs alternating runs, $(nproc) cores:"
echo
echo "| | new store | same file again (all unchanged) |"
echo "|---|---|---|"
echo "| \`POST /admin/claims\` (store + matcher rebuilt before the answer) | $(median "${http_first[@]}") s | $(median "${http_again[@]}") s |"
echo "| \`claims import\` CLI (store only, process start included) | $(median "${cli_first[@]}") s | $(median "${cli_again[@]}") s |"
