// The form in the page's language (issue 12; docs/web-host.md, "Locale"): index.html served with `<html lang="el">`
// fetches core/catalogs/el.json from the stand-in (`/catalogs/el.json`) and shows every text in Greek: the page's
// labels, the field messages, the summary, the country picker (named by the browser's CLDR, `Intl.DisplayNames`, and
// sorted by `Intl.Collator('el')`), the country's postcode and state words, and the confirmation dialog; axe-core
// stays clean. Without its catalog (a 404, offline) the page is English and works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AXE_PATH, fill, launch, machine, ROOT, session, validValues } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const AXE = readFileSync(AXE_PATH, 'utf8');
const EL = JSON.parse(readFileSync(join(ROOT, 'core', 'catalogs', 'el.json'), 'utf8'));
const capitalized = (s) => s.charAt(0).toLocaleUpperCase('el') + s.slice(1);

/** A session whose page is index.html with `<html lang="{lang}">`, through the gateway; `catalog` answers the
 * catalog's request instead of the stand-in (e.g. a 404). */
async function greekSession(lang, catalog = null) {
  const s = await session(browser, { gateway: {}, open: false });
  s.gw.handle = async (req, _body, forward) => {
    if (catalog && req.url.startsWith('/catalogs/')) return catalog;
    if (req.method !== 'GET' || !/^\/(\?|$)/.test(req.url)) return null;
    const r = await forward();
    return { ...r, body: Buffer.from(String(r.body).replace('<html lang="en">', `<html lang="${lang}">`)) };
  };
  await s.open();
  return s;
}

async function run(s, fn) {
  try {
    await fn(s);
    assert.deepEqual(s.problems, [], 'no problems in the page');
  } finally {
    await s.close();
  }
}

async function axe(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const text = (page, selector) => page.locator(selector).first().evaluate((e) => e.textContent);

test('21. lang="el": labels, picker, country words, messages, summary and dialog in Greek; axe clean', async () => {
  await run(await greekSession('el'), async ({ page }) => {
    const violations = [];
    // The page's own words.
    assert.equal(await page.title(), EL['host.page.title']);
    assert.equal(await text(page, '#tc-submit'), EL['host.label.submit']);
    assert.equal(await text(page, 'label[for="account-billingAddress-country"]'), EL['host.label.country']);
    assert.equal(await text(page, '#syncOptions-username-hint'), EL['host.label.username_hint']);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'el');

    // The picker: Greek names (CLDR), sorted as Greek sorts.
    const options = await page.locator('#account-billingAddress-country option').evaluateAll(
      (os) => os.map((o) => ({ value: o.value, text: o.textContent })));
    assert.equal(options[0].text, EL['host.label.choose_country']);
    const countries = options.slice(1);
    assert.ok(countries.length > 100, `${countries.length} countries`);
    const byCode = Object.fromEntries(countries.map((o) => [o.value, o.text]));
    assert.equal(byCode.GR, 'Ελλάδα');
    assert.equal(byCode.DE, 'Γερμανία');
    assert.equal(byCode.US, 'Ηνωμένες Πολιτείες');
    const names = countries.map((o) => o.text);
    assert.deepEqual(names, [...names].sort(new Intl.Collator('el').compare), 'sorted in Greek');
    violations.push(...await axe(page, 'empty'));

    // The country's words: the US postcode label and example, its states as a list of code and name.
    await page.locator('#account-billingAddress-country').selectOption('US');
    assert.equal(await text(page, '#account-billingAddress-postalCode-label'), capitalized(EL['term.postcode.US']));
    assert.match(await text(page, '#account-billingAddress-postalCode-hint'), /^π\.χ\. \d{5}/);
    assert.equal(await text(page, '#account-billingAddress-state-name'), capitalized(EL['term.state.US']));
    const states = page.locator('#account-billingAddress-state-list');
    assert.equal(await states.isVisible(), true);
    const wa = await states.locator('option[value="WA"]').textContent();
    assert.equal(wa, 'WA – Washington');
    assert.equal(await states.locator('option').first().textContent(), EL['host.field.choose_state']);
    // Brazil's registration number is its CNPJ; Greece's postcode is the default word.
    await page.locator('#account-billingAddress-country').selectOption('BR');
    assert.equal(await text(page, '#account-registrationNumber-hint'),
      EL['host.label.registration_number_term'].replace('{term}', 'CNPJ'));
    await page.locator('#account-billingAddress-country').selectOption('GR');
    assert.equal(await text(page, '#account-billingAddress-postalCode-label'), capitalized(EL['term.postcode']));
    assert.equal(await text(page, '#account-registrationNumber-hint'), EL['host.label.registration_number_hint']);

    // Field messages and the summary.
    await fill(page, validValues({ 'account-email': 'it@contoso', 'syncOptions-username': 'a b' }));
    await page.locator('#tc-submit').click();
    await page.waitForFunction(() => document.getElementById('tc-summary').textContent !== '');
    const summary = await text(page, '#tc-summary');
    assert.equal(summary, EL['host.summary.errors'].replace('{count}', '2'));
    for (const id of ['account-email', 'syncOptions-username']) {
      const message = await text(page, `#${id}-msg`);
      assert.match(message, /[\u0370-\u03ff]{4}/, `${id}: a Greek message: ${message}`);
    }
    assert.equal(await text(page, '#tc-status-text'), EL['host.submit.invalid']);
    violations.push(...await axe(page, 'client errors'));

    // The confirmation dialog.
    await fill(page, validValues({ 'syncOptions-domainPrefix': 'linkedtenant' }));
    await page.locator('#tc-submit').click();
    await machine(page, 'waiting-for-confirmation');
    const question = await text(page, '#tc-confirm-text');
    assert.ok([EL['host.confirm.existing_bss_account'], EL['host.confirm.existing_partner_customer']].includes(question), question);
    assert.equal(await text(page, '#tc-confirm-title'), EL['host.label.confirm_title']);
    assert.equal(await text(page, '#tc-confirm-yes'), EL['host.label.confirm_yes']);
    assert.equal(await text(page, '#tc-confirm-no'), EL['host.label.confirm_no']);
    violations.push(...await axe(page, 'dialog open'));
    await page.locator('#tc-confirm-no').click();
    assert.deepEqual(violations, []);
  });
});

test('22. without its catalog (404) the page stays English, says nothing and validates', async () => {
  const missing = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  await run(await greekSession('el', missing), async ({ page }) => {
    assert.equal(await text(page, '#tc-submit'), 'Provision tenant');
    const gr = await page.locator('#account-billingAddress-country option[value="GR"]').textContent();
    assert.equal(gr, 'Greece');
    await fill(page, validValues({ 'account-email': 'it@contoso' }));
    await page.locator('#tc-submit').click();
    await page.waitForFunction(() => document.getElementById('tc-summary').textContent !== '');
    assert.equal(await text(page, '#tc-summary'), '1 field needs attention.');
  });
});

test('23. the configuration overrides the page: data-locale="de" on an English page gives German', async () => {
  const DE = JSON.parse(readFileSync(join(ROOT, 'core', 'catalogs', 'de.json'), 'utf8'));
  await run(await session(browser, { gateway: { 'data-locale': 'de' } }), async ({ page }) => {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await text(page, '#tc-submit'), DE['host.label.submit']);
    assert.equal(await page.locator('#account-billingAddress-country option[value="DE"]').textContent(), 'Deutschland');
    await page.locator('#account-billingAddress-country').selectOption('US');
    assert.equal(await text(page, '#account-billingAddress-postalCode-label'), DE['term.postcode.US']);
  });
});
