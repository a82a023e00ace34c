// tenantcheck in a Vite app: no plugin and no config. The package's glue loads its .wasm with
// `new URL('tenantcheck_bg.wasm', import.meta.url)`, which `vite build` recognizes: it copies the file into dist/assets/
// under a hashed name and rewrites the URL.
import init, { validateField } from 'tenantcheck';

await init();

const input = document.querySelector('#postcode');
const verdict = document.querySelector('#verdict');
const record = { account: { billingAddress: { country: 'GR' } } };

function check() {
  const r = validateField('account.billingAddress.postalCode', input.value, record);
  verdict.textContent = r.valid ? 'OK' : r.errors.map((e) => e.message).join(' ');
  verdict.dataset.codes = r.errors.map((e) => e.code).join(' ');
}
input.addEventListener('input', check);
check();
