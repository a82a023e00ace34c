// tenantcheck: the entry for browsers (a plain <script type="module">) and bundlers. Copied into pkg/ by
// scripts/make-pkg.mjs; the functions themselves are wasm-bindgen's glue (tenantcheck.js), generated from
// core/src/wasm.rs. This file only adds what the glue lacks: a clear error when a function is called before the
// module is loaded. init() and initSync() are idempotent (the glue loads the module once).
import glueInit, * as glue from './tenantcheck.js';

let ready = false;

function notReady(name) {
  const e = new Error(
    `tenantcheck: ${name}() was called before the WebAssembly module was loaded; await init() (or call initSync()) first.`,
  );
  e.code = 'tenantcheck.not_initialized';
  e.params = { function: name };
  return e;
}

function guard(name, f) {
  return (...args) => {
    if (!ready) throw notReady(name);
    return f(...args);
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
