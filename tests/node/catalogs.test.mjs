// The package's languages (issue 12; docs/npm-package.md, "Languages"): catalogs as modules of their own
// (`tenantcheck/catalogs/de`), a validator made with `{ locale, catalog }` whose messages are in that language, filled
// by index.js's filler, which this file holds to the Rust filler (core/src/catalog.rs, the command line's `--lang`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consumer, root, tools } from './consumer.mjs';

/** Every language but English, as core/catalogs/ holds them (scripts/pkg-catalogs.mjs makes a module of each). */
const LANGUAGES = readdirSync(join(root, 'core', 'catalogs')).filter((f) => /^[a-z]+\.json$/.test(f) && f !== 'en.json').map((f) => f.slice(0, -5));
const dir = consumer('catalogs', {
  'node.mjs': "export * from 'tenantcheck';\n",
  // Both spellings of the subpath, as a consumer writes them.
  'catalogs.mjs': LANGUAGES.map((l, i) => `export { default as ${l} } from 'tenantcheck/catalogs/${l}${i % 2 ? '.js' : ''}';\n`).join(''),
});
const tc = await import(pathToFileURL(join(dir, 'node.mjs')));
const catalogs = await import(pathToFileURL(join(dir, 'catalogs.mjs')));
const source = (lang) => JSON.parse(readFileSync(join(root, 'core', 'catalogs', `${lang}.json`), 'utf8'));

const example = JSON.parse(readFileSync(join(root, 'core', 'tests', 'fixtures', 'request-example.json'), 'utf8'));
/** A record with a German postcode in Greece, a username with a space and a number for a company name. */
const faulty = () => {
  const r = structuredClone(example);
  r.syncOptions.username = 'ad min';
  r.account.companyName = 5;
  r.account.billingAddress.postalCode = '1068';
  return r;
};

test('a catalog module holds the issue codes and the words, no host or command-line texts', () => {
  // Every issue code (the English catalog's keys but the texts and words, as core/tests/catalogs.rs lists them).
  const codes = Object.keys(source('en')).filter((k) => !/^(host|cli|term)\./.test(k));
  assert.ok(codes.length > 100 && codes.includes('postal_code.format'), 'the issue codes');
  for (const lang of LANGUAGES) {
    const cat = catalogs[lang];
    const all = source(lang);
    const keys = Object.keys(cat);
    assert.ok(keys.length > 100, lang);
    assert.deepEqual(keys.filter((k) => /^(host|cli)\./.test(k)), [], `${lang}: the browser host's and the command line's texts stay out`);
    for (const k of keys) assert.deepEqual(cat[k], all[k], `${lang} ${k}: as core/catalogs/${lang}.json has it`);
    for (const c of codes) assert.ok(c in cat, `${lang}: ${c}`);
    assert.ok(keys.some((k) => k.startsWith('term.')), `${lang}: the filters' words`);
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', 'tenantcheck', 'package.json'), 'utf8'));
  for (const lang of LANGUAGES) {
    assert.deepEqual(pkg.exports[`./catalogs/${lang}`], { types: `./catalogs/${lang}.d.ts`, default: `./catalogs/${lang}.js` });
    assert.ok(pkg.files.includes(`catalogs/${lang}.js`) && pkg.files.includes(`catalogs/${lang}.d.ts`));
  }
});

test('a German validator gives German messages; the free functions stay English', () => {
  const de = tc.createValidator({ locale: 'de', catalog: catalogs.de });
  const r = de.validate(faulty());
  const by = (result, code) => result.errors.find((e) => e.code === code);
  assert.equal(by(r, 'request.wrong_type').message, 'Hier wird eine Zeichenfolge erwartet, nicht eine Zahl.');
  assert.equal(by(r, 'username.bad_character').message,
    "Der Benutzername darf ein Leerzeichen nicht enthalten (Zeichen 3); verwenden Sie Buchstaben, Ziffern und ' . - _ ! # ^ ~.");
  assert.equal(by(r, 'postal_code.format').message, 'Griechenland: Postleitzahl besteht aus 5 Ziffern, z. B. 151 24.');
  const en = tc.validate(faulty());
  assert.equal(by(en, 'postal_code.format').message, 'A postcode in Greece has 5 digits, e.g. 151 24.');
  // Everything but the messages is the free function's.
  const strip = (result) => ({ ...result, errors: result.errors.map(({ message, ...i }) => i), warnings: result.warnings.map(({ message, ...i }) => i) });
  assert.deepEqual(strip(r), strip(en));
  // validateField, and a warning.
  const f = de.validateField('account.billingAddress.postalCode', '1068', faulty());
  assert.equal(by(f, 'postal_code.format').message, 'Griechenland: Postleitzahl besteht aus 5 Ziffern, z. B. 151 24.');
  const w = tc.createValidator({ locale: 'de', catalog: catalogs.de, cspModel: 'direct' }).validate(example).warnings;
  assert.ok(w.length > 0 && w.every((i) => i.code === 'request.configuration_ignored' && i.message.includes('Partners')), JSON.stringify(w));
  // What createValidator throws for an option's issue is in the catalog's language too.
  assert.throws(() => tc.createValidator({ locale: 'de-AT', catalog: catalogs.de, countryRules: [{ iso2Code: 'XX' }] }), {
    code: 'country_rules.unknown_country',
    message: 'Die Länderregeln wurden abgelehnt, es gelten weiter die Standardregeln: Eintrag 0: „XX“ ist kein bekannter Ländercode.',
  });
  assert.throws(() => tc.createValidator({ locale: 'de', catalog: catalogs.de, cspModel: 'reseller' }), (e) =>
    e.code === 'request.unknown_value' && e.message.startsWith('„reseller“'));
});

test('two instances in two languages never affect each other, nor the free functions', () => {
  const el = tc.createValidator({ locale: 'el', catalog: catalogs.el });
  const fr = tc.createValidator({ locale: 'fr', catalog: catalogs.fr, cspModel: 'direct' });
  const message = (r) => r.errors.find((e) => e.code === 'postal_code.format').message;
  const record = faulty();
  const once = [el.validate(record), fr.validate(record), tc.validate(record)].map(message);
  // Interleaved, many times: the same messages.
  for (let i = 0; i < 20; i++) {
    assert.deepEqual([el.validate(record), fr.validate(record), tc.validate(record)].map(message), once);
  }
  assert.match(once[0], /Ελλάδα/);
  assert.match(once[1], /Grèce/);
  assert.equal(once[2], 'A postcode in Greece has 5 digits, e.g. 151 24.');
  assert.ok(fr.validate(record).warnings.every((w) => w.code === 'request.configuration_ignored' && /ignoré/.test(w.message)));
  assert.deepEqual(el.validate(record).warnings, []);
  el.free();
  assert.equal(message(fr.validate(record)), once[1]);
});

test('what a catalog lacks is English: a code, a wording, a word', () => {
  const own = {
    'postal_code.format': ['{country|name}: {digits} {digits|one:Ziffer|other:Ziffern} ({example})'],
    'request.wrong_type': 'Erwartet: {expected|a}; gefunden: {found|a}.',
    'state.unknown': '{accepted|or}',
    'term.a.string': 'eine Zeichenfolge',
  };
  const v = tc.createValidator({ locale: 'de', catalog: own });
  const r = v.validate(faulty());
  const en = tc.validate(faulty());
  for (const e of r.errors) {
    const english = en.errors.find((x) => x.field === e.field && x.code === e.code).message;
    if (e.code === 'postal_code.format') assert.equal(e.message, 'Griechenland: 5 Ziffern (151 24)');
    else if (e.code === 'request.wrong_type') assert.equal(e.message, 'Erwartet: eine Zeichenfolge; gefunden: a number.', 'the English word');
    else assert.equal(e.message, english, `${e.code}: not in the catalog`);
  }
  // A wording the catalog's array lacks (postal_code.format's second: no digits) is English.
  const gb = v.validateField('account.billingAddress.postalCode', '12345', { account: { billingAddress: { country: 'GB' } } });
  assert.equal(gb.errors[0].message, tc.validateField('account.billingAddress.postalCode', '12345', { account: { billingAddress: { country: 'GB' } } }).errors[0].message);
  // The English words of the filters: `or`, a state's name.
  const us = tc.createValidator({ locale: 'de', catalog: { 'state.unknown': ['{accepted|or} ({country|state})'] } });
  const s = us.validateField('account.billingAddress.state', 'Calif', { account: { billingAddress: { country: 'US' } } });
  assert.match(s.errors[0].message, /^AK or AL or .* or WY \(state\)$/);
  // A catalog changed after the validator was made does not change it.
  const mine = { 'state.unknown': ['x'] };
  const copy = tc.createValidator({ locale: 'de', catalog: mine });
  mine['state.unknown'][0] = 'y';
  assert.equal(copy.validateField('account.billingAddress.state', 'Calif', { account: { billingAddress: { country: 'US' } } }).errors[0].message, 'x');
});

test('the language options are checked: a TenantcheckError, as for the other options', () => {
  const throws = (options, code, params) =>
    assert.throws(() => tc.createValidator(options), (e) => {
      assert.ok(e instanceof tc.TenantcheckError, String(e));
      assert.equal(e.code, code, e.message);
      if (params) assert.deepEqual(e.params, params);
      return true;
    });
  throws({ locale: 'de', catalog: 'de' }, 'request.wrong_type', { expected: 'object', found: 'string' });
  throws({ locale: 'de', catalog: [] }, 'request.wrong_type', { expected: 'object', found: 'array' });
  throws({ locale: 'de', catalog: { 'postal_code.format': 5 } }, 'request.wrong_type', { expected: 'string', found: 'number' });
  throws({ locale: 'de', catalog: { 'postal_code.format': ['a', null] } }, 'request.wrong_type', { expected: 'string', found: 'array' });
  throws({ locale: 7, catalog: catalogs.de }, 'request.wrong_type', { expected: 'string', found: 'number' });
  throws({ locale: 'de_DE', catalog: catalogs.de }, 'tenantcheck.bad_locale', { locale: 'de_DE' });
  throws({ locale: '', catalog: catalogs.de }, 'tenantcheck.bad_locale', { locale: '' });
  throws({ catalog: catalogs.de }, 'request.missing_configuration', {});
  // A locale alone, or no catalog: English.
  assert.equal(tc.createValidator({ locale: 'de-AT' }).validate(faulty()).errors[0].message, tc.validate(faulty()).errors[0].message);
  assert.equal(tc.createValidator({ locale: 'de', catalog: null }).validate(5).errors[0].message, 'A record is a JSON object, not a number.');
});

test('the filler reads templates as core/src/message.rs does', () => {
  const cat = {
    'request.wrong_type': 'use . ! # { | } ~ - {missing}|{}|{ma x}|{found|one:x|other:{y}}|{found}{|{expected|bold}}',
    'request.not_an_object': '{found|a}|{found|char}|{found|name}|{found|In}|{found|postcode}|{found|state}|{found|one:x|other:y}{constructor}{__proto__}',
    'postal_code.format': ['{digits|one:eine|other:viele}|{digits|few:x}|{digits|other:a|other:b}|{digits|or}|{country|a}', '', '', ''],
  };
  const v = tc.createValidator({ locale: 'en-GB', catalog: cat });
  const r = v.validate({ cspModel: 'direct', syncOptions: 5 });
  assert.equal(r.errors.find((e) => e.code === 'request.wrong_type').message,
    'use . ! # { | } ~ - |{}|{ma x}|{found|one:x|other:}|number{|object}');
  assert.equal(v.validate(7).errors[0].message, 'a number|"n"|number|number|postcode|state or province|number');
  const gr = v.validateField('account.billingAddress.postalCode', '1', { account: { billingAddress: { country: 'GR' } } });
  assert.equal(gr.errors[0].message, 'viele||a|5|a GR', 'the first form of the category');
  // Plural categories are the language's (French: 0 and 1 are `one`; a million is `many`).
  const fr = tc.createValidator({ locale: 'fr', catalog: { 'request.not_json': '{line|one:un|many:beaucoup|other:autre}' } });
  assert.equal(fr.validate(() => 1).errors[0].message, 'un', 'line 0');
});

test("countries(locale, catalog): the picker's labels in the catalog's language", () => {
  const de = tc.countries('de', catalogs.de);
  const en = tc.countries('de');
  const by = (list, code) => list.find((c) => c.code === code);
  assert.equal(by(de, 'US').name, 'Vereinigte Staaten');
  assert.deepEqual([by(de, 'US').postalCode.label, by(de, 'US').state.label], ['ZIP-Code', 'Bundesstaat']);
  assert.deepEqual([by(de, 'CA').postalCode.label, by(de, 'CA').state.label], ['Postleitzahl', 'Provinz oder Territorium']);
  assert.equal(by(de, 'IE').postalCode.label, catalogs.de['term.postcode.IE'], "the catalog's own word for a country");
  assert.equal(by(de, 'GR').state.label, catalogs.de['term.state']);
  // Everything but the labels is the picker's without a catalog; without one the labels are English.
  const unlabeled = (list) => list.map((c) => ({ ...c, postalCode: c.postalCode && { ...c.postalCode, label: '' }, state: { ...c.state, label: '' } }));
  assert.deepEqual(unlabeled(de), unlabeled(en));
  assert.deepEqual([by(en, 'US').postalCode.label, by(en, 'US').state.label], ['ZIP code', 'state']);
  // A catalog that lacks the words: English; one that is not a catalog: ignored (countries never throws).
  assert.equal(by(tc.countries('el', { 'term.state': 'πολιτεία' }), 'US').postalCode.label, 'ZIP code');
  assert.equal(by(tc.countries('el', { 'term.state': 'πολιτεία' }), 'GR').state.label, 'πολιτεία');
  assert.equal(by(tc.countries('de', 5), 'US').state.label, 'state');
});

// --- The differential test: index.js's filler against the Rust filler ---------------------------------------------
//
// The corpus: every case of the real-world corpus (tests/fixtures/real-world, put into its country's base account as
// core/tests/real_world.rs does) and tests/fixtures/catalog-corpus.jsonl, which reaches what the real world does not:
// every filter (`a`, `char` with a space, a quoted and an unquoted character, `or`, `name`, `postcode` and `state`
// with and without a country's own word, plural forms of the categories one and other), and every wording of each code
// with several that a record can reach (some only with the country rules of tests/fixtures/catalog-rules.json). Each
// record is checked by the command line (`tenantcheck check --lang L --catalog core/catalogs/L.json [--rules …]`: the
// Rust filler, with CLDR 47's plural rules and country names built in) and by a validator of the package with the
// catalog module of L (and `countryRules`); the results must be the same but for the messages, and the messages the
// same.
//
// Country names: the package names countries by the engine's `Intl.DisplayNames` (Node's ICU), the command line by
// CLDR 47 (core/src/catalog/region_names.rs). Where the two name a country differently (listed here from both sources,
// before any message is compared, and reported), a message may differ by exactly that name and no more; any other
// difference fails. The plural categories are compared with no such allowance.

const corpusDir = join(root, 'tests', 'fixtures', 'real-world');
const bases = JSON.parse(readFileSync(join(corpusDir, 'bases.json'), 'utf8'));

function base(country) {
  const b = bases.countries[country];
  if (!b) throw new Error(`no base account for country ${JSON.stringify(country)}`);
  const record = structuredClone(bases.record);
  Object.assign(record.account, { phone: b.phone, registrationNumber: b.registrationNumber, billingAddress: structuredClone(b.billingAddress) });
  return record;
}

function set(record, path, value) {
  const keys = path.split('.');
  let at = record;
  for (const k of keys.slice(0, -1)) at = at[k] ??= {};
  at[keys.at(-1)] = value;
}

/** Every record of the corpus, with where it comes from, and whether it is checked with the country rules of
 * tests/fixtures/catalog-rules.json (wordings only run-time rules reach). */
function corpus() {
  const records = [];
  for (const name of readdirSync(corpusDir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(corpusDir, name), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const c = JSON.parse(line);
      const record = base(c.country ?? 'US');
      for (const [path, value] of Object.entries(c.with ?? {})) set(record, path, value);
      set(record, c.field, c.input);
      records.push({ at: `${name}:${i + 1}`, record, rules: false });
    });
  }
  readFileSync(join(root, 'tests', 'fixtures', 'catalog-corpus.jsonl'), 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const c = JSON.parse(line);
    let record = c.record;
    if (!('record' in c)) {
      record = base(c.country);
      // `@LONG`: a text too long to count (more than 1,000 characters).
      for (const [path, value] of Object.entries(c.set)) set(record, path, value === '@LONG' ? 'x'.repeat(1200) : value);
    }
    records.push({ at: `catalog-corpus.jsonl:${i + 1} (${c.why})`, record, rules: !!c.rules });
  });
  return records;
}

/** CLDR 47's country names (core/src/catalog/region_names.rs) that Node's `Intl.DisplayNames` gives otherwise. */
function nameDifferences() {
  const text = readFileSync(join(root, 'core', 'src', 'catalog', 'region_names.rs'), 'utf8');
  const out = Object.fromEntries(LANGUAGES.map((l) => [l, new Map()]));
  let lang;
  let n = 0;
  for (const line of text.split('\n')) {
    const l = line.match(/^ {4}\("(\w+)", &\[$/);
    if (l) lang = l[1];
    const m = line.match(/^ {8}\("([A-Z]{2})", ("(?:[^"\\]|\\.)*")\),$/);
    if (!m || !out[lang]) continue;
    n++;
    const cldr47 = JSON.parse(m[2]);
    const icu = new Intl.DisplayNames(lang, { type: 'region' }).of(m[1]);
    if (icu !== cldr47) out[lang].set(m[1], { icu, cldr47 });
  }
  assert.ok(n >= 4 * 240, `region_names.rs read: ${n} names`);
  return out;
}

function binary() {
  const bin = process.env.TENANTCHECK_BIN ?? join(root, 'target', 'debug', 'tenantcheck');
  assert.ok(existsSync(bin), `no ${bin}: build it with \`cargo build --bin tenantcheck\` (make test builds it before tests/node)`);
  return bin;
}

test("every catalog's messages are the Rust filler's, on a corpus that reaches every filter", (t) => {
  const bin = binary();
  const names = nameDifferences();
  for (const lang of LANGUAGES) {
    if (names[lang].size) t.diagnostic(`${lang}: Node's ICU ${process.versions.icu} names ${[...names[lang]].map(([c, d]) => `${c} "${d.icu}" (CLDR 47 "${d.cldr47}")`).join(', ')}`);
  }
  const filters = new Set();
  const wordings = new Set();
  const failures = [];
  let compared = 0;
  let renamed = 0;
  mkdirSync(join(root, 'target', 'tmp'), { recursive: true });
  const rulesFile = join(root, 'tests', 'fixtures', 'catalog-rules.json');
  for (const withRules of [false, true]) {
    const records = corpus().filter((r) => r.rules === withRules);
    const file = join(root, 'target', 'tmp', `catalog-corpus-records${withRules ? '-rules' : ''}.jsonl`);
    writeFileSync(file, records.map((r) => JSON.stringify(r.record)).join('\n') + '\n');
    const english = records.map(({ record }) => tc.validate(record));
    const countryRules = withRules ? JSON.parse(readFileSync(rulesFile, 'utf8')) : undefined;
    for (const lang of LANGUAGES) {
      const args = ['check', file, '--lang', lang, '--catalog', join(root, 'core', 'catalogs', `${lang}.json`), '--output-format', 'jsonl'];
      if (withRules) args.push('--rules', rulesFile);
      const run = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
      assert.ok(run.status === 0 || run.status === 1, `tenantcheck ${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
      const native = new Map(run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.line, r]));
      assert.equal(native.size, records.length, `${lang}: one result per record`);
      const v = tc.createValidator({ locale: lang, catalog: catalogs[lang], countryRules });
      const cat = catalogs[lang];
      records.forEach(({ at, record }, i) => {
        const want = native.get(i + 1);
        const got = v.validate(record);
        const en = withRules ? tc.createValidator({ countryRules }).validate(record) : english[i];
        for (const list of ['errors', 'warnings']) {
          // The command line leaves out empty params.
          const shape = (issues) => issues.map(({ field, code, params }) => ({ field, code, params: params ?? {} }));
          try {
            assert.deepEqual(shape(got[list]), shape(want[list]));
          } catch (e) {
            failures.push(`${lang} ${at}: the issues differ:\n${e.message}`);
            continue;
          }
          got[list].forEach((issue, j) => {
            const expected = want[list][j].message;
            compared++;
            // What the issue exercised: its template's filters, and its wording where its code has several.
            const w = wordingOf(issue.code, en[list][j].message);
            if (Array.isArray(cat[issue.code])) wordings.add(`${issue.code}#${w}`);
            for (const m of [cat[issue.code]].flat()[w].matchAll(/\{(\w+)\|([^}]*)\}/g)) {
              // A plural form counts with the category its number has in the language.
              filters.add(m[2].includes(':') ? `plural ${new Intl.PluralRules(lang).select(issue.params[m[1]])}` : m[2]);
            }
            if (issue.message === expected) return;
            // A country named otherwise by the two CLDR versions, and no other difference.
            const d = names[lang].get(issue.params.country);
            if (d && expected.split(d.cldr47).join(d.icu) === issue.message) {
              renamed++;
              return;
            }
            failures.push(`${lang} ${at} ${issue.field} ${issue.code} ${JSON.stringify(issue.params)}:\n  package: ${issue.message}\n  native:  ${expected}`);
          });
        }
      });
    }
  }
  assert.ok(failures.length === 0, `${failures.length} differences:\n${failures.slice(0, 40).join('\n')}`);
  assert.ok(compared > 1000, `${compared} messages compared`);
  if (renamed) t.diagnostic(`${renamed} messages differ only by a country's name (ICU vs CLDR 47)`);
  t.diagnostic(`${compared} messages compared in ${LANGUAGES.length} languages`);
  // The corpus reaches every filter …
  for (const f of ['a', 'char', 'or', 'name', 'postcode', 'state', 'plural one', 'plural other']) {
    assert.ok(filters.has(f), `no message of the corpus used the filter ${f}`);
  }
  // … and every wording of the codes with several that a record can reach (country_rules.* come from the country
  // rules, not from a record: the test above and instances.test.mjs throw them), but these, listed with why not.
  const UNREACHED = {
    'country.unknown#2': 'a value over 40 characters with a suggestion: none found',
    'phone.wrong_length#1': 'a number of a plan without a country whose length is neither too short nor too long: none found',
    'phone.calling_code_mismatch#1': 'never made: core/src/rules/phone.rs (calling_code_mismatch) always names the code',
    'postal_code.format#2': 'a digit count without an example: the defaults have both, run-time patterns neither',
    'postal_code.dublin_district#1': "a Dublin district without an example: Ireland's rules have one",
  };
  const reachable = Object.entries(source('en')).filter(([k, v]) => Array.isArray(v) && !k.startsWith('country_rules.'));
  const missing = reachable.flatMap(([k, v]) => v.map((_, i) => `${k}#${i}`)).filter((w) => !wordings.has(w));
  assert.deepEqual(missing, Object.keys(UNREACHED), 'the wordings the corpus does not reach');
});

/** Which English wording an English message is (for the coverage count only): the template it matches with the most
 * literal text, its placeholders read as any text. */
function wordingOf(code, message) {
  const texts = [source('en')[code]].flat();
  let best = 0;
  let most = -1;
  texts.forEach((t, i) => {
    const parts = t.split(/\{\w+(?:\|[^{}]*)?\}/);
    const re = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
    const literal = parts.join('').length;
    if (re.test(message) && literal > most) [best, most] = [i, literal];
  });
  return best;
}

// --- A bundle of one language -------------------------------------------------------------------------------------

test('an esbuild bundle that imports catalogs/de holds German and no Greek, French or Spanish', async () => {
  const require = createRequire(join(tools, 'x.js'));
  const esbuild = require('esbuild');
  const app = consumer('catalog-bundle', {
    'main.js': `import init, { createValidator } from 'tenantcheck';
import de from 'tenantcheck/catalogs/de';
await init();
export const v = createValidator({ locale: 'de', catalog: de });
`,
  });
  const out = await esbuild.build({
    entryPoints: [join(app, 'main.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    charset: 'utf8',
    write: false,
    logLevel: 'error',
  });
  const bundle = out.outputFiles[0].text;
  const de = source('de');
  assert.ok(bundle.includes(de['postal_code.format'][0]), 'the German catalog is in');
  const german = new Set(Object.values(de).flat());
  const english = new Set(Object.values(source('en')).flat());
  for (const lang of ['el', 'fr', 'es']) {
    // Every text of that language's module that is neither German nor English (a literal example such as `contoso`
    // is all three).
    const own = Object.entries(catalogs[lang]).flatMap(([, v]) => [v].flat()).filter((s) => !german.has(s) && !english.has(s) && s.length > 12);
    assert.ok(own.length > 100, lang);
    const found = own.filter((s) => bundle.includes(s));
    assert.deepEqual(found, [], `${lang} text in the bundle`);
  }
  assert.doesNotMatch(bundle, /[\u0370-\u03ff]/, 'no Greek letter at all');
  // A bundle that never makes a validator has no filler (its exports are marked pure, the package side-effect free).
  const plain = consumer('catalog-bundle-plain', { 'main.js': "import init, { validate } from 'tenantcheck';\nawait init();\nexport const r = validate({});\n" });
  const small = await esbuild.build({ entryPoints: [join(plain, 'main.js')], bundle: true, format: 'esm', write: false, logLevel: 'error' });
  for (const part of ['PluralRules', 'tenantcheck.bad_locale', 'country_rules.malformed']) {
    assert.ok(!small.outputFiles[0].text.includes(part), `${part} in a bundle of validate alone`);
  }
});

test('a Vite build that imports catalogs/de shows German messages in headless Chromium, with no other language', async () => {
  const { inBrowser, serve } = await import('./recipes.mjs');
  const app = consumer('catalog-vite', {
    'index.html': '<!doctype html><meta charset="utf-8"><title>tenantcheck</title><script type="module" src="/main.js"></script>\n',
    'main.js': `import init, { createValidator } from 'tenantcheck';
import de from 'tenantcheck/catalogs/de.js';
await init();
const v = createValidator({ locale: 'de', catalog: de });
const out = document.createElement('p');
out.id = 'out';
out.textContent = v.validateField('account.billingAddress.postalCode', '1068', { account: { billingAddress: { country: 'GR' } } }).errors[0].message;
document.body.append(out);
`,
  });
  const vite = join(tools, 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: app, encoding: 'utf8' });
  assert.equal(run.status, 0, `vite build failed:\n${run.stdout}\n${run.stderr}`);
  const js = readdirSync(join(app, 'dist', 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(app, 'dist', 'assets', f), 'utf8')).join('\n');
  assert.doesNotMatch(js, /[\u0370-\u03ff]/, 'no Greek in the build');
  for (const lang of ['fr', 'es']) assert.ok(!js.includes(catalogs[lang]['postal_code.format'][0]), `no ${lang} in the build`);
  const server = await serve(join(app, 'dist'));
  try {
    const text = await inBrowser(server.url, (page) => page.locator('#out').textContent({ timeout: 15_000 }));
    assert.equal(text, 'Griechenland: Postleitzahl besteht aus 5 Ziffern, z. B. 151 24.');
  } finally {
    await server.close();
  }
});
