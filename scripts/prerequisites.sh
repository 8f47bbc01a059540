#!/usr/bin/env bash
# Installs what a fresh Debian machine with only the .NET SDK and Node.js lacks:
# the npm packages (esbuild, Azurite, maildev, the CodeMirror/Yjs oracles), for the browser tests Chromium
# (--with-browser), and nginx (--with-nginx): the proxy in front of a local cluster (./run.sh --cluster, the cluster
# tests) and the article benchmark's peer. Flags may be combined.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=""
nginx=""
for flag in "$@"; do
  case "$flag" in
    --with-browser) browser=1 ;;
    --with-nginx) nginx=1 ;;
    *) echo "unknown flag $flag (--with-browser, --with-nginx)" >&2; exit 2 ;;
  esac
done

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund
fi

if [ -n "$browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ -n "$nginx" ] && ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "==> installing Debian's nginx (the proxy of local clusters, the article benchmark's peer)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # Each user of it runs its own nginx, with its own configuration, on a free loopback port.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
fi
