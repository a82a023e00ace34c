// The npm package in Node.js, imported as a consumer would (`import ... from 'tenantcheck'`): every export, the
// result's shape, initialization, and the same postcode corpus as the native side (core/tests/wasm_parity.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consumer, root } from './consumer.mjs';

const dir = consumer('node', {
  'node.mjs': "export * from 'tenantcheck';\nexport { default } from 'tenantcheck';\n",
});
const tc = await import(pathToFileURL(join(dir, 'node.mjs')));

function noUndefined(v, at = 'result') {
  assert.notEqual(v, undefined, `${at} is undefined`);
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) noUndefined(x, `${at}.${k}`);
}

test('the node entry is ready on import and validates a record', () => {
  const r = tc.validate({ cspModel: 'direct', account: { billingAddress: { country: 'GR', postalCode: '1068' } } });
  assert.equal(r.valid, false);
  assert.ok(r.errors.some((e) => e.field === 'account.billingAddress.postalCode' && e.code === 'postal_code.format'));
  assert.equal(r.domainForm, null);
  assert.equal(r.normalized.syncOptions.username, null);
  noUndefined(r);
});

test('validateField gives the field result of request.md, not the whole record', () => {
  const path = 'account.billingAddress.postalCode';
  const r = tc.validateField(path, ' 10682 ', { account: { billingAddress: { country: 'GR' } } });
  assert.deepEqual(r, {
    field: path, value: '106 82', valid: true, covered: [path, 'account.billingAddress.state'], errors: [], warnings: [],
  });
  // request.md's example: the state covers the postcode, whose verdict it decides.
  const us = { account: { billingAddress: { country: 'US', state: 'NY', postalCode: '10001' } } };
  const s = tc.validateField('account.billingAddress.state', 'WA', us);
  assert.equal(s.valid, false);
  assert.deepEqual(s.covered, ['account.billingAddress.state', path]);
  assert.deepEqual(s.errors.map((e) => [e.field, e.code]), [[path, 'postal_code.state_mismatch']]);
  // The country covers the whole address, the phone and the registration number; the flag takes a boolean.
  const c = tc.validateField('account.billingAddress.country', 'ae', us);
  assert.equal(c.value, 'AE');
  for (const p of [path, 'account.billingAddress.city', 'account.phone', 'account.registrationNumber'])
    assert.ok(c.covered.includes(p), p);
  const sub = tc.validateField('account.isSubCustomerOfReseller', true, us);
  assert.equal(sub.value, true);
  assert.ok(sub.covered.includes('syncOptions.resellerMpnId'));
  noUndefined(sub);
  const unknown = tc.validateField('account.nope', 'x', us);
  assert.deepEqual([unknown.valid, unknown.covered, unknown.errors[0].code], [false, [], 'request.unknown_field']);
});

test("the record's id comes back as the result's id; a bad one is request.bad_id", () => {
  assert.equal(tc.validate({ id: 'C-017', cspModel: 'direct' }).id, 'C-017');
  assert.equal(tc.validate({ id: 42 }).id, 42);
  assert.equal(tc.validate({ id: 4.0 }).id, 4);
  assert.equal('id' in tc.validate({ cspModel: 'direct' }), false);
  assert.equal('id' in tc.validate({ id: null }), false);
  for (const id of [1.5, 1e15, true, ['x'], { a: 1 }, 'x'.repeat(201)]) {
    const r = tc.validate({ id });
    assert.equal('id' in r, false, String(id));
    const bad = r.errors.filter((e) => e.code === 'request.bad_id');
    assert.deepEqual(bad.map((e) => e.field), ['id'], String(id));
    assert.ok(!r.errors.some((e) => e.code === 'request.unknown_field'), String(id));
  }
  assert.equal(tc.validate({ id: 'é'.repeat(200) }).id, 'é'.repeat(200));
});

test('validateField, setCountryRules, resetCountryRules and countries', () => {
  const path = 'account.billingAddress.postalCode';
  const rec = { account: { billingAddress: { country: 'GR' } } };
  assert.equal(tc.validateField(path, '106 82', rec).valid, true);
  assert.deepEqual(tc.validateField(path, '1068', rec).errors.map((e) => e.code), ['postal_code.format']);
  assert.equal(tc.setCountryRules({ iso2Code: 'GR', isPostalCodeRequired: true, postalCodeRegex: '\\d{3}' }), 1);
  assert.equal(tc.validateField(path, '123', rec).valid, true);
  assert.throws(() => tc.setCountryRules('{"iso2Code":"QQ"}'), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'country_rules.unknown_country');
    assert.equal(e.params.country, 'QQ');
    return true;
  });
  assert.equal(tc.validateField(path, '123', rec).valid, true, 'a rejected set changes nothing');
  tc.resetCountryRules();
  assert.equal(tc.validateField(path, '123', rec).valid, false);
  const list = tc.countries();
  assert.equal(list.length, 250);
  const us = list.find((c) => c.code === 'US');
  assert.equal(us.name, 'United States');
  assert.deepEqual(us.states[0], { code: 'AK', name: 'Alaska' });
  assert.equal(list.find((c) => c.code === 'AE').postalCode, null);
  noUndefined(list);
});

test('countries(locale): the picker data, named in the language by Intl.DisplayNames', () => {
  const el = tc.countries('el');
  const gr = el.find((c) => c.code === 'GR');
  assert.equal(gr.name, 'Ελλάδα');
  assert.deepEqual(gr.callingCodes, ['30']);
  assert.deepEqual(gr.postalCode, { label: 'postcode', example: '151 24', examples: ['151 24', '151 10', '101 88'], required: true });
  assert.deepEqual(gr.state, { label: 'state or province', required: false });
  assert.deepEqual(gr.states, []);
  assert.equal(el.find((c) => c.code === 'DE').name, 'Γερμανία');
  // State names stay as the country writes them; codes are what Partner Center accepts.
  const us = el.find((c) => c.code === 'US');
  assert.equal(us.states.length, 51);
  assert.deepEqual(us.states.find((s) => s.code === 'CA'), { code: 'CA', name: 'California' });
  assert.deepEqual(us.postalCode.label, 'ZIP code');
  assert.deepEqual(us.state, { label: 'state', required: true });
  const au = el.find((c) => c.code === 'AU');
  assert.ok(au.states.every((s) => s.code === s.name));
  assert.ok(au.states.some((s) => s.code === 'New South Wales'));
  assert.equal(el.find((c) => c.code === 'CA').postalCode.label, 'postal code');
  assert.deepEqual(el.find((c) => c.code === 'RU').registrationNumber, { required: true, term: 'INN' });
  assert.deepEqual(el.find((c) => c.code === 'BR').registrationNumber, { required: true, term: 'CNPJ' });
  assert.deepEqual(us.registrationNumber, { required: false, term: null });
  assert.ok(el.every((c) => c.phone.required === true));
  noUndefined(el);
  // The host sorts by name in the language.
  const sorted = el.map((c) => c.name).sort(new Intl.Collator('el').compare);
  assert.ok(sorted.indexOf('Ελλάδα') > sorted.indexOf('Γερμανία'));
  // English without a locale, and for one the engine refuses; the same countries in every language.
  for (const other of [tc.countries(), tc.countries(null), tc.countries('en-GB'), tc.countries('not a tag!')]) {
    assert.equal(other.find((c) => c.code === 'GR').name, 'Greece');
    assert.deepEqual(other.map((c) => c.code), el.map((c) => c.code));
  }
  assert.equal(tc.countries('de').find((c) => c.code === 'GR').name, 'Griechenland');
  // Run-time rules show: their states, as Partner Center gave them (the package does not name them by the default
  // list, as native builds do: that cost 44 B of the size bound; core/src/countries/picker.rs).
  tc.setCountryRules({ iso2Code: 'US', states: ['CA', 'NY'] });
  assert.deepEqual(tc.countries('el').find((c) => c.code === 'US').states, [{ code: 'CA', name: 'CA' }, { code: 'NY', name: 'NY' }]);
  tc.resetCountryRules();
});

test('bad input gives structured results, never a throw', () => {
  for (const bad of [undefined, null, 5, 'x', [], () => 1, Symbol('s'), 10n, new Uint8Array(3)]) {
    const r = tc.validate(bad);
    assert.equal(r.valid, false);
    assert.match(r.errors[0].code, /^request\./);
    noUndefined(r);
  }
  const cyclic = { account: {} };
  cyclic.account.self = cyclic;
  assert.ok(tc.validate(cyclic).errors.some((e) => e.code === 'request.unknown_field'));
  const huge = tc.validate({ account: { companyName: 'x'.repeat(5e6), email: '\ud800@\uFF45.com' } });
  assert.ok(huge.errors.some((e) => e.code === 'company_name.too_long'));
  assert.equal(tc.validateField(42, 'x').errors[0].code, 'request.not_json');
});

test("a page's own code that calls back in while the module runs never stops it", () => {
  const gr = { account: { billingAddress: { country: 'GR', postalCode: '106 82' }, email: 'x' } };
  const rules = { iso2Code: 'GR', postalCodeRegex: '\\d{3} ?\\d{2}' };
  const seen = [];
  const test = RegExp.prototype.test;
  // The first time a pattern runs (a postcode check), the page validates again and installs and drops rules.
  RegExp.prototype.test = function (text) {
    RegExp.prototype.test = test;
    seen.push(tc.validate(gr).valid);
    try {
      seen.push(tc.setCountryRules(rules));
    } catch (e) {
      seen.push(e.code); // refused as data: the module goes on
    }
    tc.resetCountryRules();
    return test.call(this, text);
  };
  // The first time a result's `code` is set, the page asks for the country list and validates.
  Object.defineProperty(Object.prototype, 'code', {
    configurable: true,
    set(v) {
      delete Object.prototype.code;
      seen.push(tc.countries().length, tc.validateField('account.email', 'x', gr).valid);
      Object.defineProperty(this, 'code', { value: v, enumerable: true, writable: true, configurable: true });
    },
  });
  try {
    assert.equal(tc.setCountryRules(rules), 1);
    const r = tc.validate(gr);
    assert.ok(r.errors.some((e) => e.code === 'email.missing_at'));
  } finally {
    RegExp.prototype.test = test;
    delete Object.prototype.code;
  }
  assert.ok(seen.length >= 4, `the page ran while the module did: ${seen}`);
  tc.resetCountryRules();
  const postcode = (value) => tc.validateField('account.billingAddress.postalCode', value, gr).errors.map((e) => e.code);
  assert.deepEqual(postcode('106 82'), []);
  assert.deepEqual(postcode('1068'), ['postal_code.format']);
});

test('the browser entry throws a clear error before init, and init is idempotent', async () => {
  // The browser entry (the "default" condition), as a fresh module instance: node.js has already loaded its own.
  const web = await import(pathToFileURL(join(dir, 'node_modules', 'tenantcheck', 'index.js')) + '?fresh');
  assert.throws(() => web.validate({}), (e) => e.code === 'tenantcheck.not_initialized' && /init\(\)/.test(e.message));
  const bytes = readFileSync(join(dir, 'node_modules', 'tenantcheck', 'tenantcheck_bg.wasm'));
  await web.default({ module_or_path: bytes });
  await web.default({ module_or_path: bytes });
  web.initSync({ module: bytes });
  assert.equal(web.validate({}).valid, false);
});

test('countries(): the core\'s picker, entry for entry (the module\'s rows shaped by index.js)', () => {
  const fixture = join(root, 'target', 'tmp', 'wasm-parity-picker.json');
  assert.ok(existsSync(fixture), 'run `cargo test -p tenantcheck-core --test wasm_parity` first (make test does)');
  assert.deepEqual(tc.countries(), JSON.parse(readFileSync(fixture, 'utf8')));
});

test('postcode corpus: every verdict equals the native one', () => {
  const fixture = join(root, 'target', 'tmp', 'wasm-parity-postcodes.json');
  assert.ok(existsSync(fixture), 'run `cargo test -p tenantcheck-core --test wasm_parity` first (make test does)');
  const native = JSON.parse(readFileSync(fixture, 'utf8'));
  // The same derivation as the native side, from countries(): every example, and with one character appended.
  const cases = [];
  for (const c of tc.countries())
    for (const ex of c.postalCode?.examples ?? []) for (const s of ['', '0', 'A', ' ', '-']) cases.push([c.code, ex + s]);
  assert.deepEqual(cases, native.map((n) => [n.country, n.value]), 'the case lists differ');
  const path = 'account.billingAddress.postalCode';
  let accepted = 0;
  native.forEach((n, i) => {
    const r = tc.validateField(path, n.value, { account: { billingAddress: { country: n.country } } });
    assert.deepEqual([r.valid, r.errors.map((e) => e.code)], [n.valid, n.codes], `${n.country} ${JSON.stringify(n.value)}`);
    // A postcode result also states the state's issues (request.md, "Field result"): an example is judged by its own.
    if (cases[i][1] === n.value && r.errors.every((e) => e.field !== path)) accepted++;
  });
  const examples = tc.countries().flatMap((c) => c.postalCode?.examples ?? []);
  assert.ok(examples.length >= 400);
  assert.ok(accepted >= examples.length);
});
