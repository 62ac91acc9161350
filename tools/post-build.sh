#!/usr/bin/env bash
# trunk post_build hook. trunk runs a stage's hooks side by side, so this one script orders them:
# first the stylesheet and the app's JavaScript are minified (tools/minify.mjs), then the page is
# prerendered for the shipped data (src/bin/prerender/main.rs, the app's own
# components rendered natively), then the app's preloads are moved up to load beside the
# stylesheet (tools/head-order.mjs), then the Content-Security-Policy is pinned (tools/csp.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${TRUNK_STAGING_DIR:?run as a trunk hook}"
node tools/minify.mjs
cargo run --quiet --no-default-features --features ssr --bin prerender -- "$dir"
node tools/head-order.mjs
node tools/csp.mjs
