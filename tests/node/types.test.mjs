// The generated TypeScript declarations: a small consumer compiles under `tsc --strict`, and the public types never
// say `any`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consumer, pkg, tools } from './consumer.mjs';

test('the declarations have no `any`', () => {
  for (const f of ['tenantcheck.d.ts', 'index.d.ts']) {
    const text = readFileSync(join(pkg, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotMatch(text, /\bany\b/, `${f} says any`);
  }
});

test('a consumer compiles under tsc --strict', () => {
  const dir = consumer('types', {
    'main.ts': `import init, { validate, validateField, setCountryRules, resetCountryRules, countries, createValidator,
  dataVersion, Validator, TenantcheckError } from 'tenantcheck';
import type { ValidationResult, FieldResult, Issue, IssueCode, IssueParamsByCode, FieldPath, CountryOption, CountryState, RecordInput,
  ErrorCode, ValidatorOptions, Catalog, CreateValidatorOptions } from 'tenantcheck';
import de from 'tenantcheck/catalogs/de';
import el from 'tenantcheck/catalogs/el.js';

await init();
const record: RecordInput = { id: 'C-1', cspModel: 'direct', account: { email: null, billingAddress: { country: 'GR' } } };
const r: ValidationResult = validate(record);
const first: Issue | undefined = r.errors[0];
const code: IssueCode | undefined = first?.code;
// Params are typed by code: narrowing the code types them.
if (first?.code === 'postal_code.format') {
  const country: string = first.params.country;
  const example: string | undefined = first.params.example;
  const digits: number | undefined = first.params.digits;
  console.log(country, example, digits);
  // @ts-expect-error: a postal_code.format issue has no param max
  console.log(first.params.max);
}
if (first?.code === 'phone.too_many_digits') {
  const cc: string = first.params.callingCode;
  console.log(cc);
}
// @ts-expect-error: params are typed by code, not a loose map
const loose: string = first?.params['example'];
// @ts-expect-error: not a code
const notACode: IssueCode = 'postal_code.nope';
const empty: IssueParamsByCode['request.missing_configuration'] = {};
const path: FieldPath = 'account.billingAddress.postalCode';
// @ts-expect-error: not a field of the record
const notAPath: FieldPath = 'account.billingAddress.zip';
const city: string | null | undefined = r.normalized?.account?.billingAddress?.city;
const form: 'prefix' | 'alias' | null = r.domainForm;
const f: FieldResult = validateField(path, '106 82', record);
const covered: string[] = f.covered;
const value: string | boolean | null = validateField('account.isSubCustomerOfReseller', true, record).value;
// @ts-expect-error: a field result holds no record
console.log(f.normalized);
const id: string | number | undefined = r.id;
const numbered: RecordInput = { id: 7 };
const n: number = setCountryRules({ iso2Code: 'GR', postalCodeRegex: '\\\\d{5}' });
resetCountryRules();
const list: CountryOption[] = countries();
const greek: CountryOption[] = countries('el');
const states: string[] = list[0].states.map((s: CountryState) => s.code + ' ' + s.name);
const label: string | undefined = greek[0].postalCode?.label;
const placeholder: string | null | undefined = greek[0].postalCode?.example;
const term: string | null = greek[0].registrationNumber.term;
const required: boolean = greek[0].state.required && greek[0].phone.required;
const codes: string[] = greek[0].callingCodes;
// @ts-expect-error: a country without postcodes has none
const noPostcode: string = list[0].postalCode.label;
console.log(label, placeholder, term, required, codes, noPostcode);
try {
  setCountryRules('[]');
} catch (e) {
  if (e instanceof TenantcheckError) {
    const c: ErrorCode = e.code;
    console.log(c, e.message, e.params);
    if (e.code === 'country_rules.malformed') console.log(e.params);
  }
}
const made = new TenantcheckError('tenantcheck.not_initialized', 'x', { function: 'validate' });
const fn: string = made.params.function;
// @ts-expect-error: validity is a boolean
const wrong: string = r.valid;
console.log(code, loose, notACode, empty, notAPath, city, form, id, numbered, f.valid, covered, value, n, states, fn, wrong);
const options: ValidatorOptions = { cspModel: 'indirectProvider', partnerDomain: 'partner.example', markets: ['GR'],
  domainSuffix: null, resellerBillingAddress: { country: 'CA', city: 'Toronto' },
  countryRules: [{ iso2Code: 'GR', postalCodeRegex: '\\\\d{5}' }] };
const partner: Validator = createValidator(options);
const pr: ValidationResult = partner.validate({ account: { companyName: 'Contoso' } });
const pf: FieldResult = partner.validateField('account.email', 'it@contoso.com', null);
// @ts-expect-error: not a CSP model
createValidator({ cspModel: 'reseller' });
// The messages' language: a catalog module, or a catalog of one's own.
const german: Validator = createValidator({ locale: 'de', catalog: de, cspModel: 'direct' });
const greekOptions: CreateValidatorOptions = { ...options, locale: 'el-GR', catalog: el };
const own: Catalog = { 'postal_code.format': ['{country|name}: {digits} {digits|one:Ziffer|other:Ziffern}'], 'term.or': 'oder' };
createValidator({ locale: 'de-AT', catalog: own }).validate({}).errors.map((i: Issue) => i.message);
// @ts-expect-error: a catalog's values are templates
createValidator({ locale: 'de', catalog: { 'postal_code.format': 5 } });
// @ts-expect-error: a locale is a BCP 47 tag, a string
createValidator({ locale: 49, catalog: de });
try {
  createValidator(greekOptions);
} catch (e) {
  if (e instanceof TenantcheckError && e.code === 'tenantcheck.bad_locale') console.log(e.params.locale);
}
const picker: CountryOption[] = countries('de', de);
console.log(picker[0].state.label);
german.free();
const version: string = dataVersion;
partner.free();
console.log(pr.valid, pf.valid, version);
`,
    'tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext',
        noImplicitAny: true, skipLibCheck: false },
      files: ['main.ts'],
    }),
  });
  try {
    execFileSync(join(tools, '.bin', 'tsc'), ['-p', dir], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc --strict failed:\n${e.stdout}${e.stderr}`);
  }
});

// The declarations agree with the Rust: `IssueCode` lists exactly the codes of docs/codes.md (which core/tests/codes.rs
// holds to the rule modules' lists), and every param an issue of the real-world corpus carries is declared for its
// code with its JS type (core/tests/real_world.rs checks the same natively, against the Rust declaration).
test('IssueCode is the code list, and the params the corpus emits are typed', async () => {
  const dts = readFileSync(join(pkg, 'tenantcheck.d.ts'), 'utf8');
  const union = dts.split('export type IssueCode =')[1].split(';')[0];
  const declared = [...union.matchAll(/"([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]);
  const docs = readFileSync(join(pkg, '..', 'docs', 'codes.md'), 'utf8');
  const documented = [...docs.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual([...declared].sort(), [...documented].sort());
  assert.equal(new Set(declared).size, declared.length, 'each code once');

  const body = dts.split('export interface IssueParamsByCode {')[1].split('\n}')[0];
  const params = new Map();
  for (const m of body.matchAll(/"([a-z_.]+)": (Record<string, never>|\{([^}]*)\});/g)) {
    const members = new Map();
    for (const p of (m[3] ?? '').split(';').map((s) => s.trim()).filter(Boolean)) {
      const [, name, optional, type] = p.match(/^(\w+)(\?)?: (.+)$/);
      members.set(name, { optional: optional === '?', type });
    }
    params.set(m[1], members);
  }
  assert.deepEqual([...params.keys()].sort(), [...declared].sort(), 'params declared for every code');

  const { validate } = await import(join(pkg, 'node.js'));
  const typeOf = (v) => (Array.isArray(v) ? 'string[]' : typeof v);
  const dir = join(pkg, '..', 'tests', 'fixtures', 'real-world');
  const bases = JSON.parse(readFileSync(join(dir, 'bases.json'), 'utf8'));
  let checked = 0;
  const check = (issue) => {
    const members = params.get(issue.code);
    assert.ok(members, `${issue.code} is not declared`);
    for (const [name, value] of Object.entries(issue.params)) {
      assert.equal(members.get(name)?.type, typeOf(value), `${issue.code}: param ${name}`);
      checked++;
    }
    for (const [name, m] of members) if (!m.optional) assert.ok(name in issue.params, `${issue.code}: ${name} missing`);
  };
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim())) {
      const c = JSON.parse(line);
      // As core/tests/real_world.rs builds it: the base account of the case's country, then `with`, then the field.
      const b = bases.countries[c.country ?? 'US'];
      const record = structuredClone(bases.record);
      Object.assign(record.account, structuredClone({ phone: b.phone, registrationNumber: b.registrationNumber }));
      record.account.billingAddress = structuredClone(b.billingAddress);
      const set = (path, value) => {
        const keys = path.split('.');
        let o = record;
        for (const k of keys.slice(0, -1)) o = o[k] ??= {};
        o[keys.at(-1)] = value;
      };
      for (const [p, v] of Object.entries(c.with ?? {})) set(p, v);
      set(c.field, c.input);
      const r = validate(record);
      [...r.errors, ...r.warnings].forEach(check);
    }
  }
  assert.ok(checked > 500, `only ${checked} params checked`);
});
