// How records cross between JS and the WebAssembly module, measured side by side in one Node.js process
// (docs/performance.md, "npm package"): (a) one JSON text each way (JSON.stringify in the JS entry, the core's serde
// reader in the module; the result as JSON text for JSON.parse), with and without the entry's replacer that refuses
// functions, symbols and typed arrays; (b) serde-wasm-bindgen; (c) the hand-written reader and writer of JS values
// (`Source`, `ToJs`), which the package keeps (core/wasm/src/crossing.rs). Each variant is a wasm-pack build
// (--target web) in its own directory; (a) and (b) are builds of core/wasm at commit a3c17ad (default features, and
// `--features serde-wasm-bindgen`), (c) `make pkg`'s target/pkg-web:
//   node bench/js/crossing.mjs A_DIR B_DIR C_DIR
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'tools', 'node_modules', 'x.js'));
const { postcodeValidator } = require('postcode-validator');
const { isValidPhoneNumber } = require('libphonenumber-js/min');
const isEmail = require('validator/lib/isEmail');

const dirs = process.argv.slice(2).map((d) => resolve(d));
if (dirs.length !== 3) throw new Error('usage: crossing.mjs A_DIR B_DIR C_DIR');
async function load(dir) {
  const glue = await import(pathToFileURL(join(dir, 'tenantcheck.js')));
  const bytes = readFileSync(join(dir, 'tenantcheck_bg.wasm'));
  glue.initSync({ module: bytes });
  return { glue, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
const [A, B, C] = await Promise.all(dirs.map(load));

function replacer(_key, value) {
  const t = typeof value;
  if (t === 'function' || t === 'symbol') throw new TypeError(`a ${t} is not JSON data`);
  if (t === 'object' && value !== null && ArrayBuffer.isView(value)) throw new TypeError('a typed array is not JSON data');
  return value;
}
const a = new A.glue.Validator();
const b = new B.glue.Validator();
const c = new C.glue.Validator();
const json = (v) => (v === undefined ? 'null' : JSON.stringify(v, replacer));
const jsonPlain = (v) => (v === undefined ? 'null' : JSON.stringify(v));
const variants = {
  'a: JSON text (entry with replacer)': {
    validate: (r) => JSON.parse(a.validate(json(r))),
    field: (p, v, r) => JSON.parse(a.validateField(json(p), json(v), json(r))),
  },
  'a: JSON text (no replacer)': {
    validate: (r) => JSON.parse(a.validate(jsonPlain(r))),
    field: (p, v, r) => JSON.parse(a.validateField(jsonPlain(p), jsonPlain(v), jsonPlain(r))),
  },
  'b: serde-wasm-bindgen': { validate: (r) => b.validate(r), field: (p, v, r) => b.validateField(p, v, r) },
  'c: Source + ToJs (chosen)': { validate: (r) => c.validate(r), field: (p, v, r) => c.validateField(p, v, r) },
};

// The example export holds a line that is not JSON (a test of the command line): only its records are used.
const parse = (l) => { try { return JSON.parse(l); } catch { return null; } };
const lines = (f) => readFileSync(join(root, f), 'utf8').split('\n').filter((l) => l.trim()).map(parse);
const examples = lines('examples/accounts.jsonl').filter((r) => r && typeof r === 'object');
const records = lines('bench/records.jsonl');
const small = { account: { billingAddress: { country: 'GR' } } };

// The same verdicts from every variant.
for (const [name, v] of Object.entries(variants)) {
  const ref = Object.values(variants)[0];
  for (const r of [...examples, ...records]) {
    const x = v.validate(r), y = ref.validate(r);
    const codes = (q) => JSON.stringify([q.valid, q.errors.map((e) => e.field + ' ' + e.code)]);
    if (codes(x) !== codes(y)) throw new Error(`${name} differs on ${JSON.stringify(r)}: ${codes(x)} vs ${codes(y)}`);
  }
}

/**
 * Median nanoseconds per item of each function, rounds interleaved (round r of every function, then round r + 1), so
 * that a machine whose load changes treats every variant alike. Each round calls a function on every item, at least
 * `min` calls.
 */
function times(items, fs, rounds = 15, min = 5000) {
  const reps = Math.max(1, Math.ceil(min / items.length));
  let sink = 0;
  const per = fs.map(() => []);
  for (let r = -1; r < rounds; r++) {
    fs.forEach((f, k) => {
      const t = process.hrtime.bigint();
      for (let i = 0; i < reps; i++) for (const it of items) sink ^= f(it) ? 1 : 0;
      if (r >= 0) per[k].push(Number(process.hrtime.bigint() - t) / (reps * items.length)); // round -1 warms up
    });
  }
  globalThis.__sink = sink;
  return per.map((p) => p.sort((x, y) => x - y)[p.length >> 1]);
}
const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const stack = (r) => {
  const acc = r.account ?? {}, addr = acc.billingAddress ?? {};
  return postcodeValidator(String(addr.postalCode ?? ''), String(addr.country ?? 'GR')) &&
    isValidPhoneNumber(String(acc.phone ?? '')) && isEmail(String(acc.email ?? ''));
};
const safeStack = (r) => { try { return stack(r); } catch { return false; } };

const names = [...Object.keys(variants), 'JS stack (postcode-validator + libphonenumber-js/min + isEmail)'];
const vs = Object.values(variants);
const e = times(examples, [...vs.map((v) => (r) => v.validate(r).valid), safeStack]);
const rr = times(records, [...vs.map((v) => (r) => v.validate(r).valid), safeStack]);
const f = times([0], [
  ...vs.map((v) => () => v.field('account.billingAddress.postalCode', '106 82', small).valid),
  () => postcodeValidator('106 82', 'GR'),
]);
const size = { a: A, b: B, c: C };
console.log(`| crossing | validate, ${examples.length} example records | validate, ${records.length} bench records | validateField (GR postcode) | .wasm raw | .wasm gzip -9 |`);
console.log('|---|---|---|---|---|---|');
names.forEach((name, k) => {
  const s = size[name[0]];
  console.log(`| ${name} | ${fmt(e[k])} | ${fmt(rr[k])} | ${fmt(f[k])} | ${s?.raw ?? ''} | ${s?.gzip ?? ''} |`);
});
