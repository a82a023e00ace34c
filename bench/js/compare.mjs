// tenantcheck's npm package against the JS stack a checkout page would otherwise use, in one Node.js process on the
// same inputs: postcode-validator (postcodes), libphonenumber-js/min (phones), validator's isEmail (e-mail).
// Median time per call over several rounds, and the gzip -9 size of what each side ships (bundled by esbuild,
// minified). Run by `make bench` after `make pkg`; the tools come from tools/node_modules (scripts/setup.sh browser).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tools = join(root, 'tools', 'node_modules');
const require = createRequire(join(tools, 'x.js'));
// TC_PKG: another package directory (interleaved before/after runs).
const pkgDir = process.env.TC_PKG ?? join(root, 'pkg');
const tc = await import(pathToFileURL(join(pkgDir, 'node.js')));
const { postcodeValidator, postcodeValidatorExistsForCountry } = require('postcode-validator');
const { isValidPhoneNumber } = require('libphonenumber-js/min');
const isEmail = require('validator/lib/isEmail');
const esbuild = require('esbuild');

const record = {
  cspModel: 'indirectProvider',
  syncOptions: { username: 'admin', domainPrefix: 'contoso', resellerMpnId: '1234567' },
  account: {
    companyName: 'Contoso Ltd', contact: { firstName: 'Ada', lastName: 'Lovelace' }, email: 'it@contoso.com',
    phone: '+30 210 123 4567', registrationNumber: '', isSubCustomerOfReseller: false,
    billingAddress: { country: 'GR', addressLine1: 'Leof. Kifisias 1', addressLine2: '', city: 'Athens', state: '',
      postalCode: '106 82' },
  },
  resellerBillingAddress: null, partnerDomain: 'partner.example', markets: null, domainSuffix: null,
};
const small = { account: { billingAddress: { country: 'GR' } } };

/** Median nanoseconds per call of f over `rounds` rounds of `n` calls. */
function time(f, n = 20000, rounds = 15) {
  let sink = 0;
  for (let i = 0; i < n; i++) sink ^= f() ? 1 : 0; // warm-up
  const per = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink ^= f() ? 1 : 0;
    per.push(Number(process.hrtime.bigint() - t) / n);
  }
  per.sort((a, b) => a - b);
  globalThis.__sink = sink;
  return per[per.length >> 1];
}

const cases = [
  ['postcode', () => tc.validateField('account.billingAddress.postalCode', '106 82', small).valid,
    () => postcodeValidator('106 82', 'GR')],
  ['phone', () => tc.validateField('account.phone', '+30 210 123 4567', small).valid,
    () => isValidPhoneNumber('+30 210 123 4567')],
  ['email', () => tc.validateField('account.email', 'it@contoso.com', small).valid, () => isEmail('it@contoso.com')],
  // As a form checks a field while the user types: the whole record as the context (the package's calls; the browser
  // host checks with the core compiled into its own module).
  ['postcode, whole record as context', () => tc.validateField('account.billingAddress.postalCode', '106 82', record).valid,
    () => postcodeValidator('106 82', 'GR')],
  ['email, whole record as context', () => tc.validateField('account.email', 'it@contoso.com', record).valid,
    () => isEmail('it@contoso.com')],
  ['whole record', () => tc.validate(record).valid,
    () => postcodeValidator('106 82', 'GR') && isValidPhoneNumber('+30 210 123 4567') && isEmail('it@contoso.com')],
];

// The committed record set (scripts/gen_bench_records.py): 587 real-world corpus cases, valid and invalid, in 57
// countries, each set into its country's valid base account. The JavaScript stack checks what it can of each record,
// as a checkout page would wire it: the postcode where postcode-validator knows the country, the phone in the billing
// country, the e-mail.
const records = readFileSync(join(root, 'bench', 'records.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const countryOf = (r) => {
  const c = r.account?.billingAddress?.country;
  return typeof c === 'string' ? c.trim().toUpperCase() : '';
};
const text = (v) => (typeof v === 'string' ? v : '');
/** The JavaScript stack's check of each field it can check (a field it has no check for is valid). */
const jsChecks = {
  'account.billingAddress.postalCode': (r) => {
    const country = countryOf(r);
    const pc = text(r.account?.billingAddress?.postalCode);
    return !postcodeValidatorExistsForCountry(country) || (pc !== '' && postcodeValidator(pc, country));
  },
  'account.phone': (r) => {
    const phone = text(r.account?.phone);
    return phone === '' || isValidPhoneNumber(phone, countryOf(r) || undefined);
  },
  'account.email': (r) => isEmail(text(r.account?.email)),
};
function jsStack(r) {
  return jsChecks['account.billingAddress.postalCode'](r) && jsChecks['account.phone'](r) && jsChecks['account.email'](r);
}
const each = (f) => () => {
  let ok = 0;
  for (const r of records) ok += f(r) ? 1 : 0;
  return ok;
};
cases.push(['record set, all records (per record)', each((r) => tc.validate(r).valid), each(jsStack), records.length]);

const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
console.log('| check | tenantcheck | JS stack | ratio |\n|---|---|---|---|');
for (const [name, ours, theirs, per = 1] of cases) {
  const a = time(ours, per > 1 ? 20 : name === 'whole record' ? 5000 : 20000, per > 1 ? 11 : 15) / per;
  const b = time(theirs, per > 1 ? 20 : 20000, per > 1 ? 11 : 15) / per;
  console.log(`| ${name} | ${fmt(a)} | ${fmt(b)} | ${(a / b).toFixed(1)}× |`);
}

{
  // Each record is a corpus case: its verdict on its field (valid, warning or invalid), from the case's public source,
  // says which side judged that field as a postal service or Partner Center would (a field the JavaScript stack has
  // no check for counts as valid by it).
  const corpus = join(root, 'tests', 'fixtures', 'real-world');
  const cases = new Map();
  for (const f of ['postcodes', 'states', 'phones', 'emails']) {
    for (const l of readFileSync(join(corpus, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) {
      const c = JSON.parse(l);
      cases.set(c.id, { field: c.field, ok: c.verdict !== 'invalid' });
    }
  }
  const theirsOn = (r, field) => (jsChecks[field] ? jsChecks[field](r) : true);
  let ours = 0;
  let theirs = 0;
  for (const r of records) {
    const c = cases.get(r.id);
    ours += (!tc.validate(r).errors.some((e) => e.field === c.field)) === c.ok ? 1 : 0;
    theirs += theirsOn(r, c.field) === c.ok ? 1 : 0;
  }
  const valid = records.filter((r) => tc.validate(r).valid).length;
  console.log(`\nRecord set: ${records.length} records; valid records by tenantcheck ${valid}, by the JavaScript stack ${records.filter(jsStack).length}.`);
  console.log(`Each case's field judged as its source does: tenantcheck ${ours} of ${records.length}, the JavaScript stack ${theirs}.`);
}

async function bundled(contents) {
  const out = await esbuild.build({
    stdin: { contents, resolveDir: tools, loader: 'js' }, bundle: true, minify: true, format: 'esm', write: false,
    platform: 'browser', logLevel: 'error',
  });
  return Buffer.from(out.outputFiles[0].contents);
}
const gz = (b) => gzipSync(b, { level: 9 }).length;
const wasm = readFileSync(join(pkgDir, 'tenantcheck_bg.wasm'));
const glue = await bundled(`export * from ${JSON.stringify(join(pkgDir, 'index.js'))};`);
const sizes = {
  'postcode-validator': gz(await bundled("export { postcodeValidator } from 'postcode-validator';")),
  'libphonenumber-js/min': gz(await bundled("export { isValidPhoneNumber } from 'libphonenumber-js/min';")),
  'validator/isEmail': gz(await bundled("export { default } from 'validator/lib/isEmail';")),
};
const stack = Object.values(sizes).reduce((a, b) => a + b, 0);
console.log('\n| shipped (gzip -9) | bytes |\n|---|---|');
console.log(`| tenantcheck .wasm | ${gz(wasm)} (raw ${wasm.length}) |`);
console.log(`| tenantcheck JS (glue + entry, minified) | ${gz(glue)} |`);
for (const [k, v] of Object.entries(sizes)) console.log(`| ${k} | ${v} |`);
console.log(`| JS stack total | ${stack} |`);
console.log(`| tenantcheck total / JS stack | ${((gz(wasm) + gz(glue)) / stack).toFixed(2)}× |`);
