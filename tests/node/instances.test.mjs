// Validator instances (createValidator): the partner's configuration held by the instance (request.md, rules.md
// section 4), instances that never affect each other or the free functions (the default instance), the options'
// errors, the data version, and init() loading the module once for every caller.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consumer, root } from './consumer.mjs';

const dir = consumer('instances', {
  'node.mjs': "export * from 'tenantcheck';\nexport { default } from 'tenantcheck';\n",
});
const tc = await import(pathToFileURL(join(dir, 'node.mjs')));
const example = JSON.parse(readFileSync(join(root, 'core', 'tests', 'fixtures', 'request-example.json'), 'utf8'));
const CONFIG = ['cspModel', 'resellerBillingAddress', 'partnerDomain', 'markets', 'domainSuffix'];

/** The example record of request.md without its configuration: customer data only. */
function customer() {
  const r = structuredClone(example);
  for (const k of CONFIG) delete r[k];
  return r;
}

const codes = (issues) => issues.map((i) => `${i.field} ${i.code}`);

test('an instance holds the configuration: records need customer data only', () => {
  const v = tc.createValidator({ cspModel: 'indirectProvider', partnerDomain: 'Partner.Example', markets: ['gr', 'CY'] });
  assert.ok(v instanceof tc.Validator);
  const r = v.validate(customer());
  assert.deepEqual(codes(r.errors), []);
  assert.deepEqual(codes(r.warnings), []);
  assert.equal(r.normalized.cspModel, 'indirectProvider');
  assert.equal(r.normalized.partnerDomain, 'partner.example');
  assert.deepEqual(r.normalized.markets, ['GR', 'CY']);
  assert.equal(r.normalized.domainSuffix, null);
  // The free functions (the default instance) take the configuration with the record.
  assert.deepEqual(codes(tc.validate(customer()).errors), ['cspModel request.missing_configuration']);
  // validateField uses the instance's configuration too: a country outside its markets.
  const f = v.validateField('account.billingAddress.country', 'DE', customer());
  assert.deepEqual(codes(f.errors), ['account.billingAddress.country country.not_in_markets']);
  // The default has Partner Center's markets: DE is one (the example's Greek postcode, a covered field, is not).
  const d = tc.validateField('account.billingAddress.country', 'DE', example);
  assert.deepEqual(codes(d.errors), ['account.billingAddress.postalCode postal_code.format']);
});

test("a record's configuration fields are ignored with one warning each", () => {
  const v = tc.createValidator({ cspModel: 'direct', partnerDomain: 'partner.example' });
  const r = v.validate(example);
  assert.deepEqual(codes(r.warnings), CONFIG.map((k) => `${k} request.configuration_ignored`));
  assert.deepEqual(r.warnings.map((w) => w.params.name), CONFIG);
  // The held model (direct) has no reseller field: the record's own model is not read.
  assert.deepEqual(codes(r.errors), ['syncOptions.resellerMpnId reseller_mpn_id.not_available']);
  assert.equal(r.normalized.cspModel, 'direct');
});

test('unknown options are ignored; no configuration option: records carry their own', () => {
  // (locale and catalog were unknown options here before issue 12: catalogs.test.mjs tests them.)
  const v = tc.createValidator({ theme: 'dark', later: {}, countryRules: { iso2Code: 'GR', postalCodeRegex: '\\d{3}' } });
  const gr = { account: { billingAddress: { country: 'GR' } } };
  assert.equal(v.validateField('account.billingAddress.postalCode', '123', gr).valid, true);
  assert.equal(v.validate(example).valid, false, "the instance's country rules");
  assert.deepEqual(codes(v.validate(customer()).errors), [
    'cspModel request.missing_configuration',
    'account.billingAddress.postalCode postal_code.format',
  ]);
  assert.equal(tc.createValidator({}).validate(example).valid, true);
  assert.equal(tc.createValidator().validate(example).valid, true);
});

test('invalid options throw a TenantcheckError with a code, as the configuration codes say', () => {
  const throws = (options, code) =>
    assert.throws(() => tc.createValidator(options), (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.code, code, e.message);
      assert.equal(typeof e.message, 'string');
      assert.equal(typeof e.params, 'object');
      return true;
    });
  throws({ partnerDomain: 'partner.example' }, 'request.missing_configuration');
  throws({ cspModel: 'reseller' }, 'request.unknown_value');
  throws({ cspModel: 'direct', partnerDomain: 'not a domain' }, 'partner_domain.invalid');
  throws({ cspModel: 'direct', domainSuffix: 'onmicrosoft' }, 'domain_suffix.invalid');
  throws({ cspModel: 'direct', markets: ['GR', 'UK'] }, 'country.unknown');
  throws({ cspModel: 'direct', resellerBillingAddress: { country: 'GR', addressLine1: 'Leof. Kifisias 1', city: 'Athens',
    postalCode: '1' } }, 'postal_code.format');
  throws({ cspModel: 'direct', countryRules: { iso2Code: 'QQ' } }, 'country_rules.unknown_country');
  throws('direct', 'request.wrong_type');
  throws(() => 1, 'request.not_json');
  // Options that cannot be read (a getter that throws) are not data.
  throws({ cspModel: 'direct', get countryRules() { throw new Error('page'); } }, 'request.not_json');
});

test('two instances never affect each other, nor the default instance', () => {
  const path = 'account.billingAddress.postalCode';
  const gr = { account: { billingAddress: { country: 'GR' } } };
  const a = tc.createValidator({ cspModel: 'direct', countryRules: { iso2Code: 'GR', postalCodeRegex: '\\d{3}' } });
  const b = tc.createValidator({ cspModel: 'tenantReseller', domainSuffix: 'partner.onmschina.cn' });
  tc.setCountryRules({ iso2Code: 'GR', postalCodeRegex: '\\d{4}' });
  try {
    assert.equal(a.validateField(path, '123', gr).valid, true);
    assert.equal(b.validateField(path, '123', gr).valid, false);
    assert.equal(b.validateField(path, '106 82', gr).valid, true);
    assert.equal(tc.validateField(path, '1234', gr).valid, true);
    assert.equal(a.validateField(path, '1234', gr).valid, false);
    assert.equal(a.validate(customer()).normalized.domainSuffix, null);
    assert.equal(b.validate(customer()).normalized.domainSuffix, 'partner.onmschina.cn');
    assert.equal(b.validate(customer()).normalized.cspModel, 'tenantReseller');
  } finally {
    tc.resetCountryRules();
  }
  assert.equal(a.validateField(path, '123', gr).valid, true, "resetCountryRules leaves the instance's rules");
  a.free();
  a.free(); // twice: nothing happens
  assert.throws(() => a.validate(customer()), TypeError, 'a freed validator is not used');
  assert.equal(b.validate(customer()).normalized.cspModel, 'tenantReseller', 'freeing one leaves the other');
});

test('the country data version is exported', () => {
  assert.match(tc.dataVersion, /phonenumbers \d+\.\d+/);
  assert.match(tc.dataVersion, /; phone data /);
});

test('init() shares one pending load; a second load never replaces a configured module', async () => {
  const pkg = join(dir, 'node_modules', 'tenantcheck');
  const bytes = readFileSync(join(pkg, 'tenantcheck_bg.wasm'));
  // The browser entry with its own glue (a copy at another path is a module of its own), not yet loaded.
  const fresh = (name) => {
    const at = join(dir, 'fresh', name);
    rmSync(at, { recursive: true, force: true });
    mkdirSync(at, { recursive: true });
    for (const f of ['index.js', 'tenantcheck.js']) copyFileSync(join(pkg, f), join(at, f));
    return import(pathToFileURL(join(at, 'index.js')));
  };
  const gr = { account: { billingAddress: { country: 'GR' } } };
  const path = 'account.billingAddress.postalCode';

  // Concurrent callers share one load.
  const one = await fresh('concurrent');
  const [p, q] = [one.default({ module_or_path: bytes }), one.default({ module_or_path: bytes })];
  assert.equal(p, q);
  assert.equal(await p, await q);
  one.setCountryRules({ iso2Code: 'GR', postalCodeRegex: '\\d{3}' });
  const held = one.createValidator({ cspModel: 'direct' });
  await one.default({ module_or_path: bytes });
  one.initSync({ module: bytes });
  assert.equal(one.validateField(path, '123', gr).valid, true, 'the rules set stay in force');
  assert.equal(held.validate(customer()).normalized.cspModel, 'direct', 'the instance still works');

  // A load pending while initSync() loads and the module is configured: it finishes without replacing it.
  const two = await fresh('pending');
  const pending = two.default({ module_or_path: bytes });
  two.initSync({ module: bytes });
  two.setCountryRules({ iso2Code: 'GR', postalCodeRegex: '\\d{3}' });
  const v = two.createValidator({ cspModel: 'direct', countryRules: { iso2Code: 'GR', postalCodeRegex: '\\d{2}' } });
  await pending;
  assert.equal(two.validateField(path, '123', gr).valid, true, 'the rules set stay in force');
  assert.equal(v.validateField(path, '12', gr).valid, true, 'the instance still works');

  // A failed load may be tried again.
  const three = await fresh('failed');
  await assert.rejects(three.default({ module_or_path: new Uint8Array([0, 1, 2]) }));
  await three.default({ module_or_path: bytes });
  assert.equal(three.validate(example).valid, true);
});

test("page code that calls back in during an instance's call gets the default instance", () => {
  const v = tc.createValidator({ cspModel: 'direct', partnerDomain: 'partner.example' });
  const seen = [];
  const test = RegExp.prototype.test;
  RegExp.prototype.test = function (text) {
    RegExp.prototype.test = test;
    seen.push(tc.validate(customer()).errors.map((e) => e.code));
    return test.call(this, text);
  };
  let r;
  try {
    r = v.validate(customer());
  } finally {
    RegExp.prototype.test = test;
  }
  assert.deepEqual(seen, [['request.missing_configuration']], 'the call from the page used the default');
  assert.equal(r.normalized.cspModel, 'direct');
  assert.deepEqual(codes(tc.validate(customer()).errors), ['cspModel request.missing_configuration']);
  assert.throws(() => new tc.Validator({}, undefined), TypeError);
});

test("createValidator's refusal of options of another kind says what the module says of a record's field", () => {
  // index.js refuses non-object options itself (the module has no such arm: docs/npm-package.md, "Size"), with the
  // English of `request.wrong_type`; the module's own message for the same kinds is the reference.
  for (const [options, field] of [['x', { account: 'x' }], [[], { account: [] }], [7, { account: 7 }]]) {
    let thrown;
    try {
      tc.createValidator(options);
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof tc.TenantcheckError, `${JSON.stringify(options)} throws`);
    const own = tc.validate(field).errors.find((e) => e.code === 'request.wrong_type' && e.field === 'account');
    assert.deepEqual([thrown.code, thrown.params, thrown.message], [own.code, own.params, own.message]);
  }
});
