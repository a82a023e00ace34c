// The generated TypeScript declarations: a small consumer compiles under `tsc --strict`, and the public types never
// say `any`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
    'main.ts': `import init, { validate, validateField, setCountryRules, resetCountryRules, countries, createValidator, dataVersion,
  TenantcheckError } from 'tenantcheck';
import type { ValidationResult, FieldResult, Issue, IssueCode, FieldPath, CountryOption, RecordInput } from 'tenantcheck';

await init();
const record: RecordInput = { cspModel: 'direct', account: { email: null, billingAddress: { country: 'GR' } } };
const r: ValidationResult = validate(record);
const first: Issue | undefined = r.errors[0];
const code: IssueCode | undefined = first?.code;
const known: IssueCode = 'postal_code.format';
// @ts-expect-error: not a code of the package
const unknown: IssueCode = 'postal_code.nope';
const path: FieldPath = 'account.billingAddress.postalCode';
// @ts-expect-error: not a field of the record
const typo: FieldPath = 'account.billingAdress.postalCode';
const example: number | string | string[] | undefined = first?.params['example'];
const city: string | null | undefined = r.normalized?.account?.billingAddress?.city;
const form: 'prefix' | 'alias' | null = r.domainForm;
const f: FieldResult = validateField(path, '106 82', record);
const covered: string[] = f.covered;
const value: string | boolean | null = f.value;
const mine = createValidator({ countryRules: { iso2Code: 'GR', postalCodeRegex: '\\d{5}' } });
const own: ValidationResult = mine.validate(record);
const version: string = dataVersion();
const n: number = setCountryRules({ iso2Code: 'GR', postalCodeRegex: '\\\\d{5}' });
resetCountryRules();
const list: CountryOption[] = countries();
const states: string[] = list[0].states;
try { setCountryRules('[]'); } catch (e) { if (e instanceof TenantcheckError) console.log(e.code, e.params); }
// @ts-expect-error: validity is a boolean
const wrong: string = r.valid;
console.log(code, known, unknown, typo, example, city, form, f.valid, covered, value, own, version, n, states, wrong);
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
