// The worker: loads tenantcheck once and validates what the page sends. A plain module worker (no bundler): it
// imports the package copied next to it. Messages in: { id, record }; out: { id, result } or { id, error }.
import init, { validate } from './tenantcheck/index.js';

const ready = init();

self.onmessage = async ({ data: { id, record } }) => {
  try {
    await ready;
    self.postMessage({ id, result: validate(record) });
  } catch (e) {
    // validate() never throws on bad input (it returns request.* errors); this is a failed load.
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
