#!/usr/bin/env bash
# CI check: the package installs outside the checkout and runs. `npm pack`
# (which runs `prepare`, the build), install the tarball into an empty temp
# folder (dependencies from the npm cache when it has them), then
# `npx claimstance build-dataset` on the seeds with the default lexicons and
# gold found inside the package: its train/test records must equal data/'s.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/claimstance-pack-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$root"
tgz=$(npm pack --silent --pack-destination "$tmp" | tail -n 1)
echo "packed $tgz ($(du -k "$tmp/$tgz" | cut -f1) KB)"
mkdir "$tmp/app"
cd "$tmp/app"
echo '{"name":"claimstance-pack-check","version":"1.0.0","private":true}' > package.json
npm install --no-audit --no-fund --prefer-offline "$tmp/$tgz" >/dev/null
npx --no-install claimstance --help >/dev/null
test "$(npx --no-install claimstance --version)" = "$(node -p "require('$root/package.json').version")"
npx --no-install claimstance build-dataset --input "$root/seeds" --out "$tmp/out" --quiet >/dev/null
for f in train.jsonl test.jsonl labeller-report.json claim-record.schema.json; do
  cmp "$tmp/out/$f" "$root/data/$f"
done
echo "installed package: claimstance --help, --version and build-dataset work; records equal data/"
