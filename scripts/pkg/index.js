// tenantcheck: the entry for browsers (a plain <script type="module">) and bundlers. Copied into pkg/ by
// scripts/make-pkg.mjs; the module's exports are wasm-bindgen's glue (tenantcheck.js), generated from core/wasm. This
// file adds what the glue lacks: one load shared by every caller of init(), a clear error before it, validator
// instances with their own configuration, the package's functions as a default instance, and `TenantcheckError`.
import glueInit, * as glue from './tenantcheck.js';

/** What the package throws: `code` is stable (`country_rules.*`, `tenantcheck.*`), `params` its named values. */
export class TenantcheckError extends Error {
  constructor({ code, message, params }) {
    super(message);
    this.name = 'TenantcheckError';
    this.code = code;
    this.params = params ?? {};
  }
}

let ready = false;
let loading = null;

function notReady(name) {
  return new TenantcheckError({
    code: 'tenantcheck.not_initialized',
    message: `tenantcheck: ${name}() was called before the WebAssembly module was loaded; await init() (or call initSync()) first.`,
    params: { function: name },
  });
}

/**
 * Loads the module once: by default from `tenantcheck_bg.wasm` next to this file, fetched by URL. Concurrent callers
 * share one load (the same promise); once loaded, later calls change nothing.
 */
export default function init(moduleOrPath) {
  if (!loading) {
    loading = glueInit(moduleOrPath).then(
      (out) => ((ready = true), out),
      (e) => {
        loading = null;
        throw e;
      },
    );
  }
  return loading;
}

/** Loads the module synchronously from its bytes or a compiled `WebAssembly.Module` (once). */
export function initSync(module) {
  if (ready) return undefined;
  if (loading) throw new TenantcheckError({ code: 'tenantcheck.loading', message: 'tenantcheck: init() is loading the module already; await it.', params: {} });
  const out = glue.initSync(module);
  ready = true;
  loading = Promise.resolve(out);
  return out;
}

/** The module's own errors (`{ code, message, params }`) as `TenantcheckError`s. */
function rethrow(e) {
  throw e && typeof e === 'object' && typeof e.code === 'string' && !(e instanceof Error) ? new TenantcheckError(e) : e;
}

/** A validator with its own configuration and country rules; two never affect each other. */
class Validator {
  #raw;
  constructor(options) {
    this.#raw = new glue.Validator();
    const { countryRules, ...rest } = options ?? {};
    const configuration = {};
    for (const key of Object.keys(rest)) {
      if (CONFIGURATION.includes(key)) configuration[key] = rest[key];
      else if (!LATER.includes(key))
        throw new TenantcheckError({ code: 'tenantcheck.unknown_option', message: `tenantcheck: "${key}" is not an option of createValidator().`, params: { name: key } });
    }
    try {
      if (Object.keys(configuration).length) this.#raw.configure(configuration);
    } catch (e) {
      rethrow(e);
    }
    if (countryRules != null) this.setCountryRules(countryRules);
  }
  validate(record) {
    return this.#raw.validate(record);
  }
  validateField(path, value, record) {
    return this.#raw.validateField(path, value, record);
  }
  setCountryRules(rules) {
    try {
      return this.#raw.setCountryRules(rules);
    } catch (e) {
      rethrow(e);
    }
  }
  resetCountryRules() {
    this.#raw.resetCountryRules();
  }
  countries() {
    return this.#raw.countries();
  }
}
/** The partner's configuration an instance holds (request.md), and options kept open for later (languages). */
const CONFIGURATION = ['cspModel', 'partnerDomain', 'markets', 'domainSuffix', 'resellerBillingAddress'];
const LATER = ['locale', 'catalog'];

/**
 * A validator instance holding the partner's configuration: `createValidator({ cspModel, partnerDomain, markets,
 * domainSuffix, resellerBillingAddress, countryRules })`. Records then need customer data only; their configuration
 * fields are ignored with a `request.configuration_ignored` warning each.
 */
export function createValidator(options) {
  if (!ready) throw notReady('createValidator');
  return new Validator(options);
}

let fallback = null;
function guard(name, f) {
  return (...args) => {
    if (!ready) throw notReady(name);
    fallback ??= new Validator();
    return f(fallback, ...args);
  };
}

export const validate = guard('validate', (v, record) => v.validate(record));
export const validateField = guard('validateField', (v, path, value, record) => v.validateField(path, value, record));
export const setCountryRules = guard('setCountryRules', (v, rules) => v.setCountryRules(rules));
export const resetCountryRules = guard('resetCountryRules', (v) => v.resetCountryRules());
export const countries = guard('countries', (v) => v.countries());
/** The version of the embedded country data. */
export const dataVersion = guard('dataVersion', () => glue.dataVersion());
