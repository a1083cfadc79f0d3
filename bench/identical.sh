#!/usr/bin/env bash
# bench/identical.sh BASE_REF [HEAD_REF]: are the outputs of two commits byte
# for byte the same? Builds BASE_REF and HEAD_REF (default: the working tree
# as committed at HEAD) in temporary git worktrees (node_modules symlinked,
# compiled with tsc -b), runs build-dataset on the seeds, FNC-1 (both body
# files), BBC News, horne2017, PolNeAR train text and the first 2,000 AllSides
# articles, and every label benchmark (npm run benchmark with no name, plus
# polnear on train), then `cmp`s every output file. Exit 0 when all are equal.
#
# QUICK=1 bench/identical.sh BASE: only seeds, FNC-1 and the benchmarks (for
# iteration; run the full set before a commit that claims identity).
# Runs one build at a time (--workers 0): the machine is shared.
set -euo pipefail

BASE_REF=${1:?usage: bench/identical.sh BASE_REF [HEAD_REF]}
HEAD_REF=${2:-HEAD}
ROOT=$(git rev-parse --show-toplevel)
CORPORA=${CORPORA:-$ROOT/../shared/corpora}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/claimstance-identical-XXXXXX")
cleanup() {
  for side in base head; do
    [ -d "$TMP/$side" ] && git -C "$ROOT" worktree remove --force "$TMP/$side" >/dev/null 2>&1 || true
  done
  rm -rf "$TMP"
}
trap cleanup EXIT

# A commit-ish resolved once, so both sides name exact commits in the output.
BASE_SHA=$(git -C "$ROOT" rev-parse --verify "$BASE_REF^{commit}")
HEAD_SHA=$(git -C "$ROOT" rev-parse --verify "$HEAD_REF^{commit}")
echo "identical.sh: base $BASE_REF ($BASE_SHA) vs head $HEAD_REF ($HEAD_SHA)"

# AllSides: the first 2,000 articles as a plain .jsonl (same file for both sides).
ALLSIDES="$TMP/allsides-2000.jsonl"
if [ -z "${QUICK:-}" ]; then
  gzip -dc "$CORPORA/allsides/articles.jsonl.gz" 2>/dev/null | head -n 2000 >"$ALLSIDES" || true
fi

prepare() { # side sha
  local side=$1 sha=$2 dir="$TMP/$1"
  git -C "$ROOT" worktree add --detach --quiet "$dir" "$sha"
  ln -s "$(readlink -f "$ROOT/node_modules")" "$dir/node_modules"
  (cd "$dir" && node node_modules/typescript/bin/tsc -b tsconfig.build.json)
}

run_side() { # side
  # Outputs go under the side's worktree and are named relative to it: reports
  # quote their own paths, which must not differ between the sides.
  local side=$1 dir="$TMP/$1" out="$TMP/$1/identical-out" rel=identical-out
  local cli=(node "$dir/dist/cli/claimstance.js")
  mkdir -p "$out"
  local start=$SECONDS
  build() { # name, then flags
    local name=$1
    shift
    local t0=$SECONDS
    (cd "$dir" && "${cli[@]}" build-dataset --quiet --workers 0 "$@" --out "$rel/$name") >"$out/$name.log" 2>&1 ||
      { echo "  $side $name: build failed (see below)"; tail -5 "$out/$name.log"; return 1; }
    echo "  $side $name: $((SECONDS - t0)) s"
  }
  build seeds
  build fnc1 --input "$CORPORA/fnc1/train_bodies.csv" --input "$CORPORA/fnc1/competition_test_bodies.csv" \
    --text-column articleBody --id-column "Body ID" --gold none
  if [ -z "${QUICK:-}" ]; then
    build bbc --input "$CORPORA/bbc_news" --gold none
    build horne2017 --input "$CORPORA/horne2017" --encoding auto --gold none
    build polnear-train --input "$CORPORA/polnear/train/text" --gold none
    build allsides-2000 --input "$ALLSIDES" --text-field text --id-field id --gold none
  fi
  local t0=$SECONDS
  (cd "$dir" && "${cli[@]}" benchmark --out-dir "$rel/bench/labels" &&
    "${cli[@]}" benchmark --out-dir "$rel/bench/labels" polnear --dir "$CORPORA/polnear/train") >"$out/benchmark.log" 2>&1 ||
    { echo "  $side benchmarks failed"; tail -5 "$out/benchmark.log"; return 1; }
  echo "  $side benchmarks: $((SECONDS - t0)) s"
  echo "  $side total: $((SECONDS - start)) s"
}

prepare base "$BASE_SHA"
prepare head "$HEAD_SHA"
run_side base
run_side head

# Every file either side wrote (logs excepted: they carry timings).
same=0
differ=0
while IFS= read -r rel; do
  a="$TMP/base/identical-out/$rel" b="$TMP/head/identical-out/$rel"
  if [ ! -f "$a" ] || [ ! -f "$b" ]; then
    echo "DIFFER $rel (only in $([ -f "$a" ] && echo base || echo head))"
    differ=$((differ + 1))
  elif cmp -s "$a" "$b"; then
    same=$((same + 1))
  else
    echo "DIFFER $rel: $(cmp "$a" "$b" 2>&1 | head -1)"
    differ=$((differ + 1))
  fi
done < <( (cd "$TMP/base/identical-out" && find . -type f ! -name '*.log'; cd "$TMP/head/identical-out" && find . -type f ! -name '*.log') | sed 's|^\./||' | LC_ALL=C sort -u)

echo "identical.sh: $same files identical, $differ differ ($BASE_REF vs $HEAD_REF)"
[ "$differ" -eq 0 ]
