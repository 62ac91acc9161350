#!/usr/bin/env bash
# Installs what building Papershelf needs, skipping whatever is already there; with `test`, also
# what the browser tests and benchmarks need (Playwright's runner and Debian's Chromium;
# puppeteer-core and Debian's Firefox ESR).
# Safe to run again and again; `make serve` and `make build` run `tools/setup.sh`, `make test`
# and `make bench` run `tools/setup.sh test`.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-build}" in
  build) browser=false ;;
  test) browser=true ;;
  *) echo "usage: tools/setup.sh [build|test]" >&2; exit 2 ;;
esac
# Playwright's configuration and the Firefox tests read the same variables.
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
FIREFOX=${FIREFOX:-/usr/bin/firefox-esr}

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate that Cargo.lock pins.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# cargo-binstall, where it is installed and the tool's release page can be reached, downloads the
# prebuilt binary; otherwise the tool is built from source with cargo install (about 14 minutes
# for the two on 2 cores). binstall's own fallback to compiling is turned off, so that a build
# from source is always this one, with these flags.
# `install_crate CRATE VERSION [cargo install flags…]`
install_crate() {
  local crate=$1 version=$2
  shift 2
  if command -v cargo-binstall >/dev/null; then
    cargo binstall --no-confirm --force --disable-strategies compile --disable-telemetry \
      "$crate@$version" && return
    say "no prebuilt $crate $version: building it from source"
  fi
  cargo install "$crate" --version "$version" "$@"
}

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  install_crate trunk "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one of its locked dependencies is missing from the registry mirror.
  install_crate wasm-bindgen-cli "$WASM_BINDGEN_VERSION" --force
fi

# binaryen's wasm-opt 132, from npm (Debian's 108 builds bundles that crash in Chromium).
if [ ! -x tools/node_modules/.bin/wasm-opt ]; then
  say "installing binaryen (wasm-opt) from npm"
  (cd tools && npm ci --no-audit --no-fund)
fi

if ! $browser; then
  say "build tools ready"
  exit 0
fi

# Browser-test dependencies (Playwright's test runner, which drives Debian's Chromium, and axe-core
# for the accessibility audit).
if [ ! -d tests/browser/node_modules/@playwright/test ] || [ ! -d tests/browser/node_modules/@axe-core/playwright ]; then
  say "installing the browser-test runner from npm"
  (cd tests/browser && npm ci --no-audit --no-fund)
fi

# The Firefox tests: puppeteer-core drives Debian's Firefox ESR over WebDriver BiDi.
if [ ! -d tests/firefox/node_modules/puppeteer-core ]; then
  say "installing the Firefox test driver from npm"
  (cd tests/firefox && npm ci --no-audit --no-fund)
fi

# Debian's packages: `apt_install BINARY PACKAGE` installs PACKAGE unless BINARY is there.
apt_install() {
  [ -x "$1" ] && return
  say "installing Debian's $2"
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get install -y "$2" ||
    { $sudo_cmd apt-get update && $sudo_cmd apt-get install -y "$2"; }
}
apt_install "$CHROMIUM" chromium
apt_install "$FIREFOX" firefox-esr

say "build and test tools ready"
