#!/usr/bin/env bash
# Runs a sharded build-dataset with GNU parallel: each stage's tasks with
# `parallel -j JOBS` (add --sshloginfile FILE to spread them over machines that
# share the work folder and the checkout path), a joblog per stage so a rerun
# with --resume-failed retries only what failed (finished tasks also skip
# themselves through their completion markers).
#   scripts/parallel-chain.sh JOBS [parallel options...] -- build-dataset FLAGS --work DIR --shards N
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$1; shift
popts=()
while [ "$1" != "--" ]; do popts+=("$1"); shift; done
shift
cli=(node "$PWD/dist/cli/claimstance.js" build-dataset "$@")
chain=$("${cli[@]}" --stages)
work=$(node -e 'const a = process.argv.slice(1); console.log(a[a.indexOf("--work") + 1])' -- "$@")
mkdir -p "$work/parallel"
node -e 'for (const s of JSON.parse(process.argv[1])) console.log(`${s.stage} ${s.tasks}`)' "$chain" | while read -r stage tasks; do
  seq 0 $((tasks - 1)) | parallel -j "$jobs" "${popts[@]}" --halt now,fail=1 --joblog "$work/parallel/$stage.log" \
    "$(printf '%q ' "${cli[@]}") --stage $stage --task {} >/dev/null"
done
