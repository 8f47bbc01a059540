#!/usr/bin/env bash
# Writes <directory>/nginx.conf: the proxy of infra/nginx.conf (the compose file's) for silos on this machine, so a
# local cluster runs behind the same proxy (the same ip_hash upstream and the same location with its WebSocket
# upgrades and timeouts). In place of the compose services, the silos' loopback ports; a loopback listen port in
# place of 80; pid, logs and temporary files under <directory>, so that nginx runs as the user, not as the system's
# service; and a header saying which silo answered (X-Newsroom-Silo), for people and tests to see where they landed.
# Used by `./run.sh --cluster N` and by the tests' NewsroomProxy.
# usage: scripts/nginx-for-silos.sh <directory> <listen port> <silo port>...
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 3 ]; then
  echo "usage: $0 <directory> <listen port> <silo port>..." >&2
  exit 2
fi
dir="$(cd "$1" && pwd)"
listen="$2"
shift 2
servers=""
for port in "$@"; do
  servers+="    server 127.0.0.1:$port;"$'\n'
done

awk -v dir="$dir" -v listen="$listen" -v servers="$servers" '
  /^events/ {
    print "pid " dir "/nginx.pid;"
    print "error_log " dir "/error.log warn;"
    print; next
  }
  /^http \{/ {
    print
    print "  access_log off;"
    n = split("client_body proxy fastcgi uwsgi scgi", temps, " ")
    for (i = 1; i <= n; i++) print "  " temps[i] "_temp_path " dir "/" temps[i] ";"
    next
  }
  /^ *server silo[0-9]+:8080;/ { if (!written) { printf "%s", servers; written = 1 } next }
  /^ *listen 80;/ { sub(/listen 80;/, "listen 127.0.0.1:" listen ";"); print; next }
  /^ *location \/ \{/ { print; print "      add_header X-Newsroom-Silo $upstream_addr always;"; next }
  { print }
' "$root/infra/nginx.conf" >"$dir/nginx.conf"
if [ "$(grep -c "server 127.0.0.1:" "$dir/nginx.conf")" -ne $# ]; then
  echo "infra/nginx.conf no longer has the shape this script expects (upstream servers silo1:8080...)." >&2
  exit 1
fi
