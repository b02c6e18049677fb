#!/usr/bin/env bash
# Replays the Dockerfile without a container engine: copies exactly what the build stage's COPY lines
# copy into a scratch folder and runs its RUN lines there, with an empty, private NuGet package folder
# (as on a fresh builder: nothing may come from this machine's cache); then lays out the final stage
# (its COPY lines: the published app and the model bundles) and starts the app from there as an
# unprivileged user, with the model the image bakes in, probing it as the HEALTHCHECK does.
# Usage: deploy/replay-dockerfile.sh   (from anywhere; needs the .NET SDK and the NuGet registry)
#   NUGET_PACKAGES=DIR to reuse a package folder instead of fresh ones (faster, but proves less).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
chmod 755 "$scratch"
trap 'rm -rf "$scratch"' EXIT
if [ -z "${NUGET_PACKAGES:-}" ]; then
  # Both of NuGet's caches start empty: the package folder and the HTTP cache it would otherwise fill it from.
  export NUGET_PACKAGES="$scratch/nuget-packages" NUGET_HTTP_CACHE_PATH="$scratch/nuget-http-cache"
  mkdir -p "$NUGET_PACKAGES" "$NUGET_HTTP_CACHE_PATH"
  echo "NuGet packages: empty private folders under $scratch"
fi
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
grep -qE '^USER \$APP_UID' "$repo/Dockerfile" || { echo "FAIL: final stage does not switch to the non-root app user"; exit 1; }
port=$(sed -nE 's/.*ASPNETCORE_HTTP_PORTS=([0-9]+).*/\1/p' "$repo/Dockerfile")
grep -qE "^EXPOSE $port$" "$repo/Dockerfile" || { echo "FAIL: EXPOSE does not match ASPNETCORE_HTTP_PORTS=$port"; exit 1; }

# The final stage: its WORKDIR, what its COPY lines copy (from the build stage or the repository), its model path.
final="$scratch/final"
appdir=$(awk '/^FROM .* AS final/{f=1} f && /^WORKDIR /{print $2; exit}' "$repo/Dockerfile")
model_path=$(sed -nE 's/.*Model__Path=([^ ]+).*/\1/p' "$repo/Dockerfile" | head -n 1)
mkdir -p "$final$appdir"
while IFS= read -r line; do
  read -r -a parts <<< "${line#COPY }"
  if [[ "${parts[0]}" == --from=build ]]; then
    cp -r "$root${parts[1]}/." "$final$appdir/"
  else
    [ -e "$repo/${parts[0]}" ] || { echo "FAIL: COPY source ${parts[0]} does not exist"; exit 1; }
    mkdir -p "$final$appdir/${parts[1]}"
    cp -r "$repo/${parts[0]}/." "$final$appdir/${parts[1]}"
  fi
done < <(awk '/^FROM .* AS final/{f=1} f && /^COPY /' "$repo/Dockerfile")
model_dir="$final${model_path}"
[ -f "$model_dir/model.zip" ] && [ -f "$model_dir/manifest.json" ] || { echo "FAIL: the image's model $model_path is incomplete"; exit 1; }
chmod -R a+rX "$final"

# Start the published app as the image would, as an unprivileged user when this runs as root, and probe it like the
# HEALTHCHECK does; then ask /health/ready that the baked-in model scores.
as_app=()
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
  as_app=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp)
fi
# The runtime settings the final stage's ENV sets (DOTNET_*), so the replay runs the way the image does.
mapfile -t runtime_env < <(awk '/^FROM .* AS final/{f=1} f && !/^ *#/' "$repo/Dockerfile" | grep -oE 'DOTNET_[A-Za-z_]+=[^ \\]+' | grep -v '^DOTNET_NOLOGO=')
echo "runtime settings from the Dockerfile: ${runtime_env[*]:-none}"
( cd "$final$appdir" && export ASPNETCORE_HTTP_PORTS=18080 Model__Path="$model_dir" DOTNET_CLI_TELEMETRY_OPTOUT=1 "${runtime_env[@]}" \
    && exec "${as_app[@]}" dotnet "$entry" > "$scratch/app.log" 2>&1 ) &
app=$!
probe() {
  { exec 3<>/dev/tcp/127.0.0.1/18080; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  local status; status=$(head -n 1 <&3); exec 3>&-
  [[ "$status" == *" 200 "* ]]
}
ok=""
for _ in $(seq 1 100); do
  if probe /health/ready; then ok=1; break; fi
  sleep 0.2
done
live=""; probe /health/live && live=1
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
[ -n "$ok" ] && [ -n "$live" ] || { cat "$scratch/app.log"; echo "FAIL: the published app did not answer /health/ready and /health/live"; exit 1; }
user=$([ ${#as_app[@]} -gt 0 ] && echo "uid 65534" || echo "the current user")
echo "OK: Dockerfile replayed from an empty package folder; $entry published; started from the final stage's layout as $user with $model_path; /health/ready and /health/live answered"
