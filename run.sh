#!/usr/bin/env bash
# Runs the newsroom at http://localhost:5000 (NEWSROOM_PORT to change it) with Azurite and maildev started beside it.
# Storage lives in .data/azurite (git-ignored), so what was stored is still there after a restart; the emails the
# newsroom sends land in maildev (SMTP 127.0.0.1:1025, kept in .data/maildev), read at http://localhost:1080.
# Ctrl+C stops the server first and Azurite and maildev only once the server has exited: open drafts write their last
# snapshot while the server shuts down, and that needs storage.
# ./run.sh --cluster N runs N silos (2 to 9) as one cluster (Azure Table clustering on the same Azurite) behind nginx
# at the same address, configured from infra/nginx.conf by scripts/nginx-for-silos.sh; silo i answers directly at
# port+i, and its log is .data/silo<i>.log. Ctrl+C stops nginx, then every silo, then Azurite and maildev.
set -euo pipefail
cd "$(dirname "$0")"
port="${NEWSROOM_PORT:-5000}"
silos=1
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster) silos="${2:-}"; shift; [ $# -gt 0 ] && shift ;;
    --cluster=*) silos="${1#--cluster=}"; shift ;;
    *) echo "Unknown option $1. Usage: ./run.sh [--cluster N]" >&2; exit 2 ;;
  esac
done
if [ "$silos" != 1 ] && { ! [[ "$silos" =~ ^[0-9]$ ]] || [ "$silos" -lt 2 ]; }; then
  echo "--cluster takes the number of silos, 2 to 9; got '$silos'." >&2
  exit 2
fi

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "NEWSROOM_PORT=$port is not a port number (1 to 65535)." >&2
  exit 1
fi
if listening "$port"; then
  echo "Port $port is in use (another newsroom, or something else). Stop it, or pick another port: NEWSROOM_PORT=8000 ./run.sh" >&2
  exit 1
fi
if [ "$silos" -gt 1 ]; then
  for i in $(seq 1 "$silos"); do
    for p in $((port + i)) $((11110 + i)) $((29999 + i)); do
      if listening "$p"; then
        echo "Port $p is in use (silo $i of the cluster would take it): stop what holds it, or pick another NEWSROOM_PORT." >&2
        exit 1
      fi
    done
  done
fi
for p in 10000 10001 10002; do
  if listening "$p"; then
    echo "Port $p is in use: another Azurite (or something else) is running. Stop it and try again." >&2
    exit 1
  fi
done
for p in 1025 1080; do
  if listening "$p"; then
    echo "Port $p is in use: another maildev (or something else) is running. Stop it and try again." >&2
    exit 1
  fi
done

if [ "$silos" -gt 1 ]; then scripts/prerequisites.sh --with-nginx; else scripts/prerequisites.sh; fi
mkdir -p .data/azurite .data/maildev

# The server runs from its build output rather than under `dotnet run`, so a signal reaches the server itself.
echo "==> building the server"
dotnet build src/Newsroom.Server -c Debug --nologo -v q -warnAsMessage:NU1603

servers=()
proxy=""
azurite=""
maildev=""
running() { for p in "$@"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
stop_all() {
  # A second Ctrl+C does not wait for the servers any longer; Azurite and maildev are still stopped after it.
  trap 'echo "==> killing the newsroom"; kill -KILL "${servers[@]}" 2>/dev/null || true' INT TERM HUP
  if [ -n "$proxy" ]; then
    kill -TERM "$proxy" 2>/dev/null || true
  fi
  if [ ${#servers[@]} -gt 0 ] && running "${servers[@]}"; then
    echo "==> stopping the newsroom (open drafts write their snapshots)"
    kill -TERM "${servers[@]}" 2>/dev/null || true
    while running "${servers[@]}"; do
      for p in "${servers[@]}"; do wait "$p" 2>/dev/null || true; done
    done
  fi
  if [ -n "$azurite" ]; then
    echo "==> stopping Azurite"
    kill -TERM "$azurite" 2>/dev/null || true
  fi
  if [ -n "$maildev" ]; then
    echo "==> stopping maildev"
    kill -TERM "$maildev" 2>/dev/null || true
  fi
  for p in $azurite $maildev; do wait "$p" 2>/dev/null || true; done
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

echo "==> starting Azurite (data in .data/azurite, log in .data/azurite.log)"
# In a session of its own, so Ctrl+C (a signal to the terminal's whole process group) does not stop it
# under a server that is still writing; stop_all stops it after the server. --silent: no line per request, which
# would grow the log without end and cost Azurite's one thread a tenth of its time under a fan-out.
setsid node node_modules/azurite/dist/src/azurite.js --skipApiVersionCheck --disableTelemetry --loose --silent \
  --location .data/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  >.data/azurite.log 2>&1 &
azurite=$!

for p in 10000 10001 10002; do
  for _ in $(seq 1 100); do
    listening "$p" && break
    kill -0 "$azurite" 2>/dev/null || { cat .data/azurite.log >&2; exit 1; }
    sleep 0.1
  done
done

echo "==> starting maildev (SMTP 127.0.0.1:1025, web inbox http://localhost:1080, log in .data/maildev.log)"
# Its own session too, for the same reason: the server may still be sending while it shuts down.
setsid node node_modules/maildev/dist/bin/maildev.js --ip 127.0.0.1 --smtp 1025 --web-ip 127.0.0.1 --web 1080 \
  --mail-directory .data/maildev >.data/maildev.log 2>&1 &
maildev=$!

for p in 1025 1080; do
  for _ in $(seq 1 300); do
    listening "$p" && break
    kill -0 "$maildev" 2>/dev/null || { cat .data/maildev.log >&2; exit 1; }
    sleep 0.1
  done
  listening "$p" || { echo "maildev is not listening on port $p after 30 s:" >&2; cat .data/maildev.log >&2; exit 1; }
done

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__AzureStorage="${ConnectionStrings__AzureStorage:-UseDevelopmentStorage=true}"
if [ "$silos" = 1 ]; then
  echo "==> starting the newsroom at http://localhost:$port (Ctrl+C stops it, then Azurite and maildev); emails it sends: http://localhost:1080"
  dotnet artifacts/bin/Newsroom.Server/debug/Newsroom.Server.dll --contentRoot "$PWD/src/Newsroom.Server" \
    --urls "http://localhost:$port" &
  servers+=($!)
else
  for i in $(seq 1 "$silos"); do
    echo "==> starting silo $i of $silos at http://localhost:$((port + i)) (log in .data/silo$i.log)"
    # One silo writes the demo stories; the others would only race it through the same steps. Silos sharing one
    # machine's cores run the workstation GC: three server-GC silos on two cores took the editors' p99 from 224 ms
    # to 955 ms in the cluster benchmark (README "Cluster"), each process's GC threads contending with the others'.
    DOTNET_gcServer="${DOTNET_gcServer:-0}" Newsroom__Cluster__Clustering=AzureStorage Newsroom__Cluster__AdvertisedAddress=127.0.0.1 \
    Newsroom__Cluster__SiloPort=$((11110 + i)) Newsroom__Cluster__GatewayPort=$((29999 + i)) \
    Newsroom__Demo__Stories="$([ "$i" = 1 ] && echo true || echo false)" \
      dotnet artifacts/bin/Newsroom.Server/debug/Newsroom.Server.dll --contentRoot "$PWD/src/Newsroom.Server" \
      --urls "http://localhost:$((port + i))" >".data/silo$i.log" 2>&1 &
    servers+=($!)
  done
  mkdir -p .data/nginx
  # shellcheck disable=SC2046
  scripts/nginx-for-silos.sh .data/nginx "$port" $(for i in $(seq 1 "$silos"); do echo $((port + i)); done)
  echo "==> starting nginx at http://localhost:$port in front of the $silos silos (Ctrl+C stops it, the silos, then Azurite and maildev); emails they send: http://localhost:1080"
  "$(command -v nginx || echo /usr/sbin/nginx)" -p "$PWD/.data/nginx" -c "$PWD/.data/nginx/nginx.conf" -g "daemon off;" &
  proxy=$!
fi
# Waiting in the background (rather than running the server in the foreground) lets the traps run as soon
# as a signal comes; the servers themselves ignore Ctrl+C and stop when stop_all tells them to. A cluster runs while
# any of its silos does (kill -9 one to watch the others carry on).
if [ "$silos" = 1 ]; then
  wait "${servers[0]}"
else
  while running "${servers[@]}"; do
    wait -n "${servers[@]}" 2>/dev/null || true
  done
fi
