#!/usr/bin/env bash
# CI: the sharded build run by Slurm (job arrays, afterok dependencies, 3
# shards) on a single-node cluster in a private network namespace
# (../shared/tools/slurm-local.sh) writes every output byte-identical to the
# one-machine build: on the seeds, and on FNC-1 when ../shared/corpora is there.
# Installs slurm-wlm and munge from Debian when missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
d=$(mktemp -d "${TMPDIR:-/tmp}/claimstance-slurm-XXXXXX")
chmod 755 "$d"
trap 'rm -rf "$d"' EXIT
fnc=../shared/corpora/fnc1
sets=(seeds)
declare -A flags=([seeds]="--input seeds/")
if [ -d "$fnc" ]; then
  sets+=(fnc1)
  flags[fnc1]="--input $fnc/train_bodies.csv --input $fnc/competition_test_bodies.csv --text-column articleBody"
fi
for s in "${sets[@]}"; do
  # shellcheck disable=SC2086
  node dist/cli/claimstance.js build-dataset --quiet --gold none ${flags[$s]} --out "$d/$s-plain" >/dev/null
done
cat > "$d/chains.sh" <<EOS
#!/usr/bin/env bash
set -euo pipefail
$(for s in "${sets[@]}"; do echo "scripts/slurm-chain.sh 3 '$d/$s-work' --quiet --gold none ${flags[$s]} --out '$d/$s-slurm'"; done)
EOS
chmod +x "$d/chains.sh"
unshare --net ../shared/tools/slurm-local.sh -- "$d/chains.sh"
status=0
for s in "${sets[@]}"; do
  n=0
  for f in "$d/$s-plain"/*; do
    n=$((n + 1))
    cmp -s "$f" "$d/$s-slurm/$(basename "$f")" || { echo "slurm $s: $(basename "$f") differs"; status=1; }
  done
  echo "slurm $s: $n files compared"
done
exit $status
