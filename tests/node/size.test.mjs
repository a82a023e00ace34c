// The package's .wasm stays small: it fails when the module passes the bound, gzip -9 (lower it as size is won).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pkg } from './consumer.mjs';

// A ratchet: the bound sits just above the size reached (63.4 KiB gzip -9 on 2026-11-25, down from 198 KiB) and only
// ever comes down. The goal is 60 KB (then the 34 KB of the JavaScript stack it replaces); it is not met yet:
// docs/npm-package.md ("Size") says where the bytes go and what comes next.
const MAX_GZIP = 64 * 1024;

test(`pkg/tenantcheck_bg.wasm is at most ${MAX_GZIP} bytes gzip -9`, () => {
  const wasm = readFileSync(join(pkg, 'tenantcheck_bg.wasm'));
  const gz = gzipSync(wasm, { level: 9 }).length;
  console.log(`tenantcheck_bg.wasm: ${wasm.length} bytes raw, ${gz} bytes gzip -9`);
  assert.ok(gz <= MAX_GZIP, `${gz} bytes gzip -9 > ${MAX_GZIP}`);
});
