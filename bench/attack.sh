#!/usr/bin/env bash
# Attack benchmark (issue: every request's cost bounded). Starts the Release-built API on loopback with its default
# limits, then bench/attack/attack.py: the costliest requests the limits accept (CPU of each alone), 4 attacker loops of
# them beside a normal client sending one short post every 50 ms (its p50/p99 and completions against the same client
# alone), and how long work goes on after a client disconnects. Report to stdout and bench/results/attack.md.
#
#   bench/attack.sh                 # 30 s of attack
#   DURATION=60 ATTACKERS=8 bench/attack.sh
#   REF=e7ca69e bench/attack.sh     # the same benchmark against an older commit (built in a temporary worktree)
#
# Needs the .NET SDK, python3 and Linux /proc. Loopback only; bounded by DURATION plus about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
duration=${DURATION:-30}
attackers=${ATTACKERS:-4}
port=${PORT:-5098}
out=${OUT:-bench/results/attack.md}
ref=${REF:-}

scratch=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  [ -n "$ref" ] && git -C "$repo" worktree remove --force "$scratch/src" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

source_dir=$repo
if [ -n "$ref" ]; then
  git worktree add --detach "$scratch/src" "$ref" >/dev/null 2>&1
  source_dir="$scratch/src"
fi

echo "building the API (Release) from ${ref:-the working tree}..." >&2
dotnet build "$source_dir/src/HoaxScreen.Api/HoaxScreen.Api.csproj" -c Release -nologo -v quiet > "$scratch/build.log" 2>&1 \
  || { tail -20 "$scratch/build.log"; echo "error: Release build failed" >&2; exit 1; }

# Two callers with their own API keys: the attackers, and the moderation tool whose posts must stay fast.
export ATTACKER_KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export NORMAL_KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
cd "$source_dir"
dotnet "src/HoaxScreen.Api/bin/Release/net10.0/HoaxScreen.Api.dll" --urls "http://127.0.0.1:$port" \
  --Logging:LogLevel:Default=Warning \
  --Security:ApiKeys:0:Name=attacker --Security:ApiKeys:0:Key="$ATTACKER_KEY" --Security:ApiKeys:0:Role=screening \
  --Security:ApiKeys:1:Name=moderation-tool --Security:ApiKeys:1:Key="$NORMAL_KEY" --Security:ApiKeys:1:Role=screening \
  > "$scratch/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$scratch/server.log"; echo "error: the API did not start" >&2; exit 1; }
  sleep 0.5
done
cd "$repo"

echo "attacking for ${duration} s with ${attackers} loops..." >&2
{
  echo "# Attack benchmark ($(date -u +%Y-%m-%d), ${ref:-working tree at $(git rev-parse --short HEAD)})"
  echo
  echo "Machine: $(nproc) cores, $(sed -nE 's/model name\s*: //p' /proc/cpuinfo | head -1). Server: Release build, default limits, models/default, loopback; attackers and the normal client call with different API keys; the Python client runs on the same machine. Command: \`DURATION=$duration ATTACKERS=$attackers${ref:+ REF=$ref} bench/attack.sh\`."
  echo
  python3 bench/attack/attack.py "http://127.0.0.1:$port" "$server" "$source_dir/models/default/lexicons/slang.csv" "$duration" "$attackers"
  echo
  echo "Server log lines at warning or above: $(grep -cE '^(warn|fail|crit)' "$scratch/server.log" || true)."
} | tee "$out"
