#!/usr/bin/env bash
# Replays the Dockerfile's build stage without a container engine: copies exactly what its COPY
# lines copy into a scratch folder, runs its RUN lines there, then checks the final stage's inputs
# (published entry point, model bundle) and that the image would not run as root.
# Usage: deploy/replay-dockerfile.sh   (from anywhere; needs the .NET SDK)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
root="$scratch/root"; mkdir -p "$root"
stage=""; workdir="/"
# BuildKit sets TARGETARCH to the image's platform; replay for this machine's.
case "$(uname -m)" in aarch64|arm64) TARGETARCH=${TARGETARCH:-arm64} ;; *) TARGETARCH=${TARGETARCH:-amd64} ;; esac
export TARGETARCH
while IFS= read -r line; do
  [[ "$line" =~ ^FROM\ .*\ AS\ ([a-z]+) ]] && { stage=${BASH_REMATCH[1]}; continue; }
  [ "$stage" = build ] || continue
  if [[ "$line" =~ ^WORKDIR\ (.+)$ ]]; then workdir=${BASH_REMATCH[1]}; mkdir -p "$root$workdir"
  elif [[ "$line" =~ ^COPY\ (.+)$ ]]; then
    read -r -a parts <<< "${BASH_REMATCH[1]}"
    dest=${parts[-1]}; unset 'parts[-1]'
    [[ "$dest" = /* ]] || dest="$workdir/$dest"
    for src in "${parts[@]}"; do
      [ -e "$repo/$src" ] || { echo "FAIL: COPY source $src does not exist"; exit 1; }
      mkdir -p "$root$dest"
      if [ -d "$repo/$src" ]; then
        (cd "$repo/$src" && tar --exclude=bin --exclude=obj -cf - .) | (cd "$root$dest" && tar -xf -)
      else cp "$repo/$src" "$root$dest"; fi
    done
  elif [[ "$line" =~ ^RUN\ (.+)$ ]]; then
    cmd=${BASH_REMATCH[1]//\/app\/publish/$root\/app\/publish}
    echo "+ $cmd"
    (cd "$root$workdir" && eval "$cmd") > "$scratch/run.log" 2>&1 || { tail -20 "$scratch/run.log"; echo "FAIL: $cmd"; exit 1; }
  fi
done < "$repo/Dockerfile"

entry=$(sed -nE 's/^ENTRYPOINT \["dotnet", "([^"]+)"\]/\1/p' "$repo/Dockerfile")
[ -f "$root/app/publish/$entry" ] || { echo "FAIL: published output lacks $entry"; exit 1; }
[ -f "$repo/models/default/model.zip" ] && [ -f "$repo/models/default/manifest.json" ] || { echo "FAIL: models/default is incomplete"; exit 1; }
grep -qE '^USER \$APP_UID' "$repo/Dockerfile" || { echo "FAIL: final stage does not switch to the non-root app user"; exit 1; }
port=$(sed -nE 's/.*ASPNETCORE_HTTP_PORTS=([0-9]+).*/\1/p' "$repo/Dockerfile")
grep -qE "^EXPOSE $port$" "$repo/Dockerfile" || { echo "FAIL: EXPOSE does not match ASPNETCORE_HTTP_PORTS=$port"; exit 1; }

# Start the published app as the image would and probe it like the HEALTHCHECK does.
( cd "$root/app/publish" && ASPNETCORE_HTTP_PORTS=18080 Model__Path="$repo/models/default" exec dotnet "$entry" > "$scratch/app.log" 2>&1 ) &
app=$!
ok=""
for _ in $(seq 1 50); do
  if { exec 3<>/dev/tcp/127.0.0.1/18080; } 2>/dev/null; then
    printf 'GET /health/live HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
    if head -n 1 <&3 | grep -q ' 200 '; then ok=1; exec 3>&-; break; fi
    exec 3>&-
  fi
  sleep 0.2
done
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
[ -n "$ok" ] || { cat "$scratch/app.log"; echo "FAIL: published app did not answer /health/live"; exit 1; }
echo "OK: Dockerfile build stage replayed; $entry published; non-root user; port $port; /health/live answered"
