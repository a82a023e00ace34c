// Accessibility: an axe-core scan (WCAG 2.x A/AA rules and best practices) of the form as served, under its strict CSP,
// in its states: empty, with errors, with a server message, with the confirmation dialog open. Then the screenshots
// of the filled form, of an error state and of a phone-size viewport (target/e2e/screenshots/; with
// UPDATE_SCREENSHOTS=1 also copied to docs/screenshots/, the committed copies the README points to).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AXE_PATH, fill, launch, machine, ROOT, validValues, withSession } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const AXE = readFileSync(AXE_PATH, 'utf8');

/**
 * Runs axe in the page. The page's CSP allows no inline script, so `page.addScriptTag({ path })` (an inline
 * <script>) is refused; the source is evaluated through the DevTools protocol instead (page.evaluate), which the CSP
 * does not govern. The page itself keeps its CSP: the scan sees what a user gets.
 */
async function axe(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  const violations = result.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.ok(result.passes.length > 5, `${what}: axe ran (${result.passes.length} rules passed)`);
  return violations;
}

test('17. axe-core finds no violations: empty form, errors, server message, dialog, phone viewport', async () => {
  await withSession(browser, {}, async ({ page }) => {
    const violations = [];
    const res = await page.reload();
    const csp = res.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src/, 'the page is served with its CSP');
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, csp);
    await page.waitForSelector('#tc-submit:not([disabled])');
    violations.push(...await axe(page, 'empty'));
    await fill(page, validValues({ 'account-email': 'it@contoso', 'account-billingAddress-postalCode': '1068', 'syncOptions-username': 'a b' }));
    await page.locator('#tc-submit').click();
    await page.waitForFunction(() => document.getElementById('tc-summary').textContent !== '');
    violations.push(...await axe(page, 'client errors'));
    await fill(page, validValues({ 'syncOptions-domainPrefix': 'markupmsg' }));
    await page.locator('#tc-submit').click();
    await machine(page, 'editing');
    await page.waitForFunction(() => document.getElementById('account-companyName-msg').textContent !== '');
    violations.push(...await axe(page, 'server message'));
    await fill(page, validValues({ 'syncOptions-domainPrefix': 'linkedtenant' }));
    await page.locator('#tc-submit').click();
    await machine(page, 'waiting-for-confirmation');
    violations.push(...await axe(page, 'dialog open'));
    await page.locator('#tc-confirm-no').click();
    await page.setViewportSize({ width: 390, height: 844 });
    violations.push(...await axe(page, 'phone'));
    assert.deepEqual(violations, []);
  });
});

const SHOTS = join(ROOT, 'target', 'e2e', 'screenshots');
const DOCS = join(ROOT, 'docs', 'screenshots');

async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, name);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, join(DOCS, name));
  }
}

test('18. screenshots: the filled form, an error state, and a phone-size viewport', async () => {
  await withSession(browser, {}, async ({ page, context }) => {
    await fill(page, validValues({ 'syncOptions-domainPrefix': 'contoso', 'syncOptions-resellerMpnId': '1234567' }));
    await page.waitForSelector('#tc-domain-availability[data-kind="free"]', { timeout: 5000 });
    await page.evaluate(() => document.activeElement.blur());
    await shot(page, 'form-filled.png');

    await fill(page, validValues({
      'syncOptions-username': 'admin@contoso.com', 'syncOptions-domainPrefix': 'contoso ltd', 'account-email': 'it@contoso',
      'account-phone': '12', 'account-billingAddress-postalCode': '1068', 'syncOptions-resellerMpnId': 'MPN-1',
    }));
    await page.locator('#tc-submit').click();
    await page.waitForFunction(() => document.getElementById('tc-summary').textContent !== '');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'form-errors.png');

    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(page.url());
    await phone.waitForSelector('#tc-submit:not([disabled])');
    // The draft of the first page (same origin) is restored: the phone shows the same errors.
    await phone.locator('#tc-submit').click();
    await phone.waitForFunction(() => document.getElementById('tc-summary').textContent !== '');
    await phone.evaluate(() => document.activeElement.blur());
    await phone.evaluate(() => window.scrollTo(0, 0));
    await shot(phone, 'form-phone.png');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling on a phone');
  });
});
