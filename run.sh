#!/usr/bin/env bash
# Runs the newsroom at http://localhost:5000 (NEWSROOM_PORT to change it) with Azurite started beside it.
# Storage lives in .data/azurite (git-ignored), so what was stored is still there after a restart.
set -euo pipefail
cd "$(dirname "$0")"
port="${NEWSROOM_PORT:-5000}"

scripts/prerequisites.sh
mkdir -p .data/azurite

for p in 10000 10001 10002; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "Port $p is in use: another Azurite (or something else) is running. Stop it and try again." >&2
    exit 1
  fi
done

echo "==> starting Azurite (data in .data/azurite, log in .data/azurite.log)"
node node_modules/azurite/dist/src/azurite.js --skipApiVersionCheck --disableTelemetry --loose \
  --location .data/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  >.data/azurite.log 2>&1 &
azurite=$!
trap 'kill "$azurite" 2>/dev/null || true' EXIT INT TERM

for p in 10000 10001 10002; do
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break
    kill -0 "$azurite" 2>/dev/null || { cat .data/azurite.log >&2; exit 1; }
    sleep 0.1
  done
done

echo "==> starting the newsroom at http://localhost:$port (Ctrl+C stops it and Azurite)"
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
ConnectionStrings__AzureStorage="${ConnectionStrings__AzureStorage:-UseDevelopmentStorage=true}" \
  dotnet run --project src/Newsroom.Server --urls "http://localhost:$port"
