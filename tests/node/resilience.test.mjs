// Fail loudly, never trap (issue 10): exceptions from a page's own code (a patched builtin the module borrows, a
// throwing getter, a proxy) are caught at the boundary and become error results; after 100,000 of them the module
// still validates. And the package's instances, field results and init() as request.md and docs/npm-package.md say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consumer, root } from './consumer.mjs';

const dir = consumer('resilience', { 'node.mjs': "export * from 'tenantcheck';\n" });
const tc = await import(pathToFileURL(join(dir, 'node.mjs')));
const good = JSON.parse(readFileSync(join(root, 'core', 'tests', 'fixtures', 'request-example.json'), 'utf8'));
const PC = 'account.billingAddress.postalCode';

test('100,000 calls whose page code throws, then a valid record validates', () => {
  const test = RegExp.prototype.test;
  const normalize = String.prototype.normalize;
  const getter = { get account() { throw new Error('getter'); } };
  const proxy = new Proxy({}, { ownKeys() { throw new Error('proxy'); } });
  const codes = new Set();
  RegExp.prototype.test = function () { throw new Error('patched by the page'); };
  String.prototype.normalize = function () { throw new Error('patched by the page'); };
  try {
    for (let i = 0; i < 100_000; i++) {
      const r = [
        () => tc.validate(good),
        () => tc.validateField(PC, '106 82', good),
        () => tc.validate(getter),
        () => tc.validate(proxy),
        () => tc.validateField('account.companyName', 'Ｃｏｎｔｏｓｏ', null),
      ][i % 5]();
      assert.equal(r.valid, false);
      codes.add(r.errors[0].code);
    }
  } finally {
    RegExp.prototype.test = test;
    String.prototype.normalize = normalize;
  }
  assert.deepEqual([...codes].sort(), ['request.engine_failed', 'request.not_json']);
  const r = tc.validate(good);
  assert.deepEqual(r.errors, []);
  assert.equal(r.valid, true);
  assert.equal(tc.validateField(PC, '1068', good).errors[0].code, 'postal_code.format');
});

test('validateField returns the field, its value, covered paths and their issues, not the record', () => {
  const rec = { account: { billingAddress: { country: 'US', state: 'WA' } } };
  const r = tc.validateField(PC, '94043', rec);
  assert.deepEqual(Object.keys(r).sort(), ['covered', 'errors', 'field', 'valid', 'value', 'warnings']);
  assert.equal(r.field, PC);
  assert.equal(r.value, '94043');
  assert.deepEqual(r.covered, [PC, 'account.billingAddress.state']);
  assert.deepEqual(r.errors.map((e) => e.field + ' ' + e.code), [`${PC} postal_code.state_mismatch`]);
  const state = tc.validateField('account.billingAddress.state', 'ca', { account: { billingAddress: { country: 'US', postalCode: '94043' } } });
  assert.equal(state.valid, true);
  assert.equal(state.value, 'CA', 'the normalized value');
  const country = tc.validateField('account.billingAddress.country', 'gr', null);
  assert.equal(country.value, 'GR');
  assert.ok(country.covered.includes('account.phone') && country.covered.includes(PC) && country.covered.length === 8);
  const flag = tc.validateField('account.isSubCustomerOfReseller', true, null);
  assert.equal(flag.value, true);
  assert.ok(flag.covered.includes('syncOptions.resellerMpnId'));
  assert.equal(tc.validateField('account.nope', 'x').errors[0].code, 'request.unknown_field');
});

test('instances hold their own country rules; the functions are a default instance', () => {
  const a = tc.createValidator({ countryRules: { iso2Code: 'GR', postalCodeRegex: '\\d{3}' } });
  const b = tc.createValidator();
  const gr = { account: { billingAddress: { country: 'GR' } } };
  assert.equal(a.validateField(PC, '123', gr).valid, true);
  assert.equal(b.validateField(PC, '123', gr).valid, false);
  assert.equal(tc.validateField(PC, '123', gr).valid, false);
  tc.setCountryRules({ iso2Code: 'GR', postalCodeRegex: '\\d{4}' });
  assert.equal(tc.validateField(PC, '1234', gr).valid, true);
  assert.equal(a.validateField(PC, '1234', gr).valid, false);
  tc.resetCountryRules();
  assert.throws(() => tc.createValidator({ cuntryRules: [] }), (e) => e instanceof tc.TenantcheckError && e.code === 'tenantcheck.unknown_option');
  assert.throws(() => a.setCountryRules('{"iso2Code":"QQ"}'), (e) => e instanceof tc.TenantcheckError && e.code === 'country_rules.unknown_country');
  assert.match(tc.dataVersion(), /\S/);
});

test('country rules replaced 2,000 times: the instance keeps working', () => {
  // Each set compiles a pattern; the replaced ones are freed (counted in core/wasm/tests: replaced_rules_free_…).
  const v = tc.createValidator();
  for (let i = 0; i < 2000; i++) v.setCountryRules({ iso2Code: 'GR', postalCodeRegex: `\\d{${(i % 5) + 1}}` });
  assert.equal(v.validateField(PC, '12345', { account: { billingAddress: { country: 'GR' } } }).valid, true);
});

test('init() shares one load between concurrent callers', async () => {
  const web = await import(pathToFileURL(join(dir, 'node_modules', 'tenantcheck', 'index.js')) + '?concurrent');
  const bytes = readFileSync(join(dir, 'node_modules', 'tenantcheck', 'tenantcheck_bg.wasm'));
  const [p, q] = [web.default({ module_or_path: bytes }), web.default({ module_or_path: bytes })];
  assert.equal(p, q, 'the same promise');
  await p;
  const v = web.createValidator({ countryRules: { iso2Code: 'GR', postalCodeRegex: '\\d{3}' } });
  await web.default({ module_or_path: bytes });
  web.initSync({ module: bytes });
  assert.equal(v.validateField(PC, '123', { account: { billingAddress: { country: 'GR' } } }).valid, true, 'still configured');
});

test("an instance holds the partner's configuration; the record's is ignored with a warning each", () => {
  const v = tc.createValidator({ cspModel: 'indirectProvider', partnerDomain: 'partner.example', markets: ['GR', 'US'] });
  const r = v.validate(good); // the example carries cspModel and partnerDomain of its own
  assert.deepEqual(r.warnings.filter((w) => w.code === 'request.configuration_ignored').map((w) => w.field), ['cspModel', 'partnerDomain']);
  assert.equal(r.normalized.markets.join(), 'GR,US', 'the configuration in force');
  assert.deepEqual(r.errors, []);
  const customer = { ...good };
  for (const k of ['cspModel', 'partnerDomain', 'markets', 'domainSuffix', 'resellerBillingAddress']) delete customer[k];
  const c = v.validate(customer);
  assert.deepEqual(c.errors, [], 'customer data only');
  assert.deepEqual(c.warnings, []);
  assert.equal(tc.validate(customer).errors[0].code, 'request.missing_configuration', 'the default instance holds none');
  const de = v.validateField('account.billingAddress.country', 'DE', customer);
  assert.equal(de.errors[0].code, 'country.not_in_markets');
  assert.throws(() => tc.createValidator({ cspModel: 'reseller' }), (e) => e instanceof tc.TenantcheckError && e.code === 'request.unknown_value');
  assert.throws(() => tc.createValidator({ partnerDomain: 'partner.example' }), (e) => e.code === 'request.missing_configuration');
});
