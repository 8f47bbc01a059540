#!/usr/bin/env bash
# Proves the README's run command works from this clone: ./run.sh serves the front page, a staff member
# can sign in and post, and after stopping and starting ./run.sh again the post is still there.
set -euo pipefail
cd "$(dirname "$0")/.."
base="http://localhost:5000"
jar="$(mktemp)"
log=".data/smoke-run.log"
mkdir -p .data

start() {
  setsid ./run.sh >"$log" 2>&1 &
  runner=$!
  for _ in $(seq 1 600); do
    curl -fsS "$base/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$runner" 2>/dev/null || { echo "run.sh exited early:"; cat "$log"; return 1; }
    sleep 0.5
  done
  echo "run.sh did not become ready in time:"; cat "$log"; return 1
}

stop() {
  kill -TERM -- "-$runner" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$runner" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL -- "-$runner" 2>/dev/null || true
}
trap stop EXIT

sign_in() {
  token=$(curl -fsS -c "$jar" -b "$jar" "$base/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=rosa" --data-urlencode "Password=rosa-demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/signin"
}

marker="smoke-$(date +%s)-$$"
start
curl -fsS "$base/" | grep -q "Front page" || { echo "the front page did not render"; exit 1; }
sign_in
curl -fsS -b "$jar" -H 'Content-Type: application/json' -d "{\"text\":\"$marker\"}" "$base/api/desks/smoke/bulletins" >/dev/null
stop

start
sign_in
curl -fsS -b "$jar" "$base/api/desks/smoke/bulletins" | grep -q "$marker" || { echo "the bulletin did not survive a restart of ./run.sh"; exit 1; }
curl -fsS -b "$jar" "$base/desk" | grep -q "Rosa Reporter" || { echo "the signed-in desk page did not render"; exit 1; }
echo "smoke: ./run.sh serves the newsroom, and stored data survives its restart"
