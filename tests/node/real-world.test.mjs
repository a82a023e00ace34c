// The real-world corpus (tests/fixtures/real-world/README.md) through the npm package, as a consumer imports it:
// every case gives its verdict, codes on its field and canonical value, and every result equals the native one that
// core/tests/real_world.rs wrote to target/tmp/real-world-native.jsonl (make test runs that cargo test first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consumer, root } from './consumer.mjs';

const dir = consumer('real-world', { 'node.mjs': "export * from 'tenantcheck';\n" });
const tc = await import(pathToFileURL(join(dir, 'node.mjs')));

const corpus = join(root, 'tests', 'fixtures', 'real-world');
const bases = JSON.parse(readFileSync(join(corpus, 'bases.json'), 'utf8'));
// As in core/tests/real_world.rs.
const CLASSES = ['postcodes', 'phones', 'emails', 'domains', 'states', 'free-text', 'sub-customer', 'sync-options',
  'account'];
const MIN_CASES = 400;
const DEFAULT_COUNTRY = 'US';
const KEYS = new Set(['id', 'source', 'country', 'field', 'input', 'with', 'verdict', 'canonical', 'codes']);

const nonEmpty = (v) => typeof v === 'string' && v.trim() !== '';

/** A case line checked for shape: the case, or a string saying what is wrong. */
function parseCase(line) {
  let c;
  try {
    c = JSON.parse(line);
  } catch (e) {
    return `not JSON: ${e.message}`;
  }
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return 'not a JSON object';
  const unknown = Object.keys(c).find((k) => !KEYS.has(k));
  if (unknown) return `unknown key \`${unknown}\``;
  for (const k of ['id', 'source', 'field', 'verdict'])
    if (!nonEmpty(c[k])) return `\`${k}\` must be a non-empty string`;
  if (!['valid', 'warning', 'invalid'].includes(c.verdict))
    return `verdict ${JSON.stringify(c.verdict)} is not valid, warning or invalid`;
  const codes = c.codes ?? [];
  if (!Array.isArray(codes) || codes.some((x) => typeof x !== 'string')) return '`codes` must be a list of strings';
  if ((c.verdict === 'valid') !== (codes.length === 0))
    return 'a `valid` case lists no codes; `warning` and `invalid` cases list theirs';
  if (c.verdict !== 'invalid' && !('canonical' in c)) return 'a `valid` or `warning` case needs `canonical`';
  if (c.country != null && typeof c.country !== 'string') return '`country` must be a string or null';
  if (c.with != null && (typeof c.with !== 'object' || Array.isArray(c.with))) return '`with` must be an object';
  if (!('input' in c)) return '`input` is missing';
  return { ...c, codes: [...new Set(codes)].sort(), country: c.country ?? DEFAULT_COUNTRY, with: c.with ?? {} };
}

/** Every case of every *.jsonl file, in file name and line order; malformed lines become failures. */
function load() {
  const cases = [], bad = [], perFile = {};
  for (const name of readdirSync(corpus).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(corpus, name), 'utf8').split('\n');
    perFile[name.slice(0, -'.jsonl'.length)] = 0;
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      perFile[name.slice(0, -'.jsonl'.length)]++;
      const at = `${name}:${i + 1}`;
      const c = parseCase(line);
      if (typeof c === 'string') bad.push(`${at}: ${c}`);
      else cases.push({ ...c, at });
    });
  }
  return { cases, bad, perFile };
}

/** The valid base account of a country (bases.json). */
function base(country) {
  const b = bases.countries[country];
  if (!b) throw new Error(`no base account for country ${JSON.stringify(country)}`);
  const record = structuredClone(bases.record);
  Object.assign(record.account, {
    phone: b.phone,
    registrationNumber: b.registrationNumber,
    billingAddress: structuredClone(b.billingAddress),
  });
  return record;
}

/** Sets a dotted path in a record, making objects on the way. */
function set(record, path, value) {
  const keys = path.split('.');
  let at = record;
  for (const k of keys.slice(0, -1)) {
    if (at[k] == null) at[k] = {};
    if (typeof at[k] !== 'object' || Array.isArray(at[k])) throw new Error(`${path}: ${k} is not an object`);
    at = at[k];
  }
  at[keys.at(-1)] = value;
}

const get = (v, path) => path.split('.').reduce((v, k) => (v == null ? undefined : v[k]), v) ?? null;

function recordOf(c) {
  const record = base(c.country);
  for (const [path, value] of Object.entries(c.with)) set(record, path, value);
  set(record, c.field, c.input);
  return record;
}

/** Why a result does not give the case's verdict, codes and canonical value; null when it does. */
function judge(c, r) {
  const on = (list) => list.filter((i) => i.field === c.field).map((i) => i.code);
  const [errors, warnings] = [on(r.errors), on(r.warnings)];
  const codes = [...new Set([...errors, ...warnings])].sort();
  const verdict = errors.length ? 'invalid' : warnings.length ? 'warning' : 'valid';
  const value = get(r.normalized, c.field);
  const canonicalOk = c.verdict === 'invalid' || JSON.stringify(c.canonical) === JSON.stringify(value);
  if (verdict === c.verdict && JSON.stringify(codes) === JSON.stringify(c.codes) && canonicalOk) return null;
  const show = (verdict, codes, canonical) =>
    visible(JSON.stringify(c.verdict === 'invalid' ? { verdict, codes } : { verdict, codes, canonical }));
  return `expected ${show(c.verdict, c.codes, c.canonical)}, got ${show(verdict, codes, value)}`;
}

/** JSON text with invisible and control characters escaped, so that a failure shows them (as the native runner). */
const visible = (text) =>
  text.replace(/[\p{Cc}\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2069\u3000\ufeff]/gu, (c) =>
    `\\u{${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}}`,
  );

/** A result as both sides serialize it: no null fields, no empty params (the package always gives params). */
function comparable(v) {
  if (Array.isArray(v)) return v.map(comparable);
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || (k === 'params' && Object.keys(x).length === 0)) continue;
    out[k] = comparable(x);
  }
  return out;
}

test('every base account validates clean', () => {
  const dirty = [];
  for (const country of Object.keys(bases.countries)) {
    const r = tc.validate(base(country));
    if (r.errors.length || r.warnings.length) dirty.push(`${country}: ${JSON.stringify([...r.errors, ...r.warnings])}`);
  }
  assert.ok(Object.keys(bases.countries).length >= 200);
  assert.ok(dirty.length === 0, `${dirty.length} base accounts are not clean:\n${dirty.join('\n')}`);
});

test('the corpus is complete', () => {
  const { cases, bad, perFile } = load();
  assert.deepEqual(CLASSES.filter((c) => !perFile[c]), [], 'class files missing or empty');
  assert.ok(cases.length + bad.length >= MIN_CASES, `${cases.length + bad.length} cases, at least ${MIN_CASES} wanted`);
});

test('every case gives its verdict, and the result equals the native one', () => {
  const native = join(root, 'target', 'tmp', 'real-world-native.jsonl');
  assert.ok(existsSync(native), 'run `cargo test -p tenantcheck-core --test real_world` first (make test does)');
  const nativeById = new Map(
    readFileSync(native, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((n) => [n.id, n.report]),
  );
  const { cases, bad: failures } = load();
  const seen = new Map();
  let compared = 0;
  for (const c of cases) {
    if (seen.has(c.id)) failures.push(`${c.at}: id ${JSON.stringify(c.id)} already used at ${seen.get(c.id)}`);
    seen.set(c.id, c.at);
    let r;
    try {
      r = tc.validate(recordOf(c));
    } catch (e) {
      failures.push(`${c.at} ${c.id}: ${e.message}`);
      continue;
    }
    const why = judge(c, r);
    if (why) failures.push(`${c.at} ${c.id}: ${why}`);
    if (!nativeById.has(c.id)) failures.push(`${c.at} ${c.id}: no native result (stale ${native}?)`);
    else {
      try {
        assert.deepEqual(comparable(r), comparable(nativeById.get(c.id)));
        compared++;
      } catch (e) {
        failures.push(`${c.at} ${c.id}: the package's result differs from the native one:\n${e.message}`);
      }
    }
  }
  assert.ok(failures.length === 0, `${failures.length} of ${cases.length} cases fail:\n${failures.join('\n')}`);
  assert.equal(compared, cases.length);
});
