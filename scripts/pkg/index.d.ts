// The types are wasm-bindgen's and tsify's, generated from core/src/wasm.rs (`IssueCode`, `Issue`, `FieldPath` from
// the codes' and the schema's declarations); this file re-exports them and declares what index.js adds.
import type { IssueCode, IssueParamsByCode } from './tenantcheck.js';

export * from './tenantcheck.js';
export { default } from './tenantcheck.js';

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
