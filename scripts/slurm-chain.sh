#!/usr/bin/env bash
# Submits a sharded build-dataset to Slurm as job arrays, one per stage, each
# depending on the one before (afterok), and waits for the last. The work
# folder must be on storage every node sees (here: one node).
#   scripts/slurm-chain.sh SHARDS WORK [build-dataset flags...]
# Exit status: 0 when the finalize job succeeded. Logs: WORK/slurm/STAGE-TASK.out.
set -euo pipefail
cd "$(dirname "$0")/.."
shards=$1; work=$2; shift 2
cli=(node "$PWD/dist/cli/claimstance.js" build-dataset "$@" --work "$work" --shards "$shards")
mkdir -p "$work/slurm"
chain=$("${cli[@]}" --stages)
mapfile -t rows < <(node -e 'for (const s of JSON.parse(process.argv[1])) console.log(`${s.stage} ${s.tasks}`)' "$chain")
prev=""
last=$(( ${#rows[@]} - 1 ))
for i in "${!rows[@]}"; do
  read -r stage tasks <<<"${rows[$i]}"
  cmd="$(printf '%q ' "${cli[@]}") --stage $stage --task \$SLURM_ARRAY_TASK_ID"
  opts=(--parsable --job-name "cs-$stage" --array "0-$((tasks - 1))" --output "$work/slurm/$stage-%a.out" --kill-on-invalid-dep=yes)
  [ -n "$prev" ] && opts+=(--dependency "afterok:$prev")
  if [ "$i" -eq "$last" ]; then
    sbatch "${opts[@]}" --wait --wrap "$cmd" >/dev/null
  else
    prev=$(sbatch "${opts[@]}" --wrap "$cmd")
  fi
done
