// The page: validation runs in a module worker, so checking a large export never blocks typing or scrolling.
// `validateInWorker(record)` returns a promise of the same result `validate(record)` gives.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const pending = new Map();
let next = 0;

worker.onmessage = ({ data: { id, result, error } }) => {
  const { ok, fail } = pending.get(id);
  pending.delete(id);
  if (error === undefined) ok(result);
  else fail(new Error(error));
};

export function validateInWorker(record) {
  return new Promise((ok, fail) => {
    const id = next++;
    pending.set(id, { ok, fail });
    worker.postMessage({ id, record });
  });
}

const SAMPLE = [
  { cspModel: 'direct', account: { billingAddress: { country: 'GR', postalCode: '106 82' } } },
  { cspModel: 'direct', account: { billingAddress: { country: 'GR', postalCode: '1068' } } },
  { cspModel: 'direct', account: { billingAddress: { country: 'US', state: 'WA', postalCode: '10001' } } },
];
const records = document.querySelector('#records');
records.value = SAMPLE.map((r) => JSON.stringify(r)).join('\n');

async function check() {
  const lines = records.value.split('\n').filter((l) => l.trim());
  const results = await Promise.all(
    lines.map((line) => {
      let record;
      try {
        record = JSON.parse(line);
      } catch {
        record = line; // not JSON: the core answers with a request.* error
      }
      return validateInWorker(record);
    }),
  );
  const postcodes = results.map((r) =>
    r.errors.filter((e) => e.field === 'account.billingAddress.postalCode').map((e) => e.code).join(',') || 'ok');
  const summary = document.querySelector('#summary');
  summary.textContent = `${results.length} records checked off the main thread: ${postcodes.join(' | ')}`;
  summary.dataset.postcodes = postcodes.join(' ');
}

document.querySelector('#check').addEventListener('click', check);
check();
