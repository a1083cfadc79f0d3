#!/usr/bin/env bash
# Every output of the sharded build (--work/--shards, local executor) must be
# byte-identical to the one-process build. Usage:
#   scripts/check-sharded.sh "SHARD COUNTS" [build-dataset flags...]
# e.g. scripts/check-sharded.sh "1 2 3 7" --input ../shared/corpora/fnc1/train_bodies.csv --text-column articleBody
# Runs the compiled CLI (npm ci / npm run build made dist/); scratch in a temp folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=$1; shift
d=$(mktemp -d "${TMPDIR:-/tmp}/claimstance-sharded-XXXXXX")
trap 'rm -rf "$d"' EXIT
node dist/cli/claimstance.js build-dataset --quiet --gold none "$@" --out "$d/plain" >/dev/null
status=0
for n in $counts; do
  node dist/cli/claimstance.js build-dataset --quiet --gold none "$@" --out "$d/s$n" --work "$d/w$n" --shards "$n" >/dev/null
  for f in "$d"/plain/*; do
    if ! cmp -s "$f" "$d/s$n/$(basename "$f")"; then echo "shards $n: $(basename "$f") differs"; status=1; fi
  done
  echo "shards $n: $(ls "$d/plain" | wc -l) files compared"
  rm -rf "$d/w$n" "$d/s$n"
done
exit $status
