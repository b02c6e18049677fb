#!/usr/bin/env bash
# HTTP load test of the API on loopback with wrk: POST /v1/screen (one tweet), POST /v1/screen/batch (32 tweets) and
# GET /health/live (the same server doing no scoring: the peer baseline). Also measures start-up to /health/ready and
# the server's resident memory under load. Writes a Markdown section (default bench/results/speed-http.md).
#
#   bench/speed/wrk.sh [OUT.md]
#
# /health/live and /v1/screen alternate for ROUNDS rounds and each figure is the median over the rounds, so a burst of
# other work on the machine hits both sides of the ratio alike; /v1/screen/batch runs once after them.
#
# Environment: PORT (5099), DURATION per run (10s), ROUNDS (3), CONNECTIONS (32), THREADS (2), BATCH (32 posts per
# batch request), WARMUP (5s per endpoint, not reported), SKIP_BUILD=1 to use the existing Release build.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/bench/results/speed-http.md}
port=${PORT:-5099}
duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
batch=${BATCH:-32}
warmup=${WARMUP:-5s}
url=http://127.0.0.1:$port
dll=$root/src/HoaxScreen.Api/bin/Release/net10.0/HoaxScreen.Api.dll

log() { echo "[wrk] $*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk (apt-get install -y wrk)"
  (apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; })
fi
command -v curl >/dev/null 2>&1 || { apt-get install -y curl >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y curl >/dev/null; }; }

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$dll" ]; then
  log "building src/HoaxScreen.Api (Release)"
  dotnet build "$root/src/HoaxScreen.Api" -c Release --nologo -v q >&2
fi

work=$(mktemp -d /tmp/hoaxscreen-wrk-XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Lua scripts: requests pre-formatted in init from tweets of data/posts.csv, rotated per request (no per-request Lua work).
/usr/bin/python3 - "$root/data/posts.csv" "$work" "$batch" <<'PY'
import csv, json, sys
posts_csv, work, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(posts_csv, encoding="utf-8", newline="") as handle:
    texts = [row["text"] for row in csv.DictReader(handle)]
tweets = [t for t in texts if 100 <= len(t) <= 280][:64]

def lua_string(s):
    return "[==[" + s + "]==]"

def script(path, endpoint, bodies):
    with open(path, "w", encoding="utf-8") as out:
        out.write("local bodies = {\n")
        for body in bodies:
            out.write("  " + lua_string(body) + ",\n")
        out.write("}\nlocal requests = {}\nlocal n = 0\n")
        out.write("function init(args)\n  for i, body in ipairs(bodies) do\n")
        out.write(f"    requests[i] = wrk.format(\"POST\", \"{endpoint}\", {{[\"Content-Type\"] = \"application/json\"}}, body)\n")
        out.write("  end\nend\n")
        out.write("function request()\n  n = n % #requests + 1\n  return requests[n]\nend\n")

script(f"{work}/screen.lua", "/v1/screen",
       [json.dumps({"id": f"post-{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(tweets)])
batches = []
for b in range(8):
    items = [{"id": f"post-{b}-{k}", "text": tweets[(b * batch + k) % len(tweets)]} for k in range(batch)]
    batches.append(json.dumps({"items": items}, ensure_ascii=False))
script(f"{work}/batch.lua", "/v1/screen/batch", batches)
with open(f"{work}/meta.txt", "w") as meta:
    meta.write(f"{len(tweets)} {sum(map(len, tweets)) / len(tweets):.0f}\n")
PY
read -r tweet_count tweet_mean < "$work/meta.txt"

if curl -s -o /dev/null "$url/health/live" 2>/dev/null; then
  echo "error: something already listens on $url; set PORT" >&2
  exit 1
fi

log "starting the API on $url"
# From its own folder, as it is deployed, so its appsettings.json (logging levels included) applies.
start_ns=$(date +%s%N)
cd "$(dirname "$dll")"
DOTNET_CLI_TELEMETRY_OPTOUT=1 ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$dll" --urls "$url" "--Model:Path=$root/models/default" >"$work/server.log" 2>&1 &
server_pid=$!
cd "$root"
ready_ms=
for _ in $(seq 1 3000); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "error: the API exited during start-up:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready" 2>/dev/null || true)
  if [ "$code" = 200 ]; then
    ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    break
  fi
  sleep 0.01
done
[ -n "$ready_ms" ] || { echo "error: /health/ready did not answer 200 within 30 s" >&2; cat "$work/server.log" >&2; exit 1; }
load_ms=$(grep -oE 'in [0-9]+ ms; engine pool' "$work/server.log" | grep -oE '[0-9]+' | head -1 || true)
rss_idle=$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status")
log "ready after $ready_ms ms (model load ${load_ms:-?} ms), RSS ${rss_idle} kB"

# Samples VmRSS every 0.5 s while wrk runs; prints the largest (kB).
sample_rss() {
  local max=0 v
  while kill -0 "$1" 2>/dev/null; do
    v=$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    [ "${v:-0}" -gt "$max" ] && max=$v
    sleep 0.5
  done
  echo "$max"
}

# to_ms VALUE: wrk prints 812.00us, 1.23ms, 2.01s.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n }'
}

# run NAME PATH [SCRIPT]: one bounded wrk run; sets rps, p50, p90, p99, errors, rss_peak.
run() {
  local name=$1 path=$2 script=${3:-}
  local args=(-t"$threads" -c"$connections" -d"$duration" --latency --timeout 5s)
  [ -n "$script" ] && args+=(-s "$script")
  log "$name: wrk ${args[*]} $url$path"
  wrk "${args[@]}" "$url$path" >"$work/$name.txt" 2>&1 &
  local wrk_pid=$!
  rss_peak=$(sample_rss "$wrk_pid")
  wait "$wrk_pid"
  cat "$work/$name.txt" >&2
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/$name.txt")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$work/$name.txt")")
  p90=$(to_ms "$(awk '$1 == "90%" {print $2}' "$work/$name.txt")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/$name.txt")")
  local non2xx socket
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/$name.txt")
  socket=$(awk '/Socket errors:/ {print $0}' "$work/$name.txt")
  errors="${non2xx:-0} non-2xx${socket:+; $socket}"
}

# Warm-up (JIT, engine pool, connection setup); not reported.
log "warm-up: $warmup per endpoint"
wrk -t"$threads" -c"$connections" -d"$warmup" "$url/health/live" >/dev/null 2>&1
wrk -t"$threads" -c"$connections" -d"$warmup" -s "$work/screen.lua" "$url" >/dev/null 2>&1
wrk -t"$threads" -c"$connections" -d"$warmup" -s "$work/batch.lua" "$url" >/dev/null 2>&1

# median VALUES...: the median (of an odd count; the lower middle of an even one).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -a L_RPS L_P50 L_P90 L_P99 L_RSS S_RPS S_P50 S_P90 S_P99 S_RSS
live_err= screen_err= rounds_table=
for round in $(seq 1 "$rounds"); do
  run "live-$round" /health/live
  L_RPS+=("$rps") L_P50+=("$p50") L_P90+=("$p90") L_P99+=("$p99") L_RSS+=("$rss_peak") live_err+="${live_err:+ / }$errors"
  run "screen-$round" /v1/screen "$work/screen.lua"
  S_RPS+=("$rps") S_P50+=("$p50") S_P90+=("$p90") S_P99+=("$p99") S_RSS+=("$rss_peak") screen_err+="${screen_err:+ / }$errors"
  rounds_table+="| $round | ${L_RPS[-1]} | ${S_RPS[-1]} | $(awk -v s="${S_RPS[-1]}" -v l="${L_RPS[-1]}" 'BEGIN { printf "%.0f%%", 100 * s / l }') | ${S_P99[-1]} | $(cut -d' ' -f1 /proc/loadavg) |
"
done
live_rps=$(median "${L_RPS[@]}") live_p50=$(median "${L_P50[@]}") live_p90=$(median "${L_P90[@]}") live_p99=$(median "${L_P99[@]}")
screen_rps=$(median "${S_RPS[@]}") screen_p50=$(median "${S_P50[@]}") screen_p90=$(median "${S_P90[@]}") screen_p99=$(median "${S_P99[@]}")
live_rss=$(printf '%s\n' "${L_RSS[@]}" | sort -g | tail -1) screen_rss=$(printf '%s\n' "${S_RSS[@]}" | sort -g | tail -1)
ratios=()
for i in "${!L_RPS[@]}"; do ratios+=("$(awk -v s="${S_RPS[$i]}" -v l="${L_RPS[$i]}" 'BEGIN { printf "%.1f", 100 * s / l }')"); done
run batch /v1/screen/batch "$work/batch.lua"
batch_rps=$rps batch_p50=$p50 batch_p90=$p90 batch_p99=$p99 batch_err=$errors batch_rss=$rss_peak
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status")
rss_end=$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status")

ratio=$(median "${ratios[@]}")
batch_posts=$(awk -v r="$batch_rps" -v b="$batch" 'BEGIN { printf "%.0f", r * b }')
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "missed"; fi; }
ratio_ok=$(awk -v r="$ratio" 'BEGIN { print (r >= 60) ? 1 : 0 }')
p99_ok=$(awk -v p="$screen_p99" 'BEGIN { print (p < 10) ? 1 : 0 }')
ready_ok=$(awk -v r="$ready_ms" 'BEGIN { print (r < 2000) ? 1 : 0 }')
rss_ok=$(awk -v h="$hwm" 'BEGIN { print (h < 300 * 1024) ? 1 : 0 }')

mkdir -p "$(dirname "$out")"
cat >"$out" <<EOF
### HTTP on loopback (wrk)

\`dotnet src/HoaxScreen.Api/bin/Release/net10.0/HoaxScreen.Api.dll\` with models/default; wrk on the same machine: $connections connections, $threads threads, \`--latency\`, runs of $duration after a $warmup warm-up of each endpoint. /health/live and /v1/screen alternate for $rounds rounds (medians below); /v1/screen/batch runs once. /v1/screen rotates over $tweet_count tweets of data/posts.csv (mean $tweet_mean characters); /v1/screen/batch sends $batch of them per request. $(nproc) cores; load average $load_before before, $load_after after.

| round | /health/live req/s | /v1/screen req/s | screen ÷ live | /v1/screen p99 ms | load (1 min) after |
|---:|---:|---:|---:|---:|---:|
${rounds_table}
| endpoint | requests/s | posts/s | p50 ms | p90 ms | p99 ms | errors | peak RSS MB |
|---|---:|---:|---:|---:|---:|---|---:|
| GET /health/live (baseline) | $live_rps | | $live_p50 | $live_p90 | $live_p99 | $live_err | $(mb "$live_rss") |
| POST /v1/screen | $screen_rps | $screen_rps | $screen_p50 | $screen_p90 | $screen_p99 | $screen_err | $(mb "$screen_rss") |
| POST /v1/screen/batch ($batch posts) | $batch_rps | $batch_posts | $batch_p50 | $batch_p90 | $batch_p99 | $batch_err | $(mb "$batch_rss") |

- Start-up to ready (process start to the first 200 from /health/ready): **$ready_ms ms** (model load ${load_ms:-?} ms of it); target < 2,000 ms: **$(verdict "$ready_ok")**.
- /v1/screen ÷ /health/live requests/s (median of the rounds' ratios): **$ratio%**; target ≥ 60%: **$(verdict "$ratio_ok")**.
- /v1/screen p99 (median of the rounds): **$screen_p99 ms**; target < 10 ms: **$(verdict "$p99_ok")**.
- Resident memory: $(mb "$rss_idle") MB idle after start, VmHWM (peak) **$(mb "$hwm") MB**, $(mb "$rss_end") MB at the end; target < 300 MB: **$(verdict "$rss_ok")**.
EOF
cat "$out"
log "results written to $out"
