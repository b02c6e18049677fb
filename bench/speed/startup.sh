#!/usr/bin/env bash
# Start-up and memory: time from process start to the first 200 from /health/ready, for the Release build and for the
# ReadyToRun publish the Dockerfile ships, and the resident memory during a bounded wrk load on POST /v1/screen, for
# models/default and (when ../shared/data is there) a model trained on all of it. Writes a Markdown section.
#
#   bench/speed/startup.sh [OUT.md]
#
# Environment: STARTS per variant (5; the median is reported), LOAD (wrk run for memory, 10s), PORT (5098),
# PUBLIC_MODEL (a bundle trained on ../shared/data; trained into a temporary folder when unset and the data is there),
# SKIP_BUILD=1 to use the existing Release build.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/bench/results/speed-startup.md}
starts=${STARTS:-5}
load=${LOAD:-10s}
port=${PORT:-5098}
url=http://127.0.0.1:$port
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { echo "[startup] $*" >&2; }
command -v wrk >/dev/null 2>&1 || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

work=$(mktemp -d /tmp/hoaxscreen-startup-XXXXXX)
server_pid=
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
trap 'stop_server; rm -rf "$work"' EXIT

build_dll=$root/src/HoaxScreen.Api/bin/Release/net10.0/HoaxScreen.Api.dll
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$build_dll" ]; then
  log "building src/HoaxScreen.Api (Release)"
  dotnet build "$root/src/HoaxScreen.Api" -c Release --nologo -v q >&2
fi

# The Dockerfile's publish step, for this machine's architecture.
arch=$(uname -m | sed 's/^x86_64$/x64/; s/^aarch64$/arm64/')
log "publishing as the Dockerfile does (ReadyToRun, $arch)"
dotnet publish "$root/src/HoaxScreen.Api/HoaxScreen.Api.csproj" -c Release -o "$work/publish" -a "$arch" --self-contained false \
  -p:PublishReadyToRun=true -p:UseAppHost=false --nologo -v q >&2
publish_dll=$work/publish/HoaxScreen.Api.dll

models=("models/default=$root/models/default")
public_model=${PUBLIC_MODEL:-}
if [ -z "$public_model" ] && [ -d "$root/../shared/data" ]; then
  public_model=$work/public-model
  log "training a model on all of ../shared/data (bench/recipes/public.recipe.json)"
  dotnet run --project "$root/src/HoaxScreen.Training" -c Release -- train --recipe "$root/bench/recipes/public.recipe.json" --out "$public_model" >"$work/train.log" 2>&1 \
    || { cat "$work/train.log" >&2; exit 1; }
fi
[ -n "$public_model" ] && models+=("all of ../shared/data=$public_model")

# Starts the server on a bundle; sets server_pid and ready_ms.
start_server() {
  local dll=$1 model=$2 start_ns code
  start_ns=$(date +%s%N)
  (cd "$(dirname "$dll")" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$dll" --urls "$url" "--Model:Path=$model" >"$work/server.log" 2>&1) &
  server_pid=$!
  ready_ms=
  for _ in $(seq 1 3000); do
    kill -0 "$server_pid" 2>/dev/null || { echo "error: the API exited during start-up:" >&2; cat "$work/server.log" >&2; exit 1; }
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready" 2>/dev/null || true)
    if [ "$code" = 200 ]; then
      ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
      return
    fi
    sleep 0.01
  done
  echo "error: /health/ready did not answer 200 within 30 s" >&2
  cat "$work/server.log" >&2
  exit 1
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

/usr/bin/python3 - "$root/data/posts.csv" "$work/screen.lua" <<'PY'
import csv, json, sys
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    tweets = [row["text"] for row in csv.DictReader(handle) if 100 <= len(row["text"]) <= 280][:64]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("local bodies = {\n")
    for i, t in enumerate(tweets):
        out.write("  [==[" + json.dumps({"id": f"post-{i}", "text": t}, ensure_ascii=False) + "]==],\n")
    out.write("}\nlocal requests = {}\nlocal n = 0\nfunction init(args)\n  for i, body in ipairs(bodies) do\n")
    out.write("    requests[i] = wrk.format(\"POST\", \"/v1/screen\", {[\"Content-Type\"] = \"application/json\"}, body)\n")
    out.write("  end\nend\nfunction request()\n  n = n % #requests + 1\n  return requests[n]\nend\n")
PY

rows=""
verdicts=""
for entry in "${models[@]}"; do
  name=${entry%%=*}
  model=${entry#*=}
  for variant in "Release build=$build_dll" "ReadyToRun publish (Dockerfile)=$publish_dll"; do
    label=${variant%%=*}
    dll=${variant#*=}
    times=()
    for i in $(seq 1 "$starts"); do
      start_server "$dll" "$model"
      times+=("$ready_ms")
      if [ "$i" -lt "$starts" ]; then stop_server; fi
    done
    # The last start stays up for the memory figure: a bounded load, then the kernel's peak resident set (VmHWM).
    # Resident memory under load: the largest VmRSS sampled while wrk runs (VmHWM also counts loading's garbage).
    wrk -t2 -c32 -d"$load" -s "$work/screen.lua" "$url" >"$work/wrk.txt" 2>&1 &
    wrk_pid=$!
    rss=0
    while kill -0 "$wrk_pid" 2>/dev/null; do
      now=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
      [ "$now" -gt "$rss" ] && rss=$now
      sleep 0.2
    done
    wait "$wrk_pid"
    rps=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt")
    hwm=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
    stop_server
    ready=$(median "${times[@]}")
    log "$name, $label: ready in $ready ms (median of ${times[*]}), RSS under load $rss MB (peak $hwm MB) at $rps req/s"
    rows+="| $name | $label | $ready | $(printf '%s ' "${times[@]}")| $rss | $hwm | $rps |"$'\n'
    if [ "$label" != "Release build" ]; then
      ready_ok=$([ "$ready" -lt 2000 ] && echo met || echo missed)
      rss_ok=$([ "$rss" -lt 300 ] && echo met || echo missed)
      verdicts+="- $name, as shipped (ReadyToRun): start-up $ready ms, target < 2,000 ms: **$ready_ok**; RSS under load $rss MB, target < 300 MB: **$rss_ok**."$'\n'
    fi
  done
done

mkdir -p "$(dirname "$out")"
cat >"$out" <<EOF
### Start-up and memory

Process start to the first 200 from /health/ready, $starts starts per row (median, then each); then, on the last start,
wrk for $load at 32 connections on POST /v1/screen: the largest resident set sampled (VmRSS, every 0.2 s) during the load,
and the process's peak (VmHWM, which also counts the garbage of loading the model). The Release build is
\`dotnet build -c Release\`; the ReadyToRun publish is the Dockerfile's \`dotnet publish\` step on this machine. $(nproc) cores.

| model | server | ready ms (median) | each start, ms | RSS under load, MB | peak RSS, MB | req/s under load |
|---|---|---:|---|---:|---:|---:|
${rows}
${verdicts}
EOF
cat "$out"
log "results written to ${out#"$root"/}"
