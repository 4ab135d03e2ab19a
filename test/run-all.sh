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

mkdir -p .test-output
stage "compile" npm run --silent compile
node out/test/results.js --reset
stage "lint" npm run --silent lint
stage "format" npm run --silent format:check
stage "build" npm run --silent build
stage "unit" env AKS_CONFORMANCE=1 npm run --silent test:unit
stage "code-server (installed once)" bash test/host/install-code-server.sh
# One after the other: side by side (each with its own emulator, code-server and Chromium) they took 698 s instead of
# 973 s on two cores, but the workbench's clicks then lose their timing (hover and quick-input races).
stage "extension host" env AKS_CONFORMANCE=1 npm run --silent test:host
stage "package" npm run --silent package
stage "workbench" env AKS_CONFORMANCE=1 npm run --silent test:e2e
stage "conformance" npm run --silent test:conformance
node out/test/results.js unit host host-ja e2e conformance
