// tenantcheck: the entry for browsers (a plain <script type="module">) and bundlers. Copied into pkg/ by
// scripts/make-pkg.mjs; the functions themselves are wasm-bindgen's glue (tenantcheck.js), generated from
// core/src/wasm.rs. This file only adds what the glue lacks: a clear error when a function is called before the
// module is loaded, and one error class for every throw (`TenantcheckError`). init() and initSync() are idempotent
// (the glue loads the module once).
import glueInit, * as glue from './tenantcheck.js';

let ready = false;

/**
 * Every error the package throws: an `Error` with a stable `code` and the `params` its English `message` was made
 * from (as an issue has). The module's own error helper (core/src/wasm.rs, `error`) makes an `Error` with `code` and
 * `params`, which `guard` below throws as this class; anything else that escapes a call (which the module never means
 * to throw) is `tenantcheck.internal`, with the original as `cause`.
 */
export class TenantcheckError extends Error {
  constructor(code, message, params = {}, options = undefined) {
    super(message, options);
    this.name = 'TenantcheckError';
    this.code = code;
    this.params = params;
  }
}

function notReady(name) {
  return new TenantcheckError(
    'tenantcheck.not_initialized',
    `tenantcheck: ${name}() was called before the WebAssembly module was loaded; await init() (or call initSync()) first.`,
    { function: name },
  );
}

/** What a call threw, as a `TenantcheckError`. */
export function asTenantcheckError(e) {
  if (e instanceof TenantcheckError) return e;
  if (e instanceof Error && typeof e.code === 'string') return new TenantcheckError(e.code, e.message, e.params ?? {});
  const message = e instanceof Error ? e.message : String(e);
  return new TenantcheckError('tenantcheck.internal', `tenantcheck: ${message}`, { detail: message }, { cause: e });
}

function guard(name, f) {
  return (...args) => {
    if (!ready) throw notReady(name);
    try {
      return f(...args);
    } catch (e) {
      throw asTenantcheckError(e);
    }
  };
}

/** Loads the module (once): by default from `tenantcheck_bg.wasm` next to this file, fetched by URL. */
export default async function init(moduleOrPath) {
  const out = await glueInit(moduleOrPath);
  ready = true;
  return out;
}

/** Loads the module synchronously from its bytes or a compiled `WebAssembly.Module` (once). */
export function initSync(module) {
  const out = glue.initSync(module);
  ready = true;
  return out;
}

export const validate = guard('validate', glue.validate);
export const validateField = guard('validateField', glue.validateField);
export const setCountryRules = guard('setCountryRules', glue.setCountryRules);
export const resetCountryRules = guard('resetCountryRules', glue.resetCountryRules);
export const countries = guard('countries', glue.countries);
