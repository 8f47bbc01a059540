#!/usr/bin/env bash
# Proves the README's run command works from this clone: ./run.sh serves the front page, a staff member can
# sign in, post and type into a draft; Ctrl+C stops the server first (the open draft writes its snapshot),
# then Azurite and maildev, within seconds and without an error; after starting ./run.sh again the post is still there.
set -euo pipefail
cd "$(dirname "$0")/.."
base="http://localhost:5000"
jar="$(mktemp)"
log=".data/smoke-run.log"
mkdir -p .data
runner=""
azurite=""
maildev=""

start() {
  # Job control gives run.sh a process group of its own, as a terminal gives its foreground job, and leaves
  # it SIGINT (a script's background jobs ignore SIGINT otherwise), so Ctrl+C can be sent as a terminal does.
  set -m
  ./run.sh >"$log" 2>&1 &
  runner=$!
  set +m
  for _ in $(seq 1 600); do
    if curl -fsS "$base/health/ready" >/dev/null 2>&1; then
      azurite=$(child_of_runner azurite.js)
      maildev=$(child_of_runner maildev.js)
      curl -fsS http://127.0.0.1:1080/api/healthz >/dev/null || { echo "maildev's web inbox does not answer at port 1080:"; cat "$log"; return 1; }
      return 0
    fi
    kill -0 "$runner" 2>/dev/null || { echo "run.sh exited early:"; cat "$log"; return 1; }
    sleep 0.5
  done
  echo "run.sh did not become ready in time:"; cat "$log"; return 1
}

child_of_runner() { ps -o pid=,args= --ppid "$runner" | awk -v what="$1" 'index($0, what) { print $1 }'; }

stop() {
  [ -n "$runner" ] || return 0
  kill -TERM -- "-$runner" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$runner" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL -- "-$runner" 2>/dev/null || true
  [ -z "$azurite" ] || kill -KILL "$azurite" 2>/dev/null || true
  [ -z "$maildev" ] || kill -KILL "$maildev" 2>/dev/null || true
}
trap stop EXIT

sign_in() {
  # A signed-in page also carries the header's sign-out form and its token: any one of them will do.
  token=$(curl -fsS -c "$jar" -b "$jar" "$base/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=rosa" --data-urlencode "Password=rosa-demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/signin"
}

# Ctrl+C, as a terminal sends it: SIGINT to run.sh's whole process group. The server must be gone before
# Azurite is, everything within 10 s, and nothing after the signal may report a failure.
ctrl_c() {
  local server from started now server_ms="" azurite_ms=""
  server=$(child_of_runner Newsroom.Server.dll)
  [ -n "$server" ] && [ -n "$azurite" ] && [ -n "$maildev" ] || { echo "could not find the server, Azurite and maildev under run.sh"; return 1; }
  from=$(($(wc -l <"$log") + 1))
  started=$(date +%s%N)
  kill -INT -- "-$runner"
  while kill -0 "$runner" 2>/dev/null || [ -z "$azurite_ms" ]; do
    now=$(date +%s%N)
    # Azurite is looked at first: seen gone while the server is still there means it was stopped too early. Both gone
    # within one look (run.sh stops Azurite the moment the server has exited) is the right order.
    if [ -z "$azurite_ms" ] && ! kill -0 "$azurite" 2>/dev/null; then
      azurite_ms=$(((now - started) / 1000000))
      if [ -z "$server_ms" ] && kill -0 "$server" 2>/dev/null; then
        echo "Azurite stopped before the server had exited:"; tail -n "+$from" "$log"; return 1
      fi
      [ -n "$server_ms" ] || server_ms=$azurite_ms
    fi
    if [ -z "$server_ms" ] && ! kill -0 "$server" 2>/dev/null; then server_ms=$(((now - started) / 1000000)); fi
    if [ $((now - started)) -gt 10000000000 ]; then
      echo "Ctrl+C did not stop ./run.sh within 10 s:"; tail -n "+$from" "$log"; return 1
    fi
    sleep 0.02
  done
  if kill -0 "$maildev" 2>/dev/null; then
    echo "maildev was still running after ./run.sh exited:"; tail -n "+$from" "$log"; return 1
  fi
  if tail -n "+$from" "$log" | grep -i -E 'fail|exception|^\s+at ' >/dev/null; then
    echo "stopping ./run.sh reported failures:"; tail -n "+$from" "$log"; return 1
  fi
  echo "smoke: Ctrl+C stopped the server in $server_ms ms, then Azurite and maildev, in $azurite_ms ms in all"
  runner=""
}

# Reads the whole page before looking in it: with pipefail, `curl | grep -q` fails once a page outgrows the pipe,
# because grep stops reading at the first match and curl cannot write the rest.
has() { local needle="$1" body; shift; body="$(curl -fsS "$@")" || return 1; grep -qF -- "$needle" <<<"$body"; }

marker="smoke-$(date +%s)-$$"
start
has "Front page" "$base/" || { echo "the front page did not render"; exit 1; }
sign_in
curl -fsS -b "$jar" -H 'Content-Type: application/json' -d "{\"text\":\"$marker\"}" "$base/api/desks/smoke/bulletins" >/dev/null
draft=$(curl -fsS -b "$jar" -H 'Content-Type: application/json' -d '{"headline":"Smoke test draft"}' "$base/api/drafts" | sed 's/.*"id":"\([^"]*\)".*/\1/')
cookie=$(awk -F'\t' 'NF >= 7 { sub(/^#HttpOnly_/, "", $1); printf "%s=%s; ", $6, $7 }' "$jar")
node .ci/open-draft.mjs "$base" "$cookie" "$draft" >.data/smoke-editor.log 2>&1 &
editor=$!
for _ in $(seq 1 100); do grep -q typed .data/smoke-editor.log && break; kill -0 "$editor" 2>/dev/null || break; sleep 0.2; done
grep -q typed .data/smoke-editor.log || { echo "could not type into a draft:"; cat .data/smoke-editor.log; exit 1; }
ctrl_c
wait "$editor" || true
grep -q "closed by the server" .data/smoke-editor.log || { echo "the open draft's connection was not closed:"; cat .data/smoke-editor.log; exit 1; }

start
sign_in
has "$marker" -b "$jar" "$base/api/desks/smoke/bulletins" || { echo "the bulletin did not survive a restart of ./run.sh"; exit 1; }
has "Rosa Reporter" -b "$jar" "$base/desk" || { echo "the signed-in desk page did not render"; exit 1; }
echo "smoke: ./run.sh serves the newsroom, and stored data survives its restart"
