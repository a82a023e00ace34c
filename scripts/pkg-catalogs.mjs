// The npm package's message catalogs (issue 12; docs/messages.md, docs/npm-package.md "Languages"), for
// scripts/make-pkg.mjs: one ES module per language, `pkg/catalogs/<lang>.js` (`export default { … }`) with its `.d.ts`,
// so that a bundle holds only the languages it imports; and the two tables index.js's filler needs from the built-in
// English (`core/catalogs/en.json`, generated from the rule modules' `wordings!`): which wording an issue's English
// message is, and the English words (`term.*`) a catalog may lack. The module itself carries no language (English
// stays built into it), so a language costs the .wasm nothing.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The languages shipped as modules: every catalog of core/catalogs/ but English, which is built in. */
export const LANGUAGES = readdirSync(new URL('../core/catalogs/', import.meta.url))
  .filter((f) => /^[a-z]+\.json$/.test(f) && f !== 'en.json')
  .map((f) => f.slice(0, -5));

/** A placeholder of a template, as core/src/message.rs reads one (`parts`, `placeholder_len`): a name of ASCII
 * letters, digits and `_`, then filters of the same characters or plural forms (`one:…`), each after a `|`. The same
 * expression is index.js's (`PLACEHOLDER`). */
const PLACEHOLDER = /\{(\w+)((?:\|(?:\w+:[^{}|]*|\w*))*)\}/g;

/** The codes the package can show (its `IssueCode`s, read from the declarations the module's compiler wrote), with
 * their params: `{ code: { name: optional } }`. */
function issueCodes(dts) {
  const at = dts.indexOf('export interface IssueParamsByCode {');
  if (at < 0) throw new Error('make-pkg: tenantcheck.d.ts declares no IssueParamsByCode');
  const body = dts.slice(at, dts.indexOf('\n}', at));
  const codes = new Map();
  for (const [, code, params] of body.matchAll(/^ {4}"([\w.]+)": (.*);$/gm)) {
    const declared = {};
    for (const [, name, opt, type] of params.matchAll(/(\w+)(\??): ([\w[\]]+)/g)) {
      declared[name] = { opt: !!opt, list: type.endsWith('[]') };
    }
    codes.set(code, declared);
  }
  if (codes.size < 100) throw new Error(`make-pkg: only ${codes.size} codes in IssueParamsByCode`);
  return codes;
}

/**
 * Which wording of its code an issue's message is, for the codes with several (a catalog has an array for them, in
 * the English order). The package writes no wording index (it would cost the .wasm bytes), so index.js tells them
 * apart as the rule modules choose them: by the optional params (and lists) a wording shows, which the issue has
 * exactly when its wording shows them (a list shown only when it is not empty), and where two wordings show the same
 * ones, by the English message's first and last `k` characters of literal text (the fewest that tell them apart).
 * Each wording: `params` (space-separated), or `params\nprefix\nsuffix`. Checked here on every wording, its
 * placeholders filled with a character no template has; the differential test (tests/node/catalogs.test.mjs) checks
 * real issues.
 */
function wordingTable(en, codes) {
  const table = {};
  for (const [code, texts] of Object.entries(en)) {
    // Only the issue codes: the browser host's and the command line's texts (`host.*`, `cli.*`) are not the package's.
    const declared = codes.get(code);
    if (!Array.isArray(texts) || !declared) continue;
    const rows = texts.map((t) => {
      if (/[\n\u0001]/.test(t)) throw new Error(`make-pkg: ${code}: a template with a newline or U+0001`);
      const ps = [...t.matchAll(PLACEHOLDER)];
      const used = [...new Set(ps.map((m) => m[1]))];
      const last = ps.at(-1);
      return {
        template: t,
        used,
        shown: used.filter((p) => declared[p]?.opt || declared[p]?.list),
        prefix: ps.length ? t.slice(0, ps[0].index) : t,
        suffix: ps.length ? t.slice(last.index + last[0].length) : t,
      };
    });
    // The issue of each wording: every declared param, an optional one only where the wording shows it, a list
    // non-empty only there; the message its template with every placeholder filled with U+0001.
    const issues = rows.map((r) => {
      const params = {};
      for (const [p, { opt, list }] of Object.entries(declared)) {
        if (opt && !r.used.includes(p)) continue;
        params[p] = list ? (r.used.includes(p) ? ['\u0001'] : []) : '\u0001';
      }
      return { code, params, message: r.template.replace(PLACEHOLDER, '\u0001') };
    });
    let found;
    for (let k = 0; found === undefined; k++) {
      const entries = rows.map((r) =>
        k === 0 ? r.shown.join(' ') : [r.shown.join(' '), r.prefix.slice(0, k), r.suffix.slice(-k)].join('\n'),
      );
      if (issues.every((issue, i) => wordingOf(issue, entries) === i)) found = entries;
      else if (k > Math.max(...rows.map((r) => r.template.length))) throw new Error(`make-pkg: ${code}: wordings not told apart`);
    }
    table[code] = found;
  }
  return table;
}

/** index.js's own `wordingOf` (its source read from scripts/pkg/index.js, so that the table is checked with the very
 * function that reads it). */
const wordingOf = (() => {
  const index = readFileSync(new URL('./pkg/index.js', import.meta.url), 'utf8');
  const source = index.match(/\nfunction wordingOf\(issue, entries\) \{\n[\s\S]*?\n\}\n/);
  if (!source) throw new Error('make-pkg: index.js has no function wordingOf(issue, entries)');
  return new Function(`${source[0]}\nreturn wordingOf;`)();
})();

/** The English words index.js writes without data (`article`, `describe`, `or`): en.json's must be the same. */
function checkEnglishWords(en) {
  const want = { 'term.or': 'or', 'term.char.space': 'a space', 'term.a.null': 'null' };
  for (const kind of ['object', 'array', 'string', 'number', 'boolean']) {
    want[`term.a.${kind}`] = `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
  }
  for (const [k, v] of Object.entries(want)) {
    if (en[k] !== v) throw new Error(`make-pkg: en.json's ${k} is ${JSON.stringify(en[k])}, index.js says ${JSON.stringify(v)}`);
  }
}

/** Writes pkg/catalogs/ and fills index.js's tables; returns the package.json `exports` entries and `files`. */
export function writeCatalogs(root, to) {
  const codes = issueCodes(readFileSync(join(to, 'tenantcheck.d.ts'), 'utf8'));
  const read = (lang) => JSON.parse(readFileSync(join(root, 'core', 'catalogs', `${lang}.json`), 'utf8'));
  // What the package shows: the issue codes' templates and the filters' words. Not the browser host's texts
  // (`host.*`) nor the command line's (`cli.*`), nor any other key a catalog file may gain.
  const shown = (key) => codes.has(key) || key.startsWith('term.');
  const en = read('en');
  checkEnglishWords(en);
  const indexJs = join(to, 'index.js');
  let index = readFileSync(indexJs, 'utf8');
  for (const [mark, value] of [
    ["'@WORDINGS@'", wordingTable(en, codes)],
    // The English words a filler needs data for: the postcode's and the states' names (the others are rules).
    ["'@ENGLISH_TERMS@'", Object.fromEntries(
      Object.entries(en).filter(([k]) => /^term\.(postcode|state)\b/.test(k)).map(([k, v]) => [k.slice(5), v]),
    )],
  ]) {
    if (!index.includes(mark)) throw new Error(`make-pkg: index.js has no ${mark} to fill`);
    index = index.replace(mark, JSON.stringify(value));
  }
  writeFileSync(indexJs, index);

  mkdirSync(join(to, 'catalogs'), { recursive: true });
  const exports = {};
  const files = [];
  for (const lang of LANGUAGES) {
    const entries = Object.entries(read(lang)).filter(([k]) => shown(k));
    const missing = [...codes.keys()].filter((c) => !entries.some(([k]) => k === c));
    if (missing.length) throw new Error(`make-pkg: core/catalogs/${lang}.json lacks ${missing.join(', ')}`);
    const body = entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n');
    writeFileSync(
      join(to, 'catalogs', `${lang}.js`),
      `// tenantcheck's messages in "${lang}" (core/catalogs/${lang}.json, written by scripts/make-pkg.mjs): pass it to\n` +
        `// createValidator({ locale: '${lang}', catalog }). docs/messages.md describes the format.\n` +
        `export default {\n${body}\n};\n`,
    );
    writeFileSync(
      join(to, 'catalogs', `${lang}.d.ts`),
      `import type { Catalog } from '../index.js';\n` +
        `/** tenantcheck's messages in "${lang}": \`createValidator({ locale: '${lang}', catalog })\`. */\n` +
        'declare const catalog: Catalog;\nexport default catalog;\n',
    );
    const entry = { types: `./catalogs/${lang}.d.ts`, default: `./catalogs/${lang}.js` };
    exports[`./catalogs/${lang}`] = entry;
    exports[`./catalogs/${lang}.js`] = entry;
    files.push(`catalogs/${lang}.js`, `catalogs/${lang}.d.ts`);
  }
  return { exports, files };
}
