#!/usr/bin/env bash
# Speed benchmarks in one command: in-process BenchmarkDotNet suite, bulk scoring of 100,000 posts beside fastText and
# scikit-learn, and HTTP load with wrk (start-up and memory included). Writes bench/results/speed.md and prints it.
#
#   bench/speed.sh [--quick]
#
# --quick: 20,000 posts and 1 bulk run, one round of 3 s wrk runs (a smoke test; the figures are not the ones to quote).
# Environment: POSTS, RUNS (bulk), DURATION and ROUNDS (wrk), STARTS (start-up), OUT (the report).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
posts=${POSTS:-100000}
runs=${RUNS:-5}
duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
starts=${STARTS:-5}
if [ "${1:-}" = --quick ]; then
  posts=20000 runs=1 duration=3s rounds=1 starts=1
fi
out=${OUT:-$root/bench/results/speed.md}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { echo "[speed] $*" >&2; }

# The peers and tools, from Debian packages.
missing=()
command -v fasttext >/dev/null 2>&1 || missing+=(fasttext)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
/usr/bin/python3 -c "import sklearn" >/dev/null 2>&1 || missing+=(python3-sklearn)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
fi

log "building (Release): bench/HoaxScreen.Speed, src/HoaxScreen.Training, src/HoaxScreen.Api"
for project in bench/HoaxScreen.Speed src/HoaxScreen.Training src/HoaxScreen.Api; do
  dotnet build "$project" -c Release --nologo -v q >&2
done

parts=$(mktemp -d /tmp/hoaxscreen-speed-XXXXXX)
trap 'rm -rf "$parts"' EXIT
speed=(dotnet "$root/bench/HoaxScreen.Speed/bin/Release/net10.0/HoaxScreen.Speed.dll")
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_start=$(uptime)

log "1/4 in-process benchmarks (BenchmarkDotNet, about 2 minutes)"
"${speed[@]}" bdn --out "$parts/inprocess.md" >"$parts/bdn.log" 2>&1 || { cat "$parts/bdn.log" >&2; exit 1; }

log "2/4 bulk: $posts posts, $runs runs, beside fastText and scikit-learn"
"${speed[@]}" bulk --posts "$posts" --runs "$runs" --out "$parts/bulk.md" >/dev/null

log "3/4 HTTP with wrk ($rounds rounds of $duration per endpoint)"
DURATION=$duration ROUNDS=$rounds SKIP_BUILD=1 "$root/bench/speed/wrk.sh" "$parts/http.md" >/dev/null

log "4/4 start-up and memory (the Release build and the Dockerfile's ReadyToRun publish; a model of ../shared/data when present)"
STARTS=$starts LOAD=$duration SKIP_BUILD=1 "$root/bench/speed/startup.sh" "$parts/startup.md" >/dev/null

mkdir -p "$(dirname "$out")"
{
  echo "# Speed benchmarks"
  echo
  echo "\`bench/speed.sh\`, started $started on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))," \
       "$(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(dotnet --version) SDK. Other jobs may share the machine: \`uptime\` at the start was" \
       "\`$(echo "$load_start" | sed 's/^ *//')\` and at the end \`$(uptime | sed 's/^ *//')\`. Figures are medians; compare ratios" \
       "within one run rather than absolute numbers across runs."
  echo
  cat "$parts/inprocess.md"
  echo
  cat "$parts/bulk.md"
  echo
  cat "$parts/http.md"
  echo
  cat "$parts/startup.md"
} >"$out"
cat "$out"
log "written to ${out#"$root"/}"
