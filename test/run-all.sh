#!/usr/bin/env bash
# `npm test`: every stage in order, each timed. The table of times is printed at the end (also when a stage
# fails) and kept in .test-output/stages.md, so a slow stage shows where the suite's time goes.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=()
now_ms() { echo $(($(date +%s%N) / 1000000)); }
started=$(now_ms)

# Seconds since a time given in ms, to a tenth.
seconds_since() { local ms=$(($(now_ms) - $1)); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }

report() {
  local status=$?
  local total
  total=$(seconds_since "$started")
  mkdir -p .test-output
  {
    echo "| stage | seconds |"
    echo "|---|---|"
    printf '%s\n' "${rows[@]}"
    echo "| whole run | $total |"
  } >.test-output/stages.md
  echo
  echo "Time per stage:"
  cat .test-output/stages.md
  exit "$status"
}
trap report EXIT

stage() {
  local name=$1
  shift
  local at
  at=$(now_ms)
  echo
  echo "== $name"
  "$@"
  rows+=("| $name | $(seconds_since "$at") |")
}

# Two stages at once, each line of output prefixed with its stage's name; each timed on its own, and the pair too.
side_by_side() {
  local at
  at=$(now_ms)
  echo
  echo "== $1 and $3, side by side"
  local pids=() names=("$1" "$3") commands=("$2" "$4")
  for i in 0 1; do
    (
      local started
      started=$(now_ms)
      set +e
      bash -c "${commands[$i]}" 2>&1 | tee ".test-output/side-by-side-$i.log" | sed -u "s/^/[${names[$i]}] /"
      local status=${PIPESTATUS[0]}
      echo "$(seconds_since "$started") $status" >".test-output/side-by-side-$i"
      exit "$status"
    ) &
    pids+=($!)
  done
  local failed=0
  for i in 0 1; do
    local status=0
    wait "${pids[$i]}" || status=$?
    read -r seconds _ <".test-output/side-by-side-$i"
    rows+=("| ${names[$i]} (side by side) | $seconds |")
    if [ "$status" -ne 0 ]; then
      failed=1
      # Interleaved with the other stage's lines, a failure is hard to find in a long log: say it again, whole.
      echo
      echo "== ${names[$i]} failed (exit $status); its failures again:"
      if grep -qE '[0-9]+ failing' ".test-output/side-by-side-$i.log"; then
        sed -n '/[0-9] failing/,$p' ".test-output/side-by-side-$i.log"
      else
        tail -n 60 ".test-output/side-by-side-$i.log"
      fi
    fi
  done
  rows+=("| ${names[0]} and ${names[1]}, together | $(seconds_since "$at") |")
  return "$failed"
}

mkdir -p .test-output
stage "compile" npm run --silent compile
node out/test/results.js --reset
side_by_side "lint" "npm run --silent lint" "format" "npm run --silent format:check"
stage "build" npm run --silent build
stage "code-server (installed once)" bash test/host/install-code-server.sh
# The plain-Node suites and the extension host suites side by side: neither clicks (their waits are Azure's pace:
# Retry-After, operations, poll pacing, timeouts), each has its own emulators, and two cores serve both. The workbench
# runs alone: side by side with the others its clicks and keys lost their timing on two cores (hovers and menus).
side_by_side "unit" "env AKS_CONFORMANCE=1 npm run --silent test:unit" \
  "extension host" "env AKS_CONFORMANCE=1 npm run --silent test:host"
stage "package" npm run --silent package
stage "workbench" env AKS_CONFORMANCE=1 npm run --silent test:e2e
stage "conformance" npm run --silent test:conformance
node out/test/results.js unit host host-matrix host-ja e2e conformance
