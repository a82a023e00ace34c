// Short names for a wasm-bindgen module's imports (and, for the npm package, its exports for the glue), in the module
// and in the JS glue that provides them: wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`, hashes that
// nothing can compress (0.7 KB gzip of the npm package, 2 KB of the browser host's module; docs/npm-package.md "Size",
// docs/performance.md). One implementation for both builds: scripts/make-pkg.mjs imports it, scripts/build-web.sh runs
// it as `node scripts/wasm-names.mjs MODULE.wasm GLUE.js` (imports only).
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Renames the imports of a WebAssembly module and their keys in its JS glue (`a`, `b`, …, in import order); with
 * `exports`, also the module's own exports for the glue (`_a`, `_b`, …; the npm package), and their names in
 * `declarations` (`.d.ts` files). Only names change: every import keeps its module and signature, and the step fails
 * unless the glue provides each exactly once. `tag` prefixes the messages. Returns how many names were changed.
 */
export function shortenNames(wasmPath, gluePath, { declarations = [], exports = false, tag = 'wasm-names' } = {}) {
  const wasm = readFileSync(wasmPath);
  let glue = readFileSync(gluePath, 'utf8');
  const declared = new Map(declarations.map((d) => [d, readFileSync(d, 'utf8')]));
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
  const short = (i) => (i < letters.length ? letters[i] : letters[Math.floor(i / letters.length) - 1] + letters[i % letters.length]);
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  let renamed = 0;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = uleb(at + 1);
    const end = body + size;
    if (id === 7 && exports) {
      // The module's own exports for the glue (`__wbindgen_export`, `__wbindgen_add_to_stack_pointer`, …) get short
      // names too (`_a`, `_b`, …), in the glue and in the declarations of what init() resolves to; the package's
      // functions keep theirs.
      let [count, p] = uleb(body);
      const out = [encode(count)];
      let n = 0;
      for (let i = 0; i < count; i++) {
        const [nameLen, q] = uleb(p);
        const name = wasm.subarray(q, q + nameLen).toString('utf8');
        const [, next] = uleb(q + nameLen + 1);
        let to = name;
        // Functions and globals: a table keeps its name (tests/node/size.test.mjs looks for the externref table's).
        // The package's own functions (`validate`, …) are the glue's to call: their names in the module are only the
        // glue's (`wasm.validate(…)`), and the JS functions the package exports keep theirs.
        const kind = wasm[q + nameLen];
        if ((kind === 0 || kind === 3) && (/^__\w+$/.test(name) || (kind === 0 && /^[A-Za-z]\w*$/.test(name)))) {
          to = `_${short(n++)}`;
          if (glue.includes(`wasm.${to}`)) throw new Error(`${tag}: the glue already names ${to}`);
          glue = glue.replace(new RegExp(`\\bwasm\\.${name}\\b`, 'g'), `wasm.${to}`);
          // In the declarations of the module's exports (`InitOutput`, tenantcheck_bg.wasm.d.ts) only.
          const [declaration, by] = /^__/.test(name)
            ? [new RegExp(`\\b${name}\\b`, 'g'), to]
            : [new RegExp(`(readonly |export const )${name}:`, 'g'), `$1${to}:`];
          for (const d of declarations) declared.set(d, declared.get(d).replace(declaration, by));
          renamed++;
        }
        out.push(encode(to.length), Buffer.from(to), wasm.subarray(q + nameLen, next));
        p = next;
      }
      const section = Buffer.concat(out);
      parts.push(Buffer.from([7]), encode(section.length), section);
      at = end;
      continue;
    }
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
      if (kind !== 0) throw new Error(`${tag}: import ${name} is not a function`);
      const [, next] = uleb(n + nameLen + 1);
      const key = new RegExp(`(^|[^\\w$])${name}:`, 'g');
      if (!/^__wb[\w]+$/.test(name) || (glue.match(key) || []).length !== 1) {
        throw new Error(`${tag}: the glue does not provide ${name} exactly once`);
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
  if (/__wbg_\w+_[0-9a-f]{16}:/.test(glue)) throw new Error(`${tag}: the glue provides an import the module lacks`);
  writeFileSync(wasmPath, Buffer.concat(parts));
  writeFileSync(gluePath, glue);
  for (const [d, text] of declared) writeFileSync(d, text);
  return renamed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [wasmPath, gluePath] = process.argv.slice(2);
  if (!wasmPath || !gluePath) throw new Error('usage: node scripts/wasm-names.mjs MODULE.wasm GLUE.js');
  console.log(`wasm-names: ${shortenNames(wasmPath, gluePath)} imports renamed`);
}
