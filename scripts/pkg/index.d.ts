// The types of the package `tenantcheck` (request.md). scripts/make-pkg.mjs writes `IssueCode` from the code table
// of docs/codes.md, which core/tests/codes.rs proves equal to the codes the core emits.

/** Every code an issue can carry: `<rule>.<reason>`, stable API (docs/codes.md). */
export type IssueCode = /*ISSUE_CODES*/ never;

/** The dotted path of every field of a record (request.md). */
export type FieldPath =
  | 'cspModel' | 'partnerDomain' | 'markets' | 'domainSuffix'
  | 'syncOptions.username' | 'syncOptions.domainPrefix' | 'syncOptions.resellerMpnId'
  | 'account.companyName' | 'account.contact.firstName' | 'account.contact.lastName' | 'account.email'
  | 'account.phone' | 'account.registrationNumber' | 'account.isSubCustomerOfReseller'
  | `${'account.billingAddress' | 'resellerBillingAddress'}.${keyof Address}`;

/** Named values of an issue, for translating its message. */
export type IssueParams = { [name: string]: number | string | string[] };

/** One error or warning. `field` is a `FieldPath`, `""` for the record itself, or the path of an unknown field. */
export interface Issue {
  field: FieldPath | (string & {});
  code: IssueCode;
  message: string;
  params: IssueParams;
}

export type CspModel = 'direct' | 'indirectProvider' | 'indirectCountryTenant' | 'tenantReseller';

export interface Address {
  country: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
}

/** The normalized record (request.md): every field present, `null` for no value. */
export interface TenantRecord {
  cspModel: CspModel | null;
  syncOptions: { username: string | null; domainPrefix: string | null; resellerMpnId: string | null } | null;
  account: {
    companyName: string | null;
    contact: { firstName: string | null; lastName: string | null } | null;
    email: string | null;
    phone: string | null;
    registrationNumber: string | null;
    isSubCustomerOfReseller: boolean | null;
    billingAddress: Address | null;
  } | null;
  resellerBillingAddress: Address | null;
  partnerDomain: string | null;
  markets: (string | null)[] | null;
  domainSuffix: string | null;
}

/** What a host sends where the result has `T`: every field may be absent or `null`. */
export type Input<T> = T extends string | boolean | number
  ? T | null
  : T extends (infer U)[]
    ? Input<U>[] | null
    : T extends object
      ? { [K in keyof T]?: Input<T[K]> } | null
      : T;
/** A record as the host sends it: the shape of `ValidationResult.normalized`, every field optional. */
export type RecordInput = { [K in keyof TenantRecord]?: Input<TenantRecord[K]> };

/** The result of `validate` (request.md, "Result"). */
export interface ValidationResult {
  /** True exactly when `errors` is empty. */
  valid: boolean;
  domainForm: 'prefix' | 'alias' | null;
  linksExistingTenant: boolean;
  errors: Issue[];
  /** Warnings never block. */
  warnings: Issue[];
  /** The record with every normalized value; `null` when the input was not a record. */
  normalized: TenantRecord | null;
}

/** The result of `validateField` (request.md, "Field result"). */
export interface FieldResult {
  field: FieldPath | (string & {});
  /** The field's normalized value (as given when invalid). */
  value: string | boolean | null;
  valid: boolean;
  /** Every path whose issues this result states in full: clear the stale messages of these paths, no others. */
  covered: string[];
  errors: Issue[];
  warnings: Issue[];
}

/** One country of `countries()`. */
export interface CountryOption {
  code: string;
  name: string;
  hasPostalCodes: boolean;
  isPostalCodeRequired: boolean;
  postalCodeExample: string | null;
  postalCodeExamples: string[];
  hasStates: boolean;
  isStateRequired: boolean;
  states: string[];
  isCspMarket: boolean;
}

/** Run-time rules of one country in Partner Center's shape (`GET /v1/countryvalidationrules/{cc}`). */
export interface CountryRulesInput {
  iso2Code: string;
  isStateRequired?: boolean | null;
  states?: string[] | { value: string[] } | null;
  isPostalCodeRequired?: boolean | null;
  postalCodeRegex?: string | null;
  isCityRequired?: boolean | null;
  phoneNumberRegex?: string | null;
  countryCallingCodes?: string[] | { value: string[] } | null;
}
export type CountryRules = CountryRulesInput | CountryRulesInput[] | string;

/** The partner's configuration a validator holds (request.md); open for more options (`locale`, `catalog`). */
export interface ValidatorOptions {
  cspModel?: CspModel;
  partnerDomain?: string | null;
  markets?: string[] | null;
  domainSuffix?: string | null;
  resellerBillingAddress?: Input<Address>;
  countryRules?: CountryRules;
}

export interface Validator {
  validate(record: RecordInput | null | undefined): ValidationResult;
  validateField(path: FieldPath, value: string | boolean | null, record?: RecordInput | null): FieldResult;
  setCountryRules(rules: CountryRules): number;
  resetCountryRules(): void;
  countries(): CountryOption[];
}

/** What the package throws (`setCountryRules`, `createValidator`, before `init()`). */
export class TenantcheckError extends Error {
  constructor(issue: { code: string; message: string; params?: IssueParams });
  code: IssueCode | 'tenantcheck.not_initialized' | 'tenantcheck.loading' | 'tenantcheck.unknown_option';
  params: IssueParams;
}

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export default function init(moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<unknown>;
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
export function createValidator(options?: ValidatorOptions): Validator;
export function validate(record: RecordInput | null | undefined): ValidationResult;
export function validateField(path: FieldPath, value: string | boolean | null, record?: RecordInput | null): FieldResult;
export function setCountryRules(rules: CountryRules): number;
export function resetCountryRules(): void;
export function countries(): CountryOption[];
/** The version of the embedded country data. */
export function dataVersion(): string;
