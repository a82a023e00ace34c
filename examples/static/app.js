// tenantcheck on a plain page served from a static folder: pkg/ copied next to this file as tenantcheck/, loaded as
// an ES module. init() fetches tenantcheck/tenantcheck_bg.wasm by URL (relative to the package's own file), so the
// folder can live under any path of any static server. The server must send `application/wasm` for .wasm files (for
// WebAssembly.instantiateStreaming) and, with a Content-Security-Policy, allow 'wasm-unsafe-eval'.
import init, { countries, validate } from './tenantcheck/index.js';

await init();

const form = document.querySelector('#account');
const country = document.querySelector('#country');
for (const c of countries()) country.add(new Option(c.name, c.code, false, c.code === 'GR'));

function record() {
  // The partner's configuration (cspModel, partnerDomain…) is the page's, never the user's: rules.md section 4.
  return {
    cspModel: 'direct',
    partnerDomain: 'partner.example',
    account: {
      email: form.elements['account.email'].value,
      billingAddress: {
        country: country.value,
        postalCode: form.elements['account.billingAddress.postalCode'].value,
      },
    },
  };
}

// The fields of this page; a real form has them all (the record's other fields are reported missing here).
const FIELDS = new Set([...form.elements].map((e) => e.name).filter(Boolean));

function show() {
  const r = validate(record());
  const issues = [...r.errors, ...r.warnings].filter((i) => FIELDS.has(i.field));
  const list = document.querySelector('#issues');
  // Messages are text, never HTML: textContent, not innerHTML.
  list.replaceChildren(
    ...issues.map((i) => Object.assign(document.createElement('li'), { textContent: i.message, title: i.code })),
  );
  list.dataset.codes = issues.map((i) => i.code).join(' ');
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  show();
});
form.addEventListener('input', show);
show();
