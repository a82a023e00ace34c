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
    'main.ts': `import init, { validate, validateField, setCountryRules, resetCountryRules, countries } from 'tenantcheck';
import type { ValidationResult, Issue, CountryOption, CountryState, RecordInput, TenantcheckError } from 'tenantcheck';

await init();
const record: RecordInput = { cspModel: 'direct', account: { email: null, billingAddress: { country: 'GR' } } };
const r: ValidationResult = validate(record);
const first: Issue | undefined = r.errors[0];
const code: string | undefined = first?.code;
const example: number | string | string[] | undefined = first?.params['example'];
const city: string | null | undefined = r.normalized?.account?.billingAddress?.city;
const form: 'prefix' | 'alias' | null = r.domainForm;
const f: ValidationResult = validateField('account.billingAddress.postalCode', '106 82', record);
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
try { setCountryRules('[]'); } catch (e) { const t = e as TenantcheckError; console.log(t.code, t.params); }
// @ts-expect-error: validity is a boolean
const wrong: string = r.valid;
console.log(code, example, city, form, f.valid, n, states, wrong);
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
