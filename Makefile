# tenantcheck: the one entry point for people and CI. See README.md.
#   make run    set up what is missing, build, and run the main job
#   make test   every test (what .ci/run calls)
#   make bench  the benchmarks (criterion, native; the npm package against the JS stack it replaces)
#   make pkg    the npm package `tenantcheck` in pkg/ (docs/npm-package.md)

SHELL := /bin/bash
CARGO ?= cargo
SAMPLE ?= examples/accounts.jsonl

.PHONY: run test setup lint bench build pkg test-wasm

# wasm-pack never downloads (--mode no-install) and uses binaryen 132's wasm-opt from tools/, first on PATH.
WASM_PATH := PATH="$(CURDIR)/tools/node_modules/.bin:$$PATH"
WASM_PACK := $(WASM_PATH) wasm-pack
# The npm package is built without the reference-types feature: wasm-bindgen then keeps JS values in a slab on the JS
# side instead of an externref table with its allocator in the module (0.7 KB gzip less; docs/npm-package.md, "Size"),
# and the package runs on engines without reference types too. Only this build: the standard library comes prebuilt
# with reference types, and only the package's profile (LTO, strip) leaves wasm-bindgen no trace of them; in the test
# and browser-host builds wasm-bindgen would look for its externref allocator and fail. An exported RUSTFLAGS would
# override this; tests/node/size.test.mjs checks that the glue has no externref table.
# The source paths of panic locations are written without the builder's directories: the cargo registry's prefix is
# dropped, and std's sources keep rustc's own `/rustc/<commit>/` prefix even where the rust-src component is
# installed (rustc otherwise writes their local path). The module then holds no local path and is the same byte for
# byte on every machine (the size test's bound is exact), and 0.1 KB smaller. Expanded when used, after cargo set up
# the registry.
SYSROOT_SRC = $(shell rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/
RUSTC_SRC = /rustc/$(shell rustc -vV 2>/dev/null | sed -n 's/^commit-hash: //p')/
REGISTRY_SRC = $(or $(CARGO_HOME),$(HOME)/.cargo)/registry/src/
REMAP = --remap-path-prefix=$(SYSROOT_SRC)=$(RUSTC_SRC) --remap-path-prefix=$(REGISTRY_SRC)=
SHIP_RUSTFLAGS = CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types $(REMAP)"

setup:
	@bash scripts/setup.sh browser

build: setup
	$(CARGO) build --release --locked

# The main job: the browser host on the local stand-in of the provisioning API (docs/stand-in.md). Sets up what is
# missing (wasm32 target, wasm-bindgen), builds web/pkg and the release binary, then serves on 127.0.0.1:8080 until
# Ctrl-C; the first line printed is the URL to open.
run:
	@bash scripts/setup.sh wasm
	@bash scripts/build-web.sh
	$(CARGO) build --release --locked
	@echo "== tenantcheck serve: open http://127.0.0.1:8080/ (Ctrl-C stops; docs/stand-in.md lists what to try)"
	./target/release/tenantcheck serve --port 8080 --db target/tenantcheck.sqlite

# The command line on a sample export (exit 1 = some record invalid).
.PHONY: check-sample
check-sample: build
	@echo "== tenantcheck check $(SAMPLE) --summary"
	@./target/release/tenantcheck check $(SAMPLE) --summary; status=$$?; [ $$status -le 1 ]

lint: setup
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

test: lint
	$(CARGO) test --workspace --locked
	$(MAKE) test-wasm
	$(MAKE) test-web
	$(MAKE) test-e2e

# The WebAssembly binding: its mirror types (native), wasm-bindgen tests in Node.js and headless Chromium (cargo with
# wasm-bindgen-test-runner, as wasm-pack test does, but only these test targets: the unit tests use proptest, which
# does not build for wasm32), then the package as consumers load it (tests/node: Node.js with the native postcode
# verdicts of core/tests/wasm_parity.rs, the real-world corpus with the native results of core/tests/real_world.rs,
# esbuild + Chromium under a strict CSP, tsc --strict, size, the catalogs' messages against the command line's in
# tests/node/catalogs.test.mjs). The two cargo tests write target/tmp/*, which the Node.js tests read, and the command
# line is built: they run first. The wasm-bindgen tests link the standard library (wasm-bindgen-test), so the
# core is built with its feature `std` there; the package is `no_std` (core/src/lib.rs) and tests/node runs it.
WASM_TEST := $(WASM_PATH) CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	$(CARGO) test --target wasm32-unknown-unknown -p tenantcheck-core --no-default-features --features wasm,std --locked
test-wasm: pkg
	$(CARGO) test -p tenantcheck-core --features wasm --lib --locked wasm::
	$(CARGO) test -p tenantcheck-core --test wasm_parity --locked
	$(CARGO) test -p tenantcheck-core --test real_world --locked
	$(CARGO) build --bin tenantcheck --locked
	$(CARGO) clippy -p tenantcheck-core --no-default-features --features wasm --target wasm32-unknown-unknown --locked -- -D warnings
	$(WASM_TEST) --test wasm_node
	$(WASM_TEST) --test wasm_no_host
	$(WASM_TEST) --test wasm_browser
	node --test tests/node/

pkg: setup
	@mkdir -p target pkg
	@$(SHIP_RUSTFLAGS) $(WASM_PACK) build --mode no-install --target web --profile wasm-release --out-dir ../target/pkg-web \
		--out-name tenantcheck core --no-default-features --features wasm --locked 2>target/wasm-pack.log \
		|| { tail -40 target/wasm-pack.log; exit 1; }
	node scripts/make-pkg.mjs target/pkg-web pkg
	@wasm=pkg/tenantcheck_bg.wasm; echo "pkg: $$wasm $$(stat -c %s $$wasm) bytes, $$(gzip -9c $$wasm | wc -c) gzip -9"

bench: setup
	$(CARGO) bench -p tenantcheck-core --bench rules --locked
	$(MAKE) pkg
	node bench/js/compare.mjs

# The browser host (web/): `make web` builds web/pkg/ for index.html; `make test-web` runs its native unit tests and
# its browser tests in headless Chromium.
.PHONY: web test-web
web:
	@bash scripts/build-web.sh

test-web:
	$(CARGO) test -p tenantcheck-web --locked
	RUSTFLAGS="--cfg=web_sys_unstable_apis" wasm-pack test --headless --chrome --mode no-install web

# End-to-end tests (tests/e2e/): the form of index.html in Debian's headless Chromium (playwright-core, never a
# downloaded browser), against the real stand-in server `tenantcheck serve` (release build, one per test, on 127.0.0.1).
# Screenshots go to target/e2e/screenshots/ and docs/screenshots/.
.PHONY: test-e2e
test-e2e: setup web
	$(CARGO) build --release --locked
	node --test tests/e2e/
