# consent-banner — every target installs what it needs (scripts/setup.sh), idempotently.
#   make demo   build and serve the bilingual demo on http://127.0.0.1:8080/
#   make test   every test layer: native core, wasm in headless Chromium, end-to-end of dist/script/
#   make dist   dist/script/ (for site owners) and dist/npm/ (the npm package)
#   make size   bytes of dist/script/ raw, gzip -9 and brotli -q 11, checked against the budget
#   make bench  side by side with vanilla-cookieconsent: load timings, then Lighthouse

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

PKG := target/pkg
# For both of dist/'s modules. The features come from the module's target_features section; the
# section and the producers list are then dropped, as nothing at run time reads them. Flattening
# and re-looping before -Os lays the control flow out smaller than -Oz alone (-528 B brotli);
# --low-memory-unused folds constant offsets into loads and stores (-490 B): rustc links the stack
# first, so the low 1 KiB is the far end of the 1 MiB stack, reached only as it overflows.
WASM_OPT_FLAGS := --flatten --rereloop -Os --low-memory-unused --strip-debug --strip-producers --strip-target-features
# dist/script/ after brotli -q 11, in bytes: the loader with the glue, and the .wasm. Lower it whenever
# the folder shrinks; raise it only for a feature an issue requires, in a commit of its own that
# gives the measured cost.
SIZE_BUDGET := 80570

# js/gtag.js too: wasm-bindgen copies it into the package as a snippet.
RUST_SOURCES := Cargo.toml Cargo.lock rust-toolchain.toml $(shell find src -type f) js/gtag.js

CONSUMERS := tests/consumers

.PHONY: setup setup-test setup-release build dist demo test test-native test-browser test-consumers test-e2e size bench compare release reproducible clean

# The one version, Cargo.toml's; make dist writes it into the npm package.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

# What building needs (any Linux or macOS with rustup and Node); the browsers only for tests.
setup:
	@bash scripts/setup.sh build

setup-test:
	@bash scripts/setup.sh test

setup-release:
	@bash scripts/setup.sh release

# Crates' source paths (in panic locations) are written relative to the registry, not to this
# machine's CARGO_HOME: the same module from any machine, and shorter.
CARGO_HOME ?= $(HOME)/.cargo
REMAP := --remap-path-prefix=$(CARGO_HOME)/registry/src/=

$(PKG)/consent_banner_bg.wasm: $(RUST_SOURCES)
	RUSTFLAGS="$(REMAP)" wasm-pack build --release --target web --no-pack --out-dir $(PKG) --out-name consent_banner

build: setup $(PKG)/consent_banner_bg.wasm

dist: build
	rm -rf dist && mkdir -p dist/script dist/npm
	node scripts/bundle.mjs $(PKG) dist/script $(WASM_OPT_FLAGS)
	cp -r $(PKG)/. dist/npm/
	wasm-opt $(WASM_OPT_FLAGS) $(PKG)/consent_banner_bg.wasm -o dist/npm/consent_banner_bg.wasm
	rm -f dist/npm/.gitignore
	cp -r pkg-template/. dist/npm/
	cp LICENSE-MIT LICENSE-APACHE dist/npm/
	node -e 'const f="dist/npm/package.json",p=JSON.parse(require("fs").readFileSync(f));p.version="$(VERSION)";require("fs").writeFileSync(f,JSON.stringify(p,null,2)+"\n")' 

demo: dist
	node scripts/serve.mjs --port 8080

# Side by side with vanilla-cookieconsent v3 in headless Chromium (BENCH_RUNS=21 by default, ~5
# minutes), then Lighthouse on two host pages with no banner, vanilla-cookieconsent and ours
# (LH_RUNS=5 by default, ~20 minutes).
bench: setup-test dist
	node bench/bench.mjs
	node bench/lighthouse.mjs

# The README's comparison with vanilla-cookieconsent, Klaro and tarteaucitron (installed into target/compare/).
compare: setup-test dist
	node bench/compare.mjs

size: dist
	@node scripts/size.mjs dist/script $(SIZE_BUDGET)

test: setup-test test-native test-browser dist test-consumers test-e2e size reproducible

test-native: setup-test
	cargo fmt --check
	cargo deny --offline check licenses bans sources
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown -- -D warnings
	cargo test --quiet
	node --test tests/static/

test-browser: setup-test
	wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver -- --test browser

# The npm package as a user gets it: packed, installed into a Vite + TypeScript app and a webpack 5
# app, type-checked (including the type errors that must happen) and built; tests/e2e/ runs them.
test-consumers: dist
	cd $(CONSUMERS) && if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm install --no-audit --no-fund --loglevel=error; fi
	rm -f target/consent-banner-*.tgz && npm pack ./dist/npm --pack-destination target --loglevel=error > /dev/null
	@# What npm would publish: no warning about the package (only the login one, a dry run's without a token), nothing unreal.
	npm publish --dry-run ./dist/npm > target/publish.log 2>&1; ! grep -i "warn\|example\.invalid" target/publish.log | grep -v "requires you to be logged in" || { cat target/publish.log; exit 1; }
	cd $(CONSUMERS) && npm install --no-save --no-audit --no-fund --loglevel=error ../../target/consent-banner-*.tgz
	cd $(CONSUMERS) && npx tsc -p tsconfig.json
	cd $(CONSUMERS)/vite && npx vite build --logLevel warn
	cd $(CONSUMERS) && npx webpack --config webpack/webpack.config.js --no-stats

# The visitor's suite in each engine (tests/e2e/), then what only Chromium can measure
# (tests/chromium/: axe, layout shift, emulated colour schemes and phone widths).
ENGINES := chromium firefox webkit

test-e2e: setup-test dist test-consumers
	for engine in $(ENGINES); do \
	  start=$$(date +%s); ENGINE=$$engine node --test --test-concurrency=1 --test-timeout=120000 tests/e2e/ > target/e2e-$$engine.tap || { cat target/e2e-$$engine.tap; exit 1; }; \
	  echo "e2e $$engine $$(cat target/e2e-$$engine.version): $$(grep -m1 '^# pass' target/e2e-$$engine.tap | cut -c3-) in $$(( $$(date +%s) - start )) s"; \
	done
	node --test --test-concurrency=1 tests/chromium/

# dist/release/: the site owner's archive and the npm tarball, reproducible, with SHA256SUMS; prints
# the script tag with its Subresource Integrity.
release: setup-release dist
	node scripts/release.mjs $(VERSION)

# Builds the committed HEAD again in a clean clone elsewhere (another path, its own target dir)
# and compares the releases byte for byte. A working tree with uncommitted changes is not HEAD:
# then it says so and compares nothing.
reproducible: release
	@if [ -n "$$(git status --porcelain)" ]; then echo "reproducible: uncommitted changes, not compared (commit, then make reproducible)"; exit 0; fi; \
	rm -rf target/repro && git clone --quiet . target/repro && \
	$(MAKE) -C target/repro release > /dev/null && \
	cmp dist/release/SHA256SUMS target/repro/dist/release/SHA256SUMS && \
	echo "reproducible: the same SHA256SUMS from a second clean clone"

clean:
	rm -rf dist target/pkg $(CONSUMERS)/vite/dist $(CONSUMERS)/webpack/dist
