// tenantcheck: the entry for browsers (a plain <script type="module">) and bundlers. Copied into pkg/ by
// scripts/make-pkg.mjs; the functions themselves are wasm-bindgen's glue (tenantcheck.js), generated from
// core/src/wasm.rs. This file only adds what the glue lacks: a clear error when a function is called before the
// module is loaded, one error class for every throw (`TenantcheckError`), and one load for every caller: init() keeps
// its pending promise (concurrent callers share it), and the module is instantiated in one place, glue.initSync(),
// which does nothing once a module is in place, so a second load (init() after initSync(), or the reverse) never
// replaces a module already configured (its country rules, its validator instances).
import * as glue from './tenantcheck.js';

let ready = false;
/** The pending (or finished) load of init(); dropped when it fails, so that init() may be tried again. */
let loading;

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

/** The compiled module, from what init() takes (as the glue's init takes it). */
async function compile(input) {
  if (input !== undefined && Object.getPrototypeOf(input) === Object.prototype) input = input.module_or_path;
  input = await (input ?? new URL('tenantcheck_bg.wasm', import.meta.url));
  if (input instanceof WebAssembly.Module) return input;
  if (typeof input === 'string' || input instanceof URL || (typeof Request === 'function' && input instanceof Request)) {
    input = await fetch(input);
  }
  if (typeof Response === 'function' && input instanceof Response) {
    if (typeof WebAssembly.compileStreaming === 'function' && input.headers.get('Content-Type') === 'application/wasm') {
      return WebAssembly.compileStreaming(input);
    }
    input = await input.arrayBuffer();
  }
  return WebAssembly.compile(input);
}

/** Loads the module (once): by default from `tenantcheck_bg.wasm` next to this file, fetched by URL. */
export default function init(moduleOrPath) {
  loading ??= (ready ? Promise.resolve() : compile(moduleOrPath)).then(
    (module) => {
      const out = glue.initSync(module && { module });
      ready = true;
      return out;
    },
    (e) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** Loads the module synchronously from its bytes or a compiled `WebAssembly.Module` (once). */
export function initSync(module) {
  const out = glue.initSync(module);
  ready = true;
  return out;
}

/**
 * A record's `id` echoed as the result's (request.md): the module checks it (`request.bad_id`) and the entry, which
 * has the caller's value, sets it, only when the record had a good one. Reading it again never throws out of
 * `validate` (a getter that throws was already an error of the result).
 */
function withId(record, result) {
  try {
    const id = record !== null && typeof record === 'object' ? record.id : undefined;
    if (id != null && !result.errors.some((e) => e.code === 'request.bad_id')) result.id = id;
  } catch {}
  return result;
}

export const validate = guard('validate', (record) => withId(record, glue.validate(record)));
export const validateField = guard('validateField', glue.validateField);
export const setCountryRules = guard('setCountryRules', glue.setCountryRules);
export const resetCountryRules = guard('resetCountryRules', glue.resetCountryRules);
/**
 * Every country for a picker: the module's rows (core/src/wasm.rs, `countries`; core/src/wasm/write.rs: one flat array
 * each, names in English) made into `CountryOption`s, named in `locale` (a BCP 47 tag) by the engine's `Intl.DisplayNames` (CLDR),
 * as core/src/countries/picker.rs (`Language::country_name`) names them natively: English without a locale, for
 * `en`, where the engine refuses the tag, and where it names no region.
 */
export const countries = guard('countries', (locale) => {
  const language = typeof locale === 'string' ? locale.split(/[-_]/)[0].toLowerCase() : '';
  let names;
  try {
    if (language && language !== 'en') names = new Intl.DisplayNames(locale, { type: 'region' });
  } catch {}
  return glue.countryRows().map(([code, name, s, callingCodes, label, examples, required, ...r]) => {
    const states = [];
    for (let i = 0; i < s.length; i += 2) states.push({ code: s[i], name: s[i + 1] });
    return {
      code,
      name: names?.of(code) || name,
      states,
      callingCodes,
      postalCode: label == null ? null : { label, example: examples[0] ?? null, examples, required },
      state: { label: r[0], required: r[1] },
      registrationNumber: { required: r[2], term: r[3] ?? null },
      phone: { required: true },
    };
  });
});

const token = Symbol('tenantcheck.Validator');
/** Drops a validator's memory in the module when its instance is garbage-collected (where the engine can say so). */
const collected = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((id) => glue.dropValidator(id)) : null;

/**
 * A validator holding one partner's configuration and country rules (createValidator), kept in the module; the
 * instance holds its handle (dropped once: free() forgets it, and the finalizer runs only for one never freed). Its
 * calls are the free functions' exports, after selecting its validator for that call only (core/src/wasm.rs,
 * selectValidator): one copy of the exports serves every instance.
 */
export class Validator {
  #id;

  /** Made by createValidator() only. */
  constructor(id, key) {
    if (key !== token) throw new TypeError('tenantcheck: a Validator is made by createValidator()');
    this.#id = id;
    collected?.register(this, id, this);
  }

  #select() {
    if (this.#id === undefined) throw new TypeError('tenantcheck: this Validator was freed');
    glue.selectValidator(this.#id);
  }

  /** One call of an export with this validator selected; what it throws is a `TenantcheckError` (a freed validator's
   * `TypeError` excepted). */
  #call(f, args) {
    this.#select();
    try {
      return f(...args);
    } catch (e) {
      throw asTenantcheckError(e);
    }
  }

  validate(record) {
    return withId(record, this.#call(glue.validate, [record]));
  }

  validateField(path, value, record) {
    return this.#call(glue.validateField, [path, value, record]);
  }

  /** Frees the validator's memory now (else it is freed when the instance is garbage-collected). */
  free() {
    if (this.#id === undefined) return;
    collected?.unregister(this);
    glue.dropValidator(this.#id);
    this.#id = undefined;
  }
}

/** The JSON kind of a value that is not an object (`request.md`'s kinds), for createValidator's refusal. */
function kindOf(v) {
  return Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'boolean';
}

export const createValidator = guard('createValidator', (options) => {
  // Options that are not an object (nor a function or symbol, which are not data: the module refuses those) are
  // refused here, as the module refuses a record's field of the wrong type.
  if (options != null && (Array.isArray(options) || ['string', 'number', 'boolean'].includes(typeof options))) {
    const found = kindOf(options);
    throw new TenantcheckError('request.wrong_type', `Expected an object here, not ${found === 'array' ? 'an' : 'a'} ${found}.`,
      { expected: 'object', found });
  }
  return new Validator(glue.createValidator(options), token);
});
/** The embedded country data's version (its sources and their versions), written here by scripts/make-pkg.mjs. */
export const dataVersion = '@DATA_VERSION@';
