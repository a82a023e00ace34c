#!/usr/bin/env bash
# Installs what the build and the tests need, skipping every piece whose pinned version is already there.
# Versions and pitfalls: docs/toolchain.md.
#   scripts/setup.sh native   -> nothing beyond Rust (the core, the command line)
#   scripts/setup.sh wasm     -> + wasm32 target, wasm-pack, wasm-bindgen-cli, wasm-opt (npm binaryen)
#   scripts/setup.sh browser  -> + Debian's chromium and chromium-driver, and the npm tools of the package's tests,
#                               the end-to-end tests, the recipes and the benchmark (esbuild, playwright-core,
#                               axe-core, typescript, vite; the JS stack it is compared with)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pinned in Cargo.lock
BINARYEN_VERSION=132.0.0       # never Debian's binaryen 108 (toolchain.md)
# npm tools for the tests of pkg/ (tests/node), the browser host's end-to-end tests (tests/e2e: playwright-core
# driving Debian's chromium, never a downloaded browser; axe-core for the accessibility scan), the benchmark
# (bench/js) and the recipes' tests (tests/recipes: vite builds docs/recipes/vite), pinned, into tools/node_modules.
NPM_TOOLS=(esbuild@0.28.2 playwright-core@1.65.1 typescript@5.9.3 axe-core@4.14.1
           postcode-validator@3.10.22 libphonenumber-js@1.13.16 validator@13.15.35 vite@8.4.1)
want=${1:-native}

log() { printf 'setup: %s\n' "$*" >&2; }

need_wasm() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! wasm-pack --version 2>/dev/null | grep -q " $WASM_PACK_VERSION"; then
    log "installing wasm-pack $WASM_PACK_VERSION"
    cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Without --locked: its lock file pins a webpki-roots the registry here lacks (toolchain.md).
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if ! tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
    log "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    mkdir -p tools
    npm install --prefix tools --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" >/dev/null
  fi
}

need_browser() {
  if ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
    log "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

need_npm_tools() {
  local missing=()
  for spec in "${NPM_TOOLS[@]}"; do
    local name=${spec%@*} version=${spec##*@}
    local have
    have=$(node -p "require('./tools/node_modules/$name/package.json').version" 2>/dev/null || true)
    [ "$have" = "$version" ] || missing+=("$spec")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing npm tools: ${missing[*]}"
    mkdir -p tools
    npm install --prefix tools --no-audit --no-fund --loglevel=error --save-exact "${missing[@]}" >/dev/null
  fi
}

case "$want" in
  native) ;;
  wasm) need_wasm ;;
  browser) need_wasm; need_browser; need_npm_tools ;;
  *) echo "usage: $0 native|wasm|browser" >&2; exit 2 ;;
esac
