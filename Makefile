# Papershelf: `make serve` to see the site, `make test` to run every test.
# Both install whatever is missing first (tools/setup.sh; idempotent).

SHELL := /bin/bash
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PUBLIC_URL ?= /papers/
PORT ?= 8080

.PHONY: setup serve build test test-native test-browser lint bench clean

setup:
	@bash tools/setup.sh

## Serve the site locally with the bundled data, rebuilding on change.
serve: setup
	trunk serve --open=false --port $(PORT)

## Release build under a sub-path, as on GitHub Pages (dist/).
build: setup
	trunk build --release --public-url $(PUBLIC_URL)

## Every test: formatting and lints, native unit tests, then browser tests on the release build.
test: setup lint test-native build test-browser

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p papershelf -- -D warnings

test-native:
	cargo test --workspace

test-browser:
	cd tests/browser && PUBLIC_URL=$(PUBLIC_URL) npx playwright test

## Benchmarks (not tests): core micro-benchmarks, then the release site against a List.js page
## on the 10k and a generated 100k corpus; writes BENCHMARKS.md.
bench: setup build
	cargo bench -p papershelf-core --bench core > bench/core-latest.md
	cd bench && npm ci --no-audit --no-fund && node run.mjs

clean:
	rm -rf dist target
