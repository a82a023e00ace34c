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

export const validate = /* @__PURE__ */ guard('validate', (record) => withId(record, glue.validate(record)));
export const validateField = /* @__PURE__ */ guard('validateField', glue.validateField);
export const setCountryRules = /* @__PURE__ */ guard('setCountryRules', glue.setCountryRules);
export const resetCountryRules = /* @__PURE__ */ guard('resetCountryRules', glue.resetCountryRules);
/**
 * Every country for a picker: the module's rows (core/src/wasm.rs, `countries`; core/src/wasm/write.rs: one flat array
 * each, names in English) made into `CountryOption`s, named in `locale` (a BCP 47 tag) by the engine's `Intl.DisplayNames` (CLDR),
 * as core/src/countries/picker.rs (`Language::country_name`) names them natively: English without a locale, for
 * `en`, where the engine refuses the tag, and where it names no region. With a `catalog` (of that language), the
 * postcode's and the state's labels are its words, as the picker's `Language::term` takes them: `term.postcode.<CC>`,
 * else `term.postcode`, else the English label.
 */
export const countries = /* @__PURE__ */ guard('countries', (locale, catalog) => {
  const word = (key, code, english) => term(catalog, `${key}.${code}`) ?? term(catalog, key) ?? english;
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
      postalCode:
        label == null ? null : { label: word('postcode', code, label), example: examples[0] ?? null, examples, required },
      state: { label: word('state', code, r[0]), required: r[1] },
      registrationNumber: { required: r[2], term: r[3] ?? null },
      phone: { required: true },
    };
  });
});

/**
 * Messages in a catalog's language (docs/messages.md): the package's filler of the template syntax that the core's
 * `catalog.rs` and `message.rs` fill natively, for a validator made with `{ locale, catalog }` (the module fills
 * English only, so a language costs it no bytes). tests/node/catalogs.test.mjs holds it to the Rust filler (the
 * command line's `--lang`) on a corpus. Country names and plural categories are the engine's (`Intl.DisplayNames`,
 * `Intl.PluralRules`), as the browser host's; what the catalog lacks is English: a code's English message, the English
 * word (the postcode's and the states' from core/catalogs/en.json, `ENGLISH_TERMS`; the others as core/src/vocab.rs
 * and text.rs write them).
 */
const PLACEHOLDER = /\{(\w+)((?:\|(?:\w+:[^{}|]*|\w*))*)\}/g;
/** Which wording of its code each issue is, for the codes with several: scripts/pkg-catalogs.mjs (`wordingTable`). */
const WORDINGS = '@WORDINGS@';
const ENGLISH_TERMS = '@ENGLISH_TERMS@';

/** A catalog's word `term.<key>` (an array's first text), where it has one. */
function term(catalog, key) {
  const v = catalog?.[`term.${key}`];
  const text = Array.isArray(v) ? v[0] : v;
  return typeof text === 'string' ? text : undefined;
}

/** The index of an issue's wording among its code's (scripts/pkg-catalogs.mjs checks the table with this function). */
function wordingOf(issue, entries) {
  let best = 0;
  let most = -1;
  entries.forEach((entry, i) => {
    const [params, prefix = '', suffix = ''] = entry.split('\n');
    const names = params ? params.split(' ') : [];
    const has = (p) => issue.params[p] != null && !(Array.isArray(issue.params[p]) && !issue.params[p].length);
    if (names.length > most && names.every(has) && issue.message.startsWith(prefix) && issue.message.endsWith(suffix)) {
      best = i;
      most = names.length;
    }
  });
  return best;
}

/** A JSON kind with its English article (`an object`, `null`): core/src/vocab.rs, `push_with_article`. */
function article(kind) {
  return kind === 'null' ? kind : `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** `"é" (U+00E9)`, `"-"`, `U+200B`: core/src/text.rs, `describe_into` (a space is the catalog's `term.char.space`). */
function describe(c) {
  const cp = c.codePointAt(0);
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp < 128) return cp > 32 && cp < 127 ? `"${c}"` : hex;
  return /[\p{Alphabetic}\p{N}]/u.test(c) ? `"${c}" (${hex})` : hex;
}

/** A function that gives an issue's message in the catalog's language (`locale` a checked BCP 47 tag). */
function localizer(locale, catalog) {
  const english = locale.split('-')[0].toLowerCase() === 'en';
  let names;
  let plurals;
  const own = (key) => term(catalog, key);
  // The names asked for, kept (a name costs the engine microseconds).
  const named = new Map();
  const name = (code) => {
    let n = named.get(code);
    if (n === undefined) {
      try {
        const region = { type: 'region' };
        names ??= [new Intl.DisplayNames(english ? 'en' : locale, region), new Intl.DisplayNames('en', region)];
        n = names[0].of(code) || names[1].of(code) || code;
      } catch {
        n = code;
      }
      named.set(code, n);
    }
    return n;
  };
  const show = (v, filter) => {
    if (v == null) return '';
    if (typeof v === 'number') {
      if (!filter.includes(':')) return String(v);
      plurals ??= new Intl.PluralRules(locale);
      const category = plurals.select(v);
      let other = '';
      for (const form of filter.split('|')) {
        const at = form.indexOf(':');
        if (at < 0) continue;
        if (form.slice(0, at) === category) return form.slice(at + 1);
        if (form.slice(0, at) === 'other') other = form.slice(at + 1);
      }
      return other;
    }
    if (Array.isArray(v)) return v.join(filter === 'or' ? ` ${own('or') ?? 'or'} ` : ', ');
    const country = (key) => own(`${key}.${v}`) ?? own(key) ?? ENGLISH_TERMS[`${key}.${v}`] ?? ENGLISH_TERMS[key];
    switch (filter) {
      case 'char': {
        const c = v ? String.fromCodePoint(v.codePointAt(0)) : ' ';
        return c === ' ' ? own('char.space') ?? 'a space' : describe(c);
      }
      case 'a':
        return own(`a.${v}`) ?? article(v);
      case 'name':
      case 'in':
      case 'In':
        return name(v);
      case 'postcode':
      case 'state':
        return country(filter);
      default:
        return v;
    }
  };
  return (issue) => {
    const entries = WORDINGS[issue.code];
    const i = entries ? wordingOf(issue, entries) : 0;
    const entry = catalog[issue.code];
    const template = Array.isArray(entry) ? entry[i] : i === 0 ? entry : undefined;
    if (typeof template !== 'string') return issue.message;
    // A param is the issue's own (`{constructor}` shows nothing); the filter is what follows the first `|`.
    return template.replace(PLACEHOLDER, (_, p, f) => show(Object.hasOwn(issue.params, p) ? issue.params[p] : null, f.slice(1)));
  };
}

/** A result with every message in the language of `localize` (when a validator has one). */
function localized(result, localize) {
  if (localize) for (const list of [result.errors, result.warnings]) for (const issue of list) issue.message = localize(issue);
  return result;
}

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

  /** The messages' language, where the validator has a catalog (`localizer`). */
  #localize;

  /** Made by createValidator() only. */
  constructor(id, key, localize) {
    if (key !== token) throw new TypeError('tenantcheck: a Validator is made by createValidator()');
    this.#id = id;
    this.#localize = localize;
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
    return localized(withId(record, this.#call(glue.validate, [record])), this.#localize);
  }

  validateField(path, value, record) {
    return localized(this.#call(glue.validateField, [path, value, record]), this.#localize);
  }

  /** Frees the validator's memory now (else it is freed when the instance is garbage-collected). */
  free() {
    if (this.#id === undefined) return;
    collected?.unregister(this);
    glue.dropValidator(this.#id);
    this.#id = undefined;
  }
}

/** The JSON kind of a value (`request.md`'s kinds; `typeof` for what is not data), for createValidator's refusals. */
function kindOf(v) {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** `request.wrong_type` for a value of another JSON kind than `expected`, in English (as the module writes it). */
function wrongType(expected, v) {
  const found = kindOf(v);
  const message = `Expected ${article(expected)} here, not ${article(found)}.`;
  return new TenantcheckError('request.wrong_type', message, { expected, found });
}

/**
 * The messages' language of createValidator's options (`locale`, `catalog`; docs/npm-package.md, "Languages"), checked
 * here: the module ignores both. A catalog is an object of templates (a string, or an array for a code with several
 * wordings); it needs its `locale`, a BCP 47 tag (`de`, `de-AT`), which chooses the plural rules and country names.
 */
function languageOf(options) {
  const { locale, catalog } = options ?? {};
  if (locale != null && typeof locale !== 'string') throw wrongType('string', locale);
  let tag;
  if (locale != null) {
    try {
      [tag] = Intl.getCanonicalLocales(locale);
    } catch {}
    if (!tag) {
      const message = `tenantcheck: "${locale}" is not a BCP 47 language tag (such as de or de-AT).`;
      throw new TenantcheckError('tenantcheck.bad_locale', message, { locale });
    }
  }
  if (catalog == null) return undefined;
  if (kindOf(catalog) !== 'object') throw wrongType('object', catalog);
  // A copy (later changes to the caller's object do not reach the validator), without a prototype to look keys up in.
  const copy = Object.create(null);
  for (const [key, v] of Object.entries(catalog)) {
    const texts = typeof v === 'string' || (Array.isArray(v) && v.every((t) => typeof t === 'string'));
    if (!texts) throw wrongType('string', v);
    copy[key] = Array.isArray(v) ? [...v] : v;
  }
  if (!tag) throw new TenantcheckError('request.missing_configuration', 'This configuration value is required.', {});
  return localizer(tag, copy);
}

export const createValidator = /* @__PURE__ */ guard('createValidator', (options) => {
  // Options that are not an object (nor a function or symbol, which are not data: the module refuses those) are
  // refused here, as the module refuses a record's field of the wrong type.
  if (options != null && (Array.isArray(options) || ['string', 'number', 'boolean'].includes(typeof options))) {
    throw wrongType('object', options);
  }
  const localize = languageOf(options);
  try {
    return new Validator(glue.createValidator(options), token, localize);
  } catch (e) {
    // An option's issue, in the catalog's language.
    const error = asTenantcheckError(e);
    if (localize && error.code !== 'tenantcheck.internal') error.message = localize(error);
    throw error;
  }
});
/** The embedded country data's version (its sources and their versions), written here by scripts/make-pkg.mjs. */
export const dataVersion = '@DATA_VERSION@';
