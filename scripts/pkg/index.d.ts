// The types are wasm-bindgen's and tsify's, generated from core/src/wasm/mirror.rs (`IssueCode`, `Issue`, `FieldPath`
// from the codes' and the schema's declarations, core/src/wasm/types.rs); this file re-exports them and declares what
// index.js adds.
import type { IssueCode, IssueParamsByCode } from './tenantcheck.js';

export * from './tenantcheck.js';
export { default } from './tenantcheck.js';
import type { CountryOption, ValidatorOptions } from './tenantcheck.js';
import { validate, validateField } from './tenantcheck.js';

/**
 * A validator holding one partner's configuration and country rules (request.md; rules.md section 4), made by
 * `createValidator`. Records it validates need customer data only; a configuration field a record carries is ignored
 * with a warning (`request.configuration_ignored`). Instances never affect each other, nor the free functions.
 */
export declare class Validator {
  private constructor();
  /** Validates one record with this validator's configuration and country rules, as `validate` does. */
  validate: typeof validate;
  /** Validates one field as the user types, with this validator's configuration, as `validateField` does. */
  validateField: typeof validateField;
  /** Frees the validator's memory now (else it is freed when the instance is garbage-collected). */
  free(): void;
}

/**
 * Makes a validator that holds a partner's configuration and country rules: `cspModel`, `partnerDomain`, `markets`,
 * `domainSuffix`, `resellerBillingAddress` as a record carries them, and `countryRules` as `setCountryRules` takes them.
 * Other options are ignored. Without any configuration option, records carry their own. Throws a `TenantcheckError`
 * with the code of the first invalid option.
 */
export declare function createValidator(options?: ValidatorOptions | null): Validator;

/**
 * Every country (250, sorted by code) for a picker, under the rules in force (run-time rules included), named in
 * `locale` (a BCP 47 tag) by the JavaScript engine's `Intl.DisplayNames`; English without one, or where the engine
 * does not know the tag. Never throws.
 */
export declare function countries(locale?: string | null): CountryOption[];

/** The embedded country data's version: its sources and their versions. */
export declare const dataVersion: string;

/** The codes a `TenantcheckError` can have: an issue's code (`country_rules.*` from `setCountryRules`), a call
 * before `init()`, or what the module never means to throw (`tenantcheck.internal`). */
export type ErrorCode = IssueCode | 'tenantcheck.not_initialized' | 'tenantcheck.internal';

/** The params of an error with code `C`. */
export type ErrorParams<C extends ErrorCode> = C extends IssueCode
  ? IssueParamsByCode[C]
  : C extends 'tenantcheck.not_initialized'
    ? { function: string }
    : { detail: string };

/** Every error the package throws: a stable `code` and the `params` its English `message` was made from. */
export declare class TenantcheckError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(code: C, message: string, params?: ErrorParams<C>, options?: { cause?: unknown });
  readonly name: 'TenantcheckError';
  readonly code: C;
  readonly params: ErrorParams<C>;
}

/** What a call threw, as a `TenantcheckError` (for code that calls the module's functions another way). */
export declare function asTenantcheckError(e: unknown): TenantcheckError;
