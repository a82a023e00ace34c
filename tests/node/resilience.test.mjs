// Fail loudly, never trap (issue 10): what a page's own code throws from inside a call (a patched builtin, a throwing
// getter, a Proxy) is caught at the boundary and becomes an error in the result, never an exception through the
// module's frames (before: "memory access out of bounds" after 100,000 thrown calls); and the RegExps of replaced
// country rules are freed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pkg } from './consumer.mjs';

const tc = await import(join(pkg, 'node.js'));
const valid = JSON.parse(readFileSync(join(pkg, '..', 'core', 'tests', 'fixtures', 'request-example.json'), 'utf8'));

/** Runs `f` with `target[key]` replaced by `value`, then restores it. */
function patched(target, key, value, f) {
  const saved = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  try {
    return f();
  } finally {
    Object.defineProperty(target, key, saved);
  }
}

const failedOn = (r) => r.errors.find((e) => e.code === 'request.host_failed');

test('the example record is valid', () => {
  assert.equal(tc.validate(valid).valid, true, JSON.stringify(tc.validate(valid).errors));
});

test('100,000 calls with RegExp.prototype.test throwing: each an error result, then a valid record validates', () => {
  // A string, not an Error: an Error's stack trace would make the page's own throws most of the test's time.
  const thrower = function () {
    throw 'patched by the page';
  };
  const field = 'account.billingAddress.postalCode';
  patched(RegExp.prototype, 'test', thrower, () => {
    for (let i = 0; i < 100_000; i++) {
      const r = i % 2 ? tc.validate(valid) : tc.validateField(field, '151 24', valid);
      if (i % 10_000 === 0 || i === 99_999) {
        assert.equal(r.valid, false, `call ${i}`);
        const failure = failedOn(r);
        assert.ok(failure, `call ${i}: ${JSON.stringify(r.errors)}`);
        assert.equal(failure.params.service, 'RegExp');
        assert.equal(failure.field, '');
      }
    }
  });
  const r = tc.validate(valid);
  assert.equal(r.valid, true, JSON.stringify(r.errors));
  assert.equal(tc.validateField(field, '151 24', valid).valid, true);
});

test('a throwing String.prototype.normalize is an error result, never a throw', () => {
  // Only text beyond ASCII is normalized by the engine.
  const accented = { ...valid, account: { ...valid.account, companyName: 'Ζαχαροπλαστείο Café' } };
  assert.equal(tc.validate(accented).valid, true);
  const r = patched(
    String.prototype,
    'normalize',
    () => {
      throw new TypeError('no');
    },
    () => tc.validate(accented),
  );
  assert.equal(failedOn(r)?.params.service, 'normalize');
  assert.equal(tc.validate(accented).valid, true);
});

test('a throwing getter, a Proxy and a revoked Proxy in a record are error results', () => {
  const getter = structuredClone(valid);
  Object.defineProperty(getter.account, 'companyName', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
  const proxy = structuredClone(valid);
  proxy.account = new Proxy(proxy.account, {
    ownKeys() {
      throw new Error('trap');
    },
  });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const record of [getter, proxy, { ...valid, account: revoked }]) {
    for (let i = 0; i < 1000; i++) {
      const r = tc.validate(record);
      assert.equal(r.valid, false);
      assert.match(r.errors[0].code, /^request\./);
    }
  }
  assert.equal(tc.validate(valid).valid, true);
});

test('every throw is a TenantcheckError with a code', () => {
  assert.throws(
    () => tc.setCountryRules('[{"iso2Code":"QQ"}]'),
    (e) => e instanceof tc.TenantcheckError && e instanceof Error && e.code === 'country_rules.unknown_country',
  );
  assert.throws(
    () => tc.setCountryRules({ iso2Code: 'GR', postalCodeRegex: '(' }),
    (e) => e instanceof tc.TenantcheckError && e.code === 'country_rules.bad_postal_code_regex' && typeof e.params.detail === 'string',
  );
  const e = tc.asTenantcheckError(new WebAssembly.RuntimeError('unreachable'));
  assert.equal(e.code, 'tenantcheck.internal');
  assert.ok(e.cause instanceof WebAssembly.RuntimeError);
});

test('the RegExps of replaced country rules are freed', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const Real = RegExp;
  let live = 0;
  const registry = new FinalizationRegistry(() => live--);
  // Counts the patterns the module compiles: the glue calls `new RegExp(...)` on the global at each compile.
  globalThis.RegExp = class Counted extends Real {
    constructor(...args) {
      super(...args);
      live++;
      registry.register(this, null);
    }
  };
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  try {
    const rules = (n) => ({ iso2Code: 'GR', postalCodeRegex: `\\d{${3 + (n % 3)}}`, phoneNumberRegex: '\\+30\\d{10}' });
    tc.setCountryRules(rules(0));
    await settle();
    const before = live;
    for (let i = 1; i <= 300; i++) tc.setCountryRules(rules(i));
    await settle();
    // Each replacement compiled two patterns; those of the 300 replaced sets are gone (the last set's two live on).
    assert.ok(live <= before + 2, `${live} RegExps live after 300 replacements (${before} after the first)`);
    tc.resetCountryRules();
    await settle();
    assert.ok(live <= before - 2, `${live} live after the reset (${before} before)`);
  } finally {
    globalThis.RegExp = Real;
    tc.resetCountryRules();
  }
  assert.equal(tc.validate(valid).valid, true);
});
