#!/usr/bin/env bash
# Runs every test: builds the solution, runs each test project (they start their own Azurite and
# servers on free loopback ports), and ends with the line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

scripts/prerequisites.sh --with-browser --with-nginx || exit 1

echo "==> type-checking the browser scripts"
npm run -s typecheck:client || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

echo "==> dotnet build"
dotnet build Newsroom.sln -c Debug --nologo -v q || exit 1

log="$(mktemp)"
echo "==> dotnet test"
dotnet test Newsroom.sln -c Debug --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints "Failed: F, Passed: P, Skipped: S, Total: T"; add them up.
totals=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
  awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
rm -f "$log"
echo "${totals:-0 passed, 0 failed, 0 skipped}"
exit "$status"
