// Submitting against the real stand-in server: success, every 409 and 422 of api.md shown where it belongs, the
// configuration the server takes from its own settings, retries with one idempotency key.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  api, assertStoredOnce, fieldState, fill, freshPrefix, launch, machine, queue, storedAccounts, submitAndWait, SUGGESTED_US,
  syncOptions, validValues, withSession,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** PUTs from inside the page (same origin, with the page's CSRF token), bypassing the form's own checks. */
async function pagePut(page, account, record, query = '') {
  return page.evaluate(async ({ account, record, query }) => {
    const token = document.querySelector('meta[name="csrf-token"]').content;
    const res = await fetch(`/api/Accounts/${account}/syncoptions/MicrosoftCloudServices${query}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token, 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(record),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, { account, record, query });
}

/** The record the form would send for validValues() (request.md's shape). */
function record(over = {}) {
  return {
    cspModel: 'indirectProvider',
    syncOptions: { username: 'admin', domainPrefix: `api${Date.now() % 100000}`, resellerMpnId: '' },
    account: {
      companyName: 'Contoso Ltd', contact: { firstName: 'Ada', lastName: 'Lovelace' }, email: 'it@contoso.com',
      phone: '+30 210 123 4567', registrationNumber: '', isSubCustomerOfReseller: false,
      billingAddress: { country: 'GR', addressLine1: 'Leof. Kifisias 1', addressLine2: '', city: 'Athens', state: '', postalCode: '106 82' },
    },
    resellerBillingAddress: null, partnerDomain: 'partner.example', markets: null, domainSuffix: null,
    ...over,
  };
}

test('3. a valid form is submitted: success shown, the account stored', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    const values = validValues({ 'syncOptions-resellerMpnId': '1234567' });
    await fill(page, values);
    await submitAndWait(page, 'done');
    assert.match(await page.locator('#tc-status-text').textContent(), /Done/);
    assert.equal(await page.locator('#tc-status').getAttribute('data-state'), 'done');
    const stored = await syncOptions(server, 1001);
    assert.equal(stored.status, 200, stored.text);
    const text = JSON.stringify(stored.json);
    for (const v of [values['syncOptions-domainPrefix'], 'Contoso Ltd', 'it@contoso.com', '1234567', '106 82']) {
      assert.ok(text.includes(v), `${v} in ${text}`);
    }
    await assertStoredOnce(server);
    assert.equal((await syncOptions(server, 1002)).status, 404);
  });
});

test('5. a domain taken under another CSP: message on the domain field, nothing stored', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    await fill(page, validValues({ 'syncOptions-domainPrefix': 'fabrikamtaken' }));
    await submitAndWait(page, 'editing');
    const st = await fieldState(page, 'syncOptions-domainPrefix');
    assert.equal(st.invalid, 'true');
    assert.match(st.message, /different CSP/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'syncOptions-domainPrefix');
    assert.equal((await syncOptions(server, 1001)).status, 404);
    assert.equal((await storedAccounts(server)).length, 0);
    // The user picks another prefix: the message goes, and the retry synchronizes.
    const other = freshPrefix('fabrikam');
    await page.locator('#syncOptions-domainPrefix').fill(other);
    await page.waitForFunction(() => document.getElementById('syncOptions-domainPrefix-msg').textContent === '');
    assert.equal((await fieldState(page, 'syncOptions-domainPrefix')).invalid, null);
    await submitAndWait(page, 'done');
    assert.equal((await syncOptions(server, 1001)).json.record.syncOptions.domainPrefix, other);
    await assertStoredOnce(server);
  });
});

for (const [prefix, question] of [['linkedtenant', /already exists in BSS/], ['existingcustomer', /already exists in\s+Microsoft Partner Center/]]) {
  test(`6. ${prefix}: the confirmation answered yes synchronizes the account`, async () => {
    await withSession(browser, {}, async ({ page, server }) => {
      await fill(page, validValues({ 'syncOptions-domainPrefix': prefix }));
      await submitAndWait(page, 'waiting-for-confirmation');
      assert.ok(await page.locator('#tc-confirm').isVisible());
      assert.match(await page.locator('#tc-confirm-text').textContent(), question);
      assert.equal((await storedAccounts(server)).length, 0, 'nothing stored before the answer');
      await page.locator('#tc-confirm-yes').click();
      await machine(page, 'done');
      assert.equal(await page.locator('#tc-confirm').isVisible(), false);
      assert.equal((await syncOptions(server, 1001)).status, 200);
      await assertStoredOnce(server);
    });
  });
  test(`6. ${prefix}: the confirmation answered no goes back to editing, input kept, nothing stored`, async () => {
    await withSession(browser, {}, async ({ page, server }) => {
      const values = validValues({ 'syncOptions-domainPrefix': prefix });
      await fill(page, values);
      await submitAndWait(page, 'waiting-for-confirmation');
      // What was sent: the typed values as the form normalized them on submit (the phone in E.164).
      const sent = {};
      for (const id of Object.keys(values)) sent[id] = await page.locator(`#${id}`).inputValue();
      assert.equal(sent['account-phone'], '+302101234567');
      await page.locator('#tc-confirm-no').click();
      await machine(page, 'editing');
      assert.equal(await page.locator('#tc-confirm').isVisible(), false);
      assert.match(await page.locator('#tc-status-text').textContent(), /entries are kept/);
      for (const [id, v] of Object.entries(sent)) {
        assert.equal(await page.locator(`#${id}`).inputValue(), v, id);
        if (id !== 'account-phone') assert.equal(v, values[id], id);
      }
      assert.equal((await syncOptions(server, 1001)).status, 404);
      assert.equal((await storedAccounts(server)).length, 0);
    });
  });
}

test('5. a synced account keeps its domain: another prefix is refused beside the field, no second tenant', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    const values = validValues();
    const first = values['syncOptions-domainPrefix'];
    await fill(page, values);
    await submitAndWait(page, 'done');
    // The user changes the prefix and submits again: the stand-in refuses (409 account_already_synced).
    const other = freshPrefix('fabrikam');
    await page.locator('#syncOptions-domainPrefix').fill(other);
    await submitAndWait(page, 'editing');
    const st = await fieldState(page, 'syncOptions-domainPrefix');
    assert.equal(st.invalid, 'true');
    assert.match(st.message, new RegExp(`already synced with ${first}\\.onmicrosoft\\.com`));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'syncOptions-domainPrefix');
    const stored = await syncOptions(server, 1001);
    assert.equal(stored.json.record.syncOptions.domainPrefix, first);
    await assertStoredOnce(server);
    // Back to the synced domain: the account is updated.
    await page.locator('#syncOptions-domainPrefix').fill(first);
    await submitAndWait(page, 'done');
    assert.equal((await storedAccounts(server)).length, 1);
  });
});

test('6. bothexisting: two questions in turn, both yes, one account', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    const urls = [];
    page.on('request', (r) => r.method() === 'PUT' && urls.push(new URL(r.url()).search));
    await fill(page, validValues({ 'syncOptions-domainPrefix': 'bothexisting' }));
    await submitAndWait(page, 'waiting-for-confirmation');
    await page.locator('#tc-confirm-yes').click();
    await page.waitForFunction(() => /Partner Center/.test(document.getElementById('tc-confirm-text').textContent)
      && document.getElementById('tc-status').dataset.machine === 'waiting-for-confirmation');
    await page.locator('#tc-confirm-yes').click();
    await machine(page, 'done');
    assert.deepEqual(urls, ['', '?confirm=existingBssAccount', '?confirm=existingBssAccount&confirm=existingPartnerCustomer']);
    await assertStoredOnce(server);
  });
});

test('7. no delegated access: the invitation link is shown, nothing stored', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    await fill(page, validValues({ 'syncOptions-domainPrefix': 'nodelegation' }));
    await submitAndWait(page, 'failed');
    assert.ok(await page.locator('#tc-invitation-row').isVisible());
    const href = await page.locator('#tc-invitation').getAttribute('href');
    assert.match(href, /^https:\/\//);
    assert.equal(await page.locator('#tc-invitation').textContent(), href);
    assert.match(await page.locator('#tc-status-text').textContent(), /delegated administration/);
    assert.equal((await storedAccounts(server)).length, 0);
  });
});

test('8. an address suggestion is taken with one click, then the submission succeeds with the ZIP+4', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    await fill(page, validValues(SUGGESTED_US));
    await submitAndWait(page, 'editing');
    const box = page.locator('#tc-suggestion');
    assert.ok(await box.isVisible());
    assert.match(await page.locator('#tc-suggestion-text').textContent(), /98052-6399/);
    assert.equal((await storedAccounts(server)).length, 0);
    await page.locator('#tc-suggestion-use').click();
    assert.equal(await page.locator('#account-billingAddress-postalCode').inputValue(), '98052-6399');
    assert.equal(await box.isVisible(), false);
    await submitAndWait(page, 'done');
    const stored = await syncOptions(server, 1001);
    assert.equal(stored.status, 200);
    assert.ok(JSON.stringify(stored.json).includes('98052-6399'), stored.text);
    await assertStoredOnce(server);
  });
});

for (const [mpn, reason] of [['1111111', /indirect reseller|800016/i], ['2222222', /Partner Agreement|MPA|900123/i]]) {
  test(`9. a Partner Center rejection of MPN ${mpn} is shown on the reseller field`, async () => {
    await withSession(browser, {}, async ({ page, server }) => {
      await fill(page, validValues({ 'syncOptions-resellerMpnId': mpn }));
      await submitAndWait(page, 'editing');
      const st = await fieldState(page, 'syncOptions-resellerMpnId');
      assert.equal(st.invalid, 'true');
      assert.match(st.message, reason);
      assert.match(await page.locator('#tc-status-text').textContent(), /rejected/);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'syncOptions-resellerMpnId');
      assert.equal((await storedAccounts(server)).length, 0);
      // Another reseller: accepted.
      await page.locator('#syncOptions-resellerMpnId').fill('7654321');
      await submitAndWait(page, 'done');
      assert.equal((await fieldState(page, 'syncOptions-resellerMpnId')).invalid, null);
      await assertStoredOnce(server);
    });
  });
}

test('10. the server takes the CSP model from its settings, not from the request body', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    // Account 1001 is indirectProvider: a body claiming "direct" with an MPN is provisioned as indirectProvider.
    const a = await pagePut(page, 1001, record({ cspModel: 'direct', syncOptions: { username: 'admin', domainPrefix: 'edited1001', resellerMpnId: '1234567' } }));
    assert.ok(a.status === 200 || a.status === 201, JSON.stringify(a));
    const stored = await syncOptions(server, 1001);
    assert.equal(stored.status, 200);
    assert.equal(stored.json.cspModel ?? stored.json.record?.cspModel, 'indirectProvider', stored.text);
    assert.ok(stored.text.includes('1234567'));
    // Account 1002 is direct: a body claiming indirectProvider to slip an MPN in is refused.
    const b = await pagePut(page, 1002, record({ cspModel: 'indirectProvider', syncOptions: { username: 'admin', domainPrefix: 'edited1002', resellerMpnId: '1234567' } }));
    assert.equal(b.status, 422, JSON.stringify(b));
    assert.equal(b.body.code, 'validation_failed');
    assert.ok(b.body.errors.some((e) => e.field === 'syncOptions.resellerMpnId' && e.code === 'reseller_mpn_id.not_available'), JSON.stringify(b.body));
    assert.equal((await syncOptions(server, 1002)).status, 404);
  });
});

test('11. a validation_failed 422 from the server is shown beside its field', async () => {
  // The form never sends what it considers invalid, so the request comes from its offline queue: a submission an
  // earlier visit (an older client with other rules) left in local storage is sent as stored when the page opens.
  // The server validates it with the core and answers 422 validation_failed; the form shows it beside the postcode.
  await withSession(browser, {}, async (s) => {
    const { page, server } = s;
    const body = record({ syncOptions: { username: 'admin', domainPrefix: 'queuedold', resellerMpnId: '' } });
    body.account.billingAddress.postalCode = '1068';
    await page.evaluate((body) => {
      localStorage.setItem('tenantcheck.queue', JSON.stringify({ items: [{
        key: 'e2e-old-client', url: '/api/Accounts/1001/syncoptions/MicrosoftCloudServices', body: JSON.stringify(body), confirms: [],
      }] }));
    }, body);
    const answers = [];
    page.on('response', (r) => r.request().method() === 'PUT' && answers.push(r.status()));
    await s.open(1001);
    await machine(page, 'editing');
    await page.waitForFunction(() => document.getElementById('account-billingAddress-postalCode-msg').textContent !== '');
    assert.deepEqual(answers, [422]);
    const st = await fieldState(page, 'account-billingAddress-postalCode');
    assert.equal(st.invalid, 'true');
    assert.match(st.message, /Greece|5 digits/);
    assert.match(await page.locator('#tc-status-text').textContent(), /server found problems/);
    assert.deepEqual(await queue(page), [], 'the old queue was moved into entries, and the answered one removed');
    assert.equal(await page.evaluate(() => localStorage.getItem('tenantcheck.queue')), null);
    assert.equal((await storedAccounts(server)).length, 0);
  });
});

test('11. a provisioning_rejected 422 (Partner Center: phone missing) is shown beside the phone', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    await fill(page, validValues({ 'account-companyName': 'Phoneless Ltd' }));
    await submitAndWait(page, 'editing');
    const st = await fieldState(page, 'account-phone');
    assert.equal(st.invalid, 'true');
    assert.ok(st.message.length > 0);
    assert.equal((await storedAccounts(server)).length, 0);
  });
});

test('11. Partner Center rejecting the email is shown beside the email', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    await fill(page, validValues({ 'account-email': 'it@rejected.example' }));
    await submitAndWait(page, 'editing');
    const st = await fieldState(page, 'account-email');
    assert.equal(st.invalid, 'true');
    assert.ok(st.message.length > 0);
    assert.equal((await storedAccounts(server)).length, 0);
  });
});

test('12. a server message containing markup is shown as literal text', async () => {
  await withSession(browser, {}, async ({ page }) => {
    await fill(page, validValues({ 'syncOptions-domainPrefix': 'markupmsg' }));
    await submitAndWait(page, 'editing');
    const st = await fieldState(page, 'account-companyName');
    assert.equal(st.invalid, 'true');
    assert.ok(st.message.includes('<img src=x onerror=alert(1)><b>bold</b>'), st.message);
    const created = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      bold: document.querySelectorAll('#account-companyName-msg b').length,
      children: [...document.querySelectorAll('#account-companyName-msg *')].map((e) => e.tagName),
    }));
    assert.deepEqual(created, { imgs: 0, bold: 0, children: ['SPAN'] });
  });
});

test('13. the server failing twice then succeeding: retried with one key, exactly one account', async () => {
  await withSession(browser, {}, async ({ page, server }) => {
    const r = await api(server, 'POST', '/__test/faults', { next: 2, status: 503 });
    assert.ok(r.status >= 200 && r.status < 300, r.text);
    const puts = [];
    page.on('request', (q) => q.method() === 'PUT' && puts.push(q.headers()['idempotency-key']));
    await fill(page, validValues());
    await page.locator('#tc-submit').click();
    await page.waitForFunction(() => /busy/.test(document.getElementById('tc-status-text').textContent));
    await machine(page, 'done');
    assert.equal(puts.length, 3, JSON.stringify(puts));
    assert.equal(new Set(puts).size, 1, 'every retry reuses the idempotency key');
    await assertStoredOnce(server);
  });
});
