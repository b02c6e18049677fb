#!/usr/bin/env bash
# Soak test: a bounded wrk load on POST /v1/screen against the Release-built API (API keys on), with an admin model
# reload in the middle. Reports requests served, non-2xx responses and socket errors, and resident memory (VmRSS from
# /proc/PID/status, sampled every second) averaged over the first and the last 10 s of the measured run, with the growth,
# and, for runs of 3 minutes or more, per minute: the last minute must stay within 5% of the third (the collector has
# found its level by then; growth after it is a leak).
# The server is stopped at the end; the report goes to stdout and to bench/results/soak.md.
#
#   bench/soak.sh                       # 60 s, 32 connections, 2 threads, after a 10 s warm-up
#   DURATION=120 CONNECTIONS=64 bench/soak.sh
#   DURATION=600 bench/soak.sh          # 10 minutes: memory per minute, last minute against the third
#   RELOAD=0 bench/soak.sh              # the same load without the reload, to compare memory
#
# Needs the .NET SDK, wrk (apt-get install -y wrk, tried when missing) and Linux /proc. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

duration=${DURATION:-60}
warmup=${WARMUP:-10}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
port=${PORT:-5097}
reload=${RELOAD:-1}
out=${OUT:-bench/results/soak.md}
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found; installing it (apt-get install -y wrk)" >&2
  { apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; } >&2
fi
[ -r /proc/self/status ] || { echo "error: needs Linux /proc to read resident memory" >&2; exit 2; }

scratch=$(mktemp -d)
server=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

echo "building the API (Release)..." >&2
dotnet build src/HoaxScreen.Api/HoaxScreen.Api.csproj -c Release -nologo -v quiet > "$scratch/build.log" 2>&1 \
  || { tail -20 "$scratch/build.log"; echo "error: Release build failed" >&2; exit 1; }
dll="$repo/src/HoaxScreen.Api/bin/Release/net10.0/HoaxScreen.Api.dll"

# The bundle to reload to: a copy of the default model with its own version id, under the reload root.
mkdir -p "$scratch/models"
cp -r models/default "$scratch/models/next"
next_version="$(sed -nE 's/.*"version": *"([^"]+)".*/\1/p' models/default/manifest.json | head -1)-soak"
sed -i -E "0,/\"version\": *\"[^\"]+\"/s//\"version\": \"$next_version\"/" "$scratch/models/next/manifest.json"

screening_key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
admin_key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

echo "starting $dll on $base (keys on)..." >&2
ASPNETCORE_URLS="$base" \
Model__Path="$repo/models/default" \
Model__ReloadRoot="$scratch/models" \
Security__RequireApiKeys=true \
Security__ApiKeys__0__Name=soak-screening Security__ApiKeys__0__Key="$screening_key" Security__ApiKeys__0__Role=screening \
Security__ApiKeys__1__Name=soak-admin Security__ApiKeys__1__Key="$admin_key" Security__ApiKeys__1__Role=admin \
  dotnet "$dll" --contentRoot "$(dirname "$dll")" --Logging:LogLevel:HoaxScreen.Api.Modeling=Debug > "$scratch/server.log" 2>&1 &
server=$!

for _ in $(seq 1 100); do
  curl -fsS "$base/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$scratch/server.log"; echo "error: the server exited" >&2; exit 1; }
  sleep 0.1
done
curl -fsS "$base/health/ready" >/dev/null || { cat "$scratch/server.log"; echo "error: the server never became ready" >&2; exit 1; }
first_version=$(curl -fsS "$base/v1/model" -H "X-Api-Key: $screening_key" | sed -nE 's/^\{"version":"([^"]+)".*/\1/p')

cat > "$scratch/screen.lua" <<'LUA'
local key = os.getenv("SOAK_KEY")
local posts = {
  "SEBARKAN!! Minum air rebusan daun sirsak tiap pagi bisa sembuhkan kanker dlm 3 hari, kata dokter RSCM. Info valid dari grup sebelah",
  "dasar a*jing lu, b4b1 bgt kelakuan kayak gitu",
  "Selamat pagi warga Semarang, TPS 12 buka jam 07.00 ya. Jangan lupa bawa KTP dan surat undangan.",
  "kaum itu memang pantas diusir dari negeri ini, k a f i r semua",
  "BREAKING!!! vaksin mengandung chip 5G, sebarkan sebelum dihapus pemerintah!!",
  "Rapat RT malam ini jam 19.30 di balai warga, mohon hadir tepat waktu 🙏",
  "wkwkwk gak nyangka bangeeet hasilnya kyk gini, mantap jiwa",
  "surat suara di TPS 5 sudah dicoblos semalam, valid 100%, jangan percaya KPU",
}
local bodies = {}
for i, text in ipairs(posts) do
  bodies[i] = '{"id":"soak-' .. i .. '","text":"' .. text .. '"}'
end
local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/v1/screen", headers, bodies[(n % #bodies) + 1])
end
LUA

rss_kb() { sed -nE 's/^VmRSS:[[:space:]]+([0-9]+) kB/\1/p' "/proc/$server/status"; }
idle_rss=$(rss_kb)

if [ "$warmup" -gt 0 ]; then
  echo "warm-up: ${warmup} s..." >&2
  SOAK_KEY="$screening_key" wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$scratch/screen.lua" "$base" > "$scratch/warmup.txt"
fi
warm_rss=$(rss_kb)

# One RSS sample per second for the whole measured run.
( while kill -0 "$server" 2>/dev/null; do echo "$(date +%s.%N) $(rss_kb)"; sleep 1; done ) > "$scratch/rss.txt" &
sampler=$!

echo "load: ${duration} s, ${connections} connections, ${threads} threads; admin reload at $((duration / 2)) s..." >&2
start=$(date +%s.%N)
SOAK_KEY="$screening_key" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$scratch/screen.lua" "$base" > "$scratch/wrk.txt" &
load=$!
sleep $((duration / 2))
reload_status=skipped
[ "$reload" = 1 ] && reload_status=$(curl -sS -o "$scratch/reload.json" -w '%{http_code}' -X POST "$base/admin/model/reload" \
  -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' -d "{\"path\":\"$scratch/models/next\"}")
reload_at=$(awk -v now="$(date +%s.%N)" -v t0="$start" 'BEGIN {printf "%.0f", now - t0}')
wait "$load"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=""
final_version=$(curl -fsS "$base/v1/model" -H "X-Api-Key: $screening_key" | sed -nE 's/^\{"version":"([^"]+)".*/\1/p')
end_rss=$(rss_kb)
reclaimed=$(sed -nE 's/.*Reclaimed the memory of model [^:]+: working set (.*)$/\1/p' "$scratch/server.log" | head -1)
[ -n "${KEEP_RSS:-}" ] && cp "$scratch/rss.txt" "$KEEP_RSS"

# Figures from wrk's summary.
requests=$(sed -nE 's/^ *([0-9]+) requests in .*/\1/p' "$scratch/wrk.txt")
rps=$(sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' "$scratch/wrk.txt")
non2xx=$(sed -nE 's/^ *Non-2xx or 3xx responses: *([0-9]+).*/\1/p' "$scratch/wrk.txt"); non2xx=${non2xx:-0}
socket=$(sed -nE 's/^ *Socket errors: (.*)$/\1/p' "$scratch/wrk.txt"); socket=${socket:-none}
socket_total=$(echo "$socket" | { grep -oE '[0-9]+' || true; } | awk '{s+=$1} END {print s+0}')
p50=$(sed -nE 's/^ +50% +([0-9.]+[a-z]+).*/\1/p' "$scratch/wrk.txt")
p99=$(sed -nE 's/^ +99% +([0-9.]+[a-z]+).*/\1/p' "$scratch/wrk.txt")
max_latency=$(sed -nE 's/^ +Latency +[0-9.]+[a-z]+ +[0-9.]+[a-z]+ +([0-9.]+[a-z]+).*/\1/p' "$scratch/wrk.txt")

# Resident memory: mean of the first and of the last 10 samples (seconds) of the measured run.
samples=$(wc -l < "$scratch/rss.txt")
first10=$(head -n 10 "$scratch/rss.txt" | awk '{s+=$2; n++} END {printf "%d", s/n}')
last10=$(tail -n 10 "$scratch/rss.txt" | awk '{s+=$2; n++} END {printf "%d", s/n}')
peak=$(awk 'BEGIN {m=0} {if ($2>m) m=$2} END {print m}' "$scratch/rss.txt")
growth=$(awk -v a="$first10" -v b="$last10" 'BEGIN {printf "%+.1f", (b-a)*100/a}')
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k/1024}'; }

# Per minute of the measured run: mean RSS; the level check compares the last full minute with the third.
awk -v t0="$start" '{m=int(($1-t0)/60); s[m]+=$2; n[m]++} END {for (k in s) printf "%d %d %d\n", k+1, s[k]/n[k], n[k]}' "$scratch/rss.txt" \
  | sort -n | awk '$3 >= 30' > "$scratch/minutes.txt"
minutes=$(wc -l < "$scratch/minutes.txt")
level_line=""
per_minute=""
if [ "$minutes" -ge 3 ]; then
  third=$(awk '$1 == 3 {print $2}' "$scratch/minutes.txt")
  last=$(tail -n 1 "$scratch/minutes.txt" | awk '{print $2}')
  level=$(awk -v a="$third" -v b="$last" 'BEGIN {printf "%+.1f", (b-a)*100/a}')
  level_line="| RSS last minute against the third | ${level} % (limit 5 %) |"
  per_minute=$(printf '\nResident memory per minute of the measured run (mean of the samples):\n\n| minute | RSS, MB |\n|---:|---:|\n'; awk '{printf "| %d | %.1f |\n", $1, $2/1024}' "$scratch/minutes.txt")
fi

errors=$((non2xx + socket_total))
verdict="PASS"
[ "$errors" -eq 0 ] || verdict="FAIL (errors)"
if [ "$reload" = 1 ]; then
  [ "$reload_status" = 200 ] && [ "$final_version" = "$next_version" ] || verdict="FAIL (reload)"
fi
if [ -n "$level_line" ]; then
  # A long run is judged on its level, not on the climb of its first minutes.
  awk -v g="$level" 'BEGIN {exit !(g > 5 || g < -5)}' && verdict="FAIL (memory not level)"
else
  awk -v g="$growth" 'BEGIN {exit !(g >= 10)}' && verdict="FAIL (memory growth)"
fi

memory_rows="| RSS peak / at the end | $(mb "$peak") MB / $(mb "$end_rss") MB (${samples} samples) |"
[ -n "$level_line" ] && memory_rows="$memory_rows"$'\n'"$level_line"

report=$(cat <<EOF
# Soak: POST /v1/screen under wrk with a model reload

$(date -u +%Y-%m-%dT%H:%M:%SZ) · $(nproc) cores · Release build · keys on · loopback · ${duration} s measured after a ${warmup} s warm-up ·
${connections} connections, ${threads} wrk threads · 8 Indonesian posts in rotation · \`bench/soak.sh\`

| figure | value |
|---|---|
| requests served | ${requests} (${rps} req/s) |
| non-2xx responses | ${non2xx} |
| socket errors | ${socket} |
| latency p50 / p99 / max | ${p50} / ${p99} / ${max_latency} |
| admin reload at ${reload_at} s | HTTP ${reload_status}: ${first_version} → ${final_version} |
| old model reclaimed 5 s after the swap | working set ${reclaimed:-not logged} |
| RSS idle before load | $(mb "$idle_rss") MB |
| RSS after warm-up | $(mb "$warm_rss") MB |
| RSS first 10 s (mean) | $(mb "$first10") MB |
| RSS last 10 s (mean) | $(mb "$last10") MB |
| RSS growth first → last 10 s | ${growth} % (limit 10 %) |
${memory_rows}
| verdict | ${verdict} |
${per_minute}
EOF
)
echo "$report"
mkdir -p "$(dirname "$out")"
echo "$report" > "$out"
echo "(written to $out)" >&2

[ "$verdict" = PASS ]
