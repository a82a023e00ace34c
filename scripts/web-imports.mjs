// Gives the browser host's module imports short names (`a`, `b`, …, in import order), in the module and in the JS
// glue that provides them, as scripts/make-pkg.mjs does for the npm package: wasm-bindgen names each
// `__wbg_<name>_<16 hex digits>`, hashes that nothing can compress (2 KB gzip of this module, docs/performance.md).
// Only the names change: every import keeps its module and signature, and the step fails unless the glue provides
// each exactly once. Usage: node scripts/web-imports.mjs MODULE.wasm GLUE.js (scripts/build-web.sh)
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');
const uleb = (at) => {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
};
const encode = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
};
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const short = (i) =>
  i < letters.length ? letters[i] : letters[Math.floor(i / letters.length) - 1] + letters[i % letters.length];

const parts = [wasm.subarray(0, 8)];
let at = 8;
let renamed = 0;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = uleb(at + 1);
  const end = body + size;
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  let [count, p] = uleb(body);
  const out = [encode(count)];
  for (let i = 0; i < count; i++) {
    const [moduleLen, m] = uleb(p);
    const module = wasm.subarray(p, m + moduleLen);
    const [nameLen, n] = uleb(m + moduleLen);
    const name = wasm.subarray(n, n + nameLen).toString('utf8');
    const kind = wasm[n + nameLen];
    if (kind !== 0) throw new Error(`web-imports: import ${name} is not a function`);
    const [, next] = uleb(n + nameLen + 1);
    const key = new RegExp(`(^|[^\\w$])${name}:`, 'g');
    if (!/^__wb[\w]+$/.test(name) || (glue.match(key) || []).length !== 1) {
      throw new Error(`web-imports: the glue does not provide ${name} exactly once`);
    }
    const to = short(i);
    glue = glue.replace(key, `$1${to}:`);
    out.push(module, encode(to.length), Buffer.from(to), wasm.subarray(n + nameLen, next));
    p = next;
    renamed++;
  }
  const section = Buffer.concat(out);
  parts.push(Buffer.from([2]), encode(section.length), section);
  at = end;
}
if (/__wbg_\w+_[0-9a-f]{16}:/.test(glue)) throw new Error('web-imports: the glue provides an import the module lacks');
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`web-imports: ${renamed} imports renamed`);
