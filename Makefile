# tenantcheck: the one entry point for people and CI. See README.md.
#   make run    set up what is missing, build, and run the main job
#   make test   every test (what .ci/run calls)
#   make bench  the benchmarks (criterion, native)

SHELL := /bin/bash
CARGO ?= cargo
SAMPLE ?= examples/accounts.jsonl

.PHONY: run test setup lint bench build

setup:
	@bash scripts/setup.sh native

build: setup
	$(CARGO) build --release --locked

# Until the browser host exists, the main job is the command line on a sample export (exit 1 = some record invalid).
run: build
	@echo "== tenantcheck check $(SAMPLE) --summary"
	@./target/release/tenantcheck check $(SAMPLE) --summary; status=$$?; [ $$status -le 1 ]

lint: setup
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

test: lint
	$(CARGO) test --workspace --locked

bench: setup
	$(CARGO) bench -p tenantcheck-core --bench rules --locked
