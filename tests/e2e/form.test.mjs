// The form as a user meets it: messages beside fields as they type, the reseller field per CSP model, the domain's
// availability hint, and the keyboard alone (tab order, Enter, focus in and out of the confirmation dialog).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertStoredOnce, fieldState, fill, freshPrefix, launch, machine, MODELS, storedAccounts, validValues, withSession } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('1. an invalid value shows its error beside the field (aria-invalid), and fixing it clears it', async () => {
  await withSession(browser, {}, async ({ page }) => {
    const email = page.locator('#account-email');
    await email.fill('it@contoso');
    await page.waitForFunction(() => document.getElementById('account-email-msg').textContent.trim() !== '');
    let st = await fieldState(page, 'account-email');
    assert.equal(st.invalid, 'true');
    assert.ok(st.message.length > 5, st.message);
    // Typing only (no blur): the debounced check clears the message.
    await email.fill('it@contoso.com');
    await page.waitForFunction(() => document.getElementById('account-email-msg').textContent.trim() === '');
    st = await fieldState(page, 'account-email');
    assert.equal(st.invalid, null);

    // A postcode checked against the country chosen.
    await page.locator('#account-billingAddress-country').selectOption('GR');
    const postcode = page.locator('#account-billingAddress-postalCode');
    await postcode.fill('1068');
    await postcode.blur();
    await page.waitForFunction(() => document.getElementById('account-billingAddress-postalCode-msg').textContent !== '');
    st = await fieldState(page, 'account-billingAddress-postalCode');
    assert.equal(st.invalid, 'true');
    assert.match(st.message, /Greece|5 digits|106 82/, st.message);
    await postcode.fill('10682');
    await postcode.blur();
    await page.waitForFunction(() => document.getElementById('account-billingAddress-postalCode-msg').textContent === '');
    assert.equal((await fieldState(page, 'account-billingAddress-postalCode')).invalid, null);
    // Normalized on leaving the field.
    assert.equal(await postcode.inputValue(), '106 82');
  });
});

for (const [account, model] of Object.entries(MODELS)) {
  const shown = model === 'indirectProvider' || model === 'indirectCountryTenant';
  test(`2. account ${account} (${model}): the reseller field is ${shown ? 'present' : 'absent'}`, async () => {
    await withSession(browser, { account: Number(account) }, async ({ page }) => {
      const attrs = await page.evaluate(() => {
        const f = document.getElementById('tenantcheck-form');
        return { account: f.dataset.accountId, model: f.dataset.cspModel };
      });
      assert.deepEqual(attrs, { account, model });
      const row = page.locator('#syncOptions-resellerMpnId-row');
      assert.equal(await row.isVisible(), shown);
      assert.equal(await page.locator('#syncOptions-resellerMpnId').isVisible(), shown);
    });
  });
}

test('4. the availability hint says a free prefix is free and a taken one exists', async () => {
  await withSession(browser, {}, async ({ page }) => {
    const domain = page.locator('#syncOptions-domainPrefix');
    const hint = page.locator('#tc-domain-availability');
    const free = freshPrefix('newco');
    await domain.fill(free);
    await page.waitForSelector('#tc-domain-availability[data-kind="free"]', { timeout: 5000 });
    assert.match(await hint.textContent(), new RegExp(`${free}\\.onmicrosoft\\.com is free`));
    assert.match(await page.locator('#tc-domain-full').textContent(), new RegExp(`${free}\\.onmicrosoft\\.com`));
    await domain.fill('fabrikamtaken');
    await page.waitForSelector('#tc-domain-availability[data-kind="exists"]', { timeout: 5000 });
    assert.match(await hint.textContent(), /fabrikamtaken\.onmicrosoft\.com already exists/);
    // An invalid prefix asks nothing and says nothing.
    await domain.fill('bad prefix!');
    await page.waitForFunction(() => document.getElementById('tc-domain-availability').textContent === '');
  });
});

test('16. keyboard alone: tab order is document order, Enter submits, focus enters and leaves the dialog', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    // Every focusable control of the form, in document order, as the page lays them out.
    const expected = await page.evaluate(() => [...document.querySelectorAll('#tenantcheck-form input, #tenantcheck-form select, #tenantcheck-form button')]
      .filter((e) => !e.disabled && e.offsetParent !== null).map((e) => e.id));
    const values = validValues({ 'syncOptions-domainPrefix': 'linkedtenant', 'syncOptions-resellerMpnId': '' });
    const typed = {
      'syncOptions-username': values['syncOptions-username'],
      'syncOptions-domainPrefix': values['syncOptions-domainPrefix'],
      'account-companyName': values['account-companyName'],
      'account-contact-firstName': values['account-contact-firstName'],
      'account-contact-lastName': values['account-contact-lastName'],
      'account-email': values['account-email'],
      'account-phone': values['account-phone'],
      'account-billingAddress-country': 'Greece',
      'account-billingAddress-addressLine1': values['account-billingAddress-addressLine1'],
      'account-billingAddress-city': values['account-billingAddress-city'],
      'account-billingAddress-postalCode': values['account-billingAddress-postalCode'],
    };
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const visited = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id);
      visited.push(id);
      if (typed[id]) await page.keyboard.type(typed[id]);
    }
    assert.deepEqual(visited, expected, 'Tab reaches every control in document order');
    assert.ok(expected.includes('syncOptions-resellerMpnId') && expected.at(-1) === 'tc-submit', expected.join(' '));
    assert.equal(await page.locator('#account-billingAddress-country').inputValue(), 'GR', 'typing a name picks the country');

    // Enter in a text field submits.
    await page.locator('#account-contact-lastName').focus();
    await page.keyboard.press('Enter');
    await machine(page, 'waiting-for-confirmation');
    await page.waitForFunction(() => document.getElementById('tc-confirm').open);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tc-confirm-yes', 'focus moves into the dialog');
    // Tab stays inside the modal dialog.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tc-confirm-no');
    // Escape is "no": back to editing, focus back in the form, nothing stored.
    await page.keyboard.press('Escape');
    await machine(page, 'editing');
    assert.equal(await page.evaluate(() => document.getElementById('tc-confirm').open), false);
    const back = await page.evaluate(() => document.activeElement.id);
    assert.equal(back, 'tc-submit', 'focus returns to the form when the dialog closes');
    assert.equal((await storedAccounts(server)).length, 0);

    // Again, and "yes" by keyboard.
    await page.keyboard.press('Enter');
    await machine(page, 'waiting-for-confirmation');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tc-confirm-yes');
    await page.keyboard.press('Enter');
    await machine(page, 'done');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tc-submit');
    await assertStoredOnce(server);
  });
});

test('19. a ZIP that does not match the state shows beside the postcode as the state is edited, and clears', async () => {
  await withSession(browser, {}, async ({ page }) => {
    await page.locator('#account-billingAddress-country').selectOption('US');
    const postcode = page.locator('#account-billingAddress-postalCode');
    await postcode.fill('98052');
    await postcode.blur();
    assert.equal((await fieldState(page, 'account-billingAddress-postalCode')).invalid, null);
    // Only the state is edited: the postcode's message follows.
    const state = page.locator('#account-billingAddress-state-list');
    await state.selectOption('CA');
    await page.waitForFunction(() => document.getElementById('account-billingAddress-postalCode-msg').textContent !== '');
    let st = await fieldState(page, 'account-billingAddress-postalCode');
    assert.equal(st.invalid, 'true');
    assert.match(st.message, /98052 belongs to .*WA.*, not CA/, st.message);
    assert.equal(await state.getAttribute('aria-invalid'), null);
    await state.selectOption('WA');
    await page.waitForFunction(() => document.getElementById('account-billingAddress-postalCode-msg').textContent === '');
    st = await fieldState(page, 'account-billingAddress-postalCode');
    assert.equal(st.invalid, null);
  });
});

test('20. with local storage blocked the form still binds, shows errors and submits (no draft, no queue)', async () => {
  await withSession(browser, { open: false }, async (s) => {
    await s.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    const page = await s.open(); // waits for the form to bind (the submit button enabled)
    assert.equal(await page.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError');
    const email = page.locator('#account-email');
    await email.fill('it@contoso');
    await page.waitForFunction(() => document.getElementById('account-email-msg').textContent.trim() !== '');
    assert.equal((await fieldState(page, 'account-email')).invalid, 'true');
    await fill(page, validValues({ 'syncOptions-resellerMpnId': '1234567' }));
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    await assertStoredOnce(s.server);
  });
});
