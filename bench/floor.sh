#!/usr/bin/env bash
# What the wasm bundle costs before Papershelf's own views: a minimal Leptos app, the same app
# with all of papershelf-core linked in, and the site itself (the latest `make build` in dist/).
# Each wasm is optimised as trunk does it (wasm-bindgen, then wasm-opt -Oz) and gzipped (-9).
# Usage: bash bench/floor.sh   (a few minutes on first run; needs tools/setup.sh's tools)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$repo/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

gzipped() { gzip -9c "$1" | wc -c | awk '{printf "%.1f KB", $1 / 1000}'; }

measure() { # label, cargo features
  local label=$1 features=$2
  (cd "$repo/bench/floor" && cargo build -q --release --target wasm32-unknown-unknown $features)
  wasm-bindgen --target web --out-dir "$out/$label" "$repo/bench/floor/target/wasm32-unknown-unknown/release/papershelf-floor.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-simd \
    "$out/$label/papershelf-floor_bg.wasm" -o "$out/$label/opt.wasm"
  echo "| $label | $(gzipped "$out/$label/opt.wasm") | $(gzipped "$out/$label/papershelf-floor.js") |"
}

echo "| Build | wasm (gzip) | JS (gzip) |"
echo "|---|---:|---:|"
measure "Leptos: signal, For, Show, one handler" ""
measure "… + all of papershelf-core" "--features core"
if compgen -G "$repo/dist/*.wasm" >/dev/null; then
  echo "| Papershelf (dist/) | $(gzipped "$repo"/dist/*_bg.wasm) | $(gzipped "$(ls "$repo"/dist/papershelf-*.js)") |"
fi
