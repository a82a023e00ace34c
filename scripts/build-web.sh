#!/usr/bin/env bash
# Builds the browser host: tenantcheck-web for wasm32 in the size-tuned profile `web-release` (root Cargo.toml),
# wasm-bindgen --target web into web/pkg/, then wasm-opt -Oz when tools/node_modules/.bin/wasm-opt exists (never
# Debian's binaryen: see toolchain.md) in the npm package's rounds. index.html loads ./web/pkg/tenantcheck_web.js.
# Usage: scripts/build-web.sh            (from anywhere; prints the .wasm size raw / gzip -9)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO=${CARGO:-cargo}
OUT=web/pkg
WASM_OPT=tools/node_modules/.bin/wasm-opt
TARGET_DIR=$($CARGO metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')

need() { command -v "$1" >/dev/null 2>&1 || { echo "build-web: $1 is missing (run scripts/setup.sh)" >&2; exit 1; }; }
need wasm-bindgen
want=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' web/Cargo.toml)
have=$(wasm-bindgen --version | awk '{print $2}')
if [ "$want" != "$have" ]; then
  echo "build-web: wasm-bindgen-cli $have installed, the crate pins $want (scripts/setup.sh installs it)" >&2
  exit 1
fi

# Panic locations without the builder's directories, as the npm package's (Makefile, REMAP): std's sources under
# rustc's own `/rustc/<commit>/` (one copy of each path, not a local one beside it), the cargo registry's prefix
# dropped. The module holds no local path.
sysroot_src="$(rustc --print sysroot)/lib/rustlib/src/rust/"
rustc_src="/rustc/$(rustc -vV | sed -n 's/^commit-hash: //p')/"
registry_src="${CARGO_HOME:-$HOME/.cargo}/registry/src/"
remap="--remap-path-prefix=$sysroot_src=$rustc_src --remap-path-prefix=$registry_src="
# Web Locks (`LockManager`) is an unstable web-sys API: enabled for this build only (never globally), see web/Cargo.toml.
RUSTFLAGS="${RUSTFLAGS:-} --cfg=web_sys_unstable_apis $remap" \
  $CARGO build -p tenantcheck-web --target wasm32-unknown-unknown --profile web-release --locked
rm -rf "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" \
  "$TARGET_DIR/wasm32-unknown-unknown/web-release/tenantcheck_web.wasm"
printf '*\n' > "$OUT/.gitignore"
# Short import names in the module and the glue (scripts/wasm-names.mjs, shared with make-pkg.mjs): 2 KB gzip of wasm-bindgen's hashes.
if command -v node >/dev/null 2>&1; then
  node scripts/wasm-names.mjs "$OUT/tenantcheck_web_bg.wasm" "$OUT/tenantcheck_web.js"
else
  echo "build-web: node not found; the module keeps wasm-bindgen's import names" >&2
fi

wasm="$OUT/tenantcheck_web_bg.wasm"
if [ -x "$WASM_OPT" ]; then
  mkdir -p target
  # The npm package's rounds (core/Cargo.toml explains each; measured here in docs/performance.md): inlining only
  # what pays, three rounds of --flatten --rereloop before merging similar functions and -Oz, then --converge.
  round="--flatten --rereloop --merge-similar-functions -Oz"
  # shellcheck disable=SC2086
  if "$WASM_OPT" --low-memory-unused --one-caller-inline-max-function-size 20 --always-inline-max-function-size 6 \
      $round $round $round --merge-similar-functions -Oz --converge \
      --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals \
      --enable-call-indirect-overlong --strip-debug --strip-producers "$wasm" -o "$wasm.opt" 2> target/wasm-opt-web.log; then
    mv "$wasm.opt" "$wasm"
  else
    rm -f "$wasm.opt"
    echo "build-web: wasm-opt failed (see target/wasm-opt-web.log); keeping the unoptimized module" >&2
  fi
else
  echo "build-web: $WASM_OPT not found; skipping wasm-opt" >&2
fi

# Precompressed copies (`.br`, brotli quality 11; `.gz`, gzip -9) that the stand-in sends as they are when the browser
# accepts them (src/serve/files.rs): brotli 11 takes about a second for the module, too slow for each request.
for f in "$wasm" "$OUT/tenantcheck_web.js"; do
  gzip -9 -n -c "$f" > "$f.gz"
  if command -v node >/dev/null 2>&1; then
    node -e 'const z=require("zlib"),fs=require("fs"),[src,dst]=process.argv.slice(1),b=fs.readFileSync(src);
      fs.writeFileSync(dst,z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,
        [z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}))' "$f" "$f.br"
  fi
done

raw=$(wc -c < "$wasm")
gz=$(wc -c < "$wasm.gz")
br=$(if [ -f "$wasm.br" ]; then wc -c < "$wasm.br"; else echo "?"; fi)
js=$(wc -c < "$OUT/tenantcheck_web.js.gz")
echo "build-web: $wasm ${raw} B raw, ${gz} B gzip -9, ${br} B brotli 11 (JS glue ${js} B gzip -9)"
