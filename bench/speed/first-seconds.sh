#!/usr/bin/env bash
# A new replica's first seconds: for the ReadyToRun publish the Dockerfile ships, the time from process start to the
# first 200 from /health/ready, then POST /v1/screen throughput at 32 connections for the first 10 s after ready and for
# the next 10 s (warm), and their ratio. Runtime settings are compared in interleaved rounds (A B C, A B C, ...) so a
# noisy neighbour hits them alike; the median of each is reported. Writes a Markdown section.
#
#   bench/speed/first-seconds.sh [OUT.md]
#   ROUNDS=3 bench/speed/first-seconds.sh
#
# Each setting is "name|ENV=VALUE ENV=VALUE" (empty = runtime defaults); SETTINGS overrides the list below.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/bench/results/first-seconds.md}
rounds=${ROUNDS:-3}
port=${PORT:-5099}
url=http://127.0.0.1:$port
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null 2>&1 || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

default_settings=(
  "runtime defaults|"
  "TieredPGO off|DOTNET_TieredPGO=0"
  "TieredPGO off, no call-counting delay|DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0"
)
if [ -n "${SETTINGS:-}" ]; then IFS=';' read -r -a settings <<< "$SETTINGS"; else settings=("${default_settings[@]}"); fi

work=$(mktemp -d /tmp/hoaxscreen-first-XXXXXX)
server_pid=
stop_server() { if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi; server_pid=; }
trap 'stop_server; rm -rf "$work"' EXIT

arch=$(uname -m | sed 's/^x86_64$/x64/; s/^aarch64$/arm64/')
echo "[first-seconds] publishing as the Dockerfile does (ReadyToRun, $arch)" >&2
dotnet publish "$root/src/HoaxScreen.Api/HoaxScreen.Api.csproj" -c Release -o "$work/publish" -a "$arch" --self-contained false \
  -p:PublishReadyToRun=true -p:UseAppHost=false --nologo -v q >&2
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text":"SEBARKAN!! Minum air rebusan daun sirsak tiap pagi bisa sembuhkan kanker dlm 3 hari, kata dokter RSCM. Info valid dari grup sebelah"}'
LUA

# One start: prints "ready_ms first warm".
run_once() {
  local env_list=$1 start_ns ready_ms first warm
  start_ns=$(date +%s%N)
  # shellcheck disable=SC2086
  env $env_list dotnet "$work/publish/HoaxScreen.Api.dll" --urls "$url" --Model:Path="$root/models/default" \
    --Logging:LogLevel:Default=Warning > "$work/server.log" 2>&1 &
  server_pid=$!
  until curl -sf "$url/health/ready" >/dev/null 2>&1; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  first=$(wrk -t2 -c32 -d10s -s "$work/post.lua" "$url/v1/screen" | awk '/Requests\/sec/{print $2}')
  warm=$(wrk -t2 -c32 -d10s -s "$work/post.lua" "$url/v1/screen" | awk '/Requests\/sec/{print $2}')
  stop_server
  echo "$ready_ms $first $warm"
}

declare -A results
for round in $(seq 1 "$rounds"); do
  for setting in "${settings[@]}"; do
    name=${setting%%|*}; env_list=${setting#*|}
    echo "[first-seconds] round $round/$rounds: $name" >&2
    results[$name]+="$(run_once "$env_list");"
  done
done

{
  echo "### A new replica's first seconds ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "ReadyToRun publish as the Dockerfile builds it, models/default, loopback. \`wrk -t2 -c32 -d10s\` POST /v1/screen right after"
  echo "the first 200 from /health/ready (first 10 s), then again (warm); $rounds interleaved rounds, median of each column"
  echo "(ratio: median of the per-start ratios). Command: \`ROUNDS=$rounds bench/speed/first-seconds.sh\`."
  echo
  echo "| setting | start to ready (ms) | first 10 s (req/s) | warm 10 s (req/s) | first / warm | each start (ready ms, first, warm) |"
  echo "|---|---:|---:|---:|---:|---|"
  for setting in "${settings[@]}"; do
    name=${setting%%|*}; env_list=${setting#*|}
    python3 - "$name" "${env_list:-none}" "${results[$name]}" <<'PY'
import statistics, sys
name, env, raw = sys.argv[1], sys.argv[2], sys.argv[3]
runs = [tuple(float(x) for x in r.split()) for r in raw.strip(";").split(";") if r.strip()]
med = lambda xs: statistics.median(xs)
ratio = med([f / w for _, f, w in runs])
each = "; ".join(f"{r:.0f}, {f:,.0f}, {w:,.0f}" for r, f, w in runs)
print(f"| {name} (`{env}`) | {med([r for r, _, _ in runs]):,.0f} | {med([f for _, f, _ in runs]):,.0f} | {med([w for _, _, w in runs]):,.0f} | {ratio:.2f} | {each} |")
PY
  done
} | tee "$out"
