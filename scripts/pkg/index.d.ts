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
 * A message catalog (docs/messages.md): an issue code's template (a string; an array of the English length and order
 * for a code with several wordings) and the filters' words (`term.*`). The package's languages are modules of their
 * own, so that a bundle holds only the one it imports: `import de from 'tenantcheck/catalogs/de'` (also `el`, `fr`,
 * `es`). What a catalog lacks is English.
 */
export type Catalog = { readonly [key: string]: string | readonly string[] };

/** The options of `createValidator`: the partner's configuration and country rules, and the messages' language. */
export type CreateValidatorOptions = ValidatorOptions & {
  /** The messages' language, a BCP 47 tag (`de`, `de-AT`): its plural rules and country names (`Intl`). Required
   * with a `catalog`. */
  locale?: string | null;
  /** The messages in that language (`import de from 'tenantcheck/catalogs/de'`); without one, messages are English. */
  catalog?: Catalog | null;
};

/**
 * Makes a validator that holds a partner's configuration and country rules: `cspModel`, `partnerDomain`, `markets`,
 * `domainSuffix`, `resellerBillingAddress` as a record carries them, and `countryRules` as `setCountryRules` takes them.
 * Other options are ignored. Without any configuration option, records carry their own. With `locale` and `catalog`,
 * every message of the instance (and of what this call throws) is in the catalog's language. Throws a
 * `TenantcheckError` with the code of the first invalid option (`tenantcheck.bad_locale` for a `locale` that is not a
 * BCP 47 tag).
 */
export declare function createValidator(options?: CreateValidatorOptions | null): Validator;

/**
 * Every country (250, sorted by code) for a picker, under the rules in force (run-time rules included), named in
 * `locale` (a BCP 47 tag) by the JavaScript engine's `Intl.DisplayNames`; English without one, or where the engine
 * does not know the tag. With a `catalog` of that language (`tenantcheck/catalogs/de`), the postcode's and the state's
 * labels are its words (`ZIP-Code`, `Bundesstaat`); English without one. Never throws.
 */
export declare function countries(locale?: string | null, catalog?: Catalog | null): CountryOption[];

/** The embedded country data's version: its sources and their versions. */
export declare const dataVersion: string;

/** The codes a `TenantcheckError` can have: an issue's code (`country_rules.*` from `setCountryRules`), a call
 * before `init()`, a `locale` of `createValidator` that is not a BCP 47 tag, or what the module never means to throw
 * (`tenantcheck.internal`). */
export type ErrorCode = IssueCode | 'tenantcheck.not_initialized' | 'tenantcheck.bad_locale' | 'tenantcheck.internal';

/** The params of an error with code `C`. */
export type ErrorParams<C extends ErrorCode> = C extends IssueCode
  ? IssueParamsByCode[C]
  : C extends 'tenantcheck.not_initialized'
    ? { function: string }
    : C extends 'tenantcheck.bad_locale'
      ? { locale: string }
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
