// Faults on the way to the stand-in (issue 11): each case ends with "nothing typed lost, at most one account", also
// after a reload. Where the stand-in cannot make the fault itself, a small gateway on 127.0.0.1 stands in front of it
// (helpers.mjs `startGateway`); every success the page sees still comes from the real server. Short timeouts come
// from the form's own configuration (`data-timeout-ms`, `data-retry-base-ms`, `data-max-attempts`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  api, fill, freshPrefix, launch, machine, queue, startServer, storedAccounts, syncOptions, until, validValues, withSession,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FAST = { 'data-timeout-ms': '1500', 'data-retry-base-ms': '100', 'data-max-attempts': '3' };
// Requests the tests make fail on purpose are logged by the browser; those are what the tests provoke.
const PROVOKED = /ERR_INTERNET_DISCONNECTED|ERR_ABORTED|net::ERR|status of (303|403|429|502)/;
const PUT_URL = '/api/Accounts/1001/syncoptions/MicrosoftCloudServices';

const statusText = (page) => page.locator('#tc-status-text').textContent();
const PAGE_READY = '#tc-submit:not([disabled])';

/** The record a user types (request.md's customer part), as an old version of the host stored it. */
function customerRecord(domainPrefix, over = {}) {
  return {
    syncOptions: { username: 'admin', domainPrefix, resellerMpnId: '' },
    account: {
      companyName: 'Contoso Ltd', contact: { firstName: 'Ada', lastName: 'Lovelace' }, email: 'it@contoso.com',
      phone: '+302101234567', registrationNumber: '', isSubCustomerOfReseller: false,
      billingAddress: { country: 'GR', addressLine1: 'Leof. Kifisias 1', addressLine2: '', city: 'Athens', state: '', postalCode: '106 82' },
    },
    ...over,
  };
}

/**
 * "Nothing typed lost, at most one account", then the same after a reload: at most one account is stored, written
 * once; what the user typed is either in that account (its domain prefix and company) or still in the form, and a
 * reload sends nothing twice.
 */
async function nothingLost(s, page, values, account = 1001) {
  const check = async (when) => {
    const list = await storedAccounts(s.server);
    const mine = list.filter((a) => Number(a.accountId) === account);
    assert.ok(mine.length <= 1 && mine.every((a) => a.writes === 1), `${when}: at most one account: ${JSON.stringify(list)}`);
    if (mine.length === 1) {
      const stored = await syncOptions(s.server, account);
      assert.equal(stored.json.record.syncOptions.domainPrefix, values['syncOptions-domainPrefix'], when);
      assert.equal(stored.json.record.account.companyName, values['account-companyName'], when);
    } else {
      for (const id of ['syncOptions-domainPrefix', 'account-companyName', 'account-email']) {
        assert.equal(await page.locator(`#${id}`).inputValue(), values[id], `${when}: ${id} kept`);
      }
    }
  };
  await check('before the reload');
  await page.reload();
  await page.waitForSelector(PAGE_READY);
  await page.waitForFunction(() => document.getElementById('tc-status').dataset.machine !== 'sending', null, { timeout: 15_000 });
  await page.waitForTimeout(300);
  await check('after the reload');
}

/** The PUTs' idempotency keys the page sent. */
function watchPuts(page) {
  const keys = [];
  page.on('request', (r) => r.method() === 'PUT' && keys.push(r.headers()['idempotency-key']));
  return keys;
}

test('F1. a redirect to a login page is "not confirmed": draft and entry kept, sent once signed in again', async () => {
  await withSession(browser, { gateway: FAST }, async (s) => {
    const { page, gw, server } = s;
    gw.handle = async (req) => {
      if (req.method === 'PUT') return { status: 303, headers: { location: '/login' }, body: '' };
      if (req.url === '/login') return { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><h1>Sign in</h1>' };
      return null;
    };
    const values = validValues();
    await fill(page, values);
    await page.locator('#tc-submit').click();
    await machine(page, 'failed');
    assert.match(await statusText(page), /Not confirmed/);
    const q = await queue(page);
    assert.equal(q.length, 1, 'the entry stays');
    assert.ok(q[0].body.includes(values['syncOptions-domainPrefix']));
    assert.ok(await page.evaluate(() => localStorage.getItem('tenantcheck.draft.1001.MicrosoftCloudServices')), 'the draft stays');
    assert.equal((await storedAccounts(server)).length, 0);
    await nothingLost(s, page, values);
    // Still redirected after the reload (the entry was resent and again not confirmed); then the user signs in.
    await machine(page, 'failed');
    gw.handle = null;
    const keys = watchPuts(page);
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    assert.deepEqual(keys, [q[0].key], 'the same submission, the same key');
    assert.deepEqual(await queue(page), []);
    await nothingLost(s, page, values);
  }, PROVOKED);
});

test('F2. a request hanging past the timeout is aborted and retried with its key: one account', async () => {
  await withSession(browser, { gateway: FAST }, async (s) => {
    const { page, gw } = s;
    let n = 0;
    // The first PUT reaches the server (it commits), but its answer never comes back.
    gw.handle = async (req, _body, forward) => {
      if (req.method !== 'PUT' || n++ > 0) return null;
      await forward();
      return 'hang';
    };
    const values = validValues();
    await fill(page, values);
    const started = Date.now();
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    assert.ok(Date.now() - started >= 1400, 'aborted by the timeout, not before');
    assert.equal(gw.puts.length, 2);
    assert.equal(new Set(gw.puts.map((p) => p.key)).size, 1, 'the retry reuses the key');
    await nothingLost(s, page, values);
    assert.equal(gw.puts.length, 2, 'nothing sent again after the reload');
  }, PROVOKED);
});

test('F3. storage that throws on write only: the failure is shown, the form keeps what was typed, one account', async () => {
  await withSession(browser, { open: false }, async (s) => {
    await s.context.addInitScript(() => {
      Storage.prototype.setItem = function setItem() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    });
    const page = await s.open(1001);
    const values = validValues();
    await fill(page, values);
    // Offline first: the page must not claim the submission is saved on this device.
    await s.context.setOffline(true);
    await page.locator('#tc-submit').click();
    await machine(page, 'queued-offline');
    assert.match(await statusText(page), /could not save/);
    assert.match(await page.locator('#tc-notices [data-notice="storage"]').textContent(), /could not save.*QuotaExceeded|quota/i);
    for (const [id, v] of Object.entries(values)) {
      if (!id.includes('phone')) assert.equal(await page.locator(`#${id}`).inputValue(), v, id);
    }
    await s.context.setOffline(false);
    await machine(page, 'done');
    await nothingLost(s, page, values);
  }, PROVOKED);
});

test('F4. a corrupt queue entry is set aside (never overwritten, never sent); the form works', async () => {
  await withSession(browser, {}, async (s) => {
    const { page } = s;
    const corrupt = '{"key":"bad","url":"/api/Accounts/1001/sync';
    await page.evaluate((v) => localStorage.setItem('tenantcheck.queue.bad', v), corrupt);
    const keys = watchPuts(page);
    await page.reload();
    await page.waitForSelector(PAGE_READY);
    assert.match(await page.locator('#tc-notices [data-notice="quarantine"]').textContent(), /could not be read/);
    const stored = await page.evaluate(() => ({
      entry: localStorage.getItem('tenantcheck.queue.bad'), aside: localStorage.getItem('tenantcheck.quarantine.bad'),
    }));
    assert.deepEqual(stored, { entry: null, aside: corrupt });
    const values = validValues();
    await fill(page, values);
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    assert.equal(keys.length, 1);
    await nothingLost(s, page, values);
    assert.equal(await page.evaluate(() => localStorage.getItem('tenantcheck.quarantine.bad')), corrupt, 'still there, as it was');
    assert.equal(keys.length, 1);
  }, PROVOKED);
});

test('F5. a single-key queue left by the old version is migrated and sent once', async () => {
  await withSession(browser, {}, async (s) => {
    const { page } = s;
    const body = customerRecord(`old${Date.now() % 100000}`);
    // The old version kept the queue under one key, and the draft (what was typed) under its own key.
    const draft = { text: {
      'syncOptions.username': 'admin', 'syncOptions.domainPrefix': body.syncOptions.domainPrefix, 'account.companyName': 'Contoso Ltd',
      'account.email': 'it@contoso.com' }, subCustomer: false };
    await page.evaluate(({ body, url, draft }) => {
      localStorage.setItem('tenantcheck.queue', JSON.stringify({ items: [
        { key: 'e2e-old-version', url, body: JSON.stringify({ cspModel: 'indirectProvider', ...body }), confirms: [] }] }));
      localStorage.setItem('tenantcheck.draft.1001.MicrosoftCloudServices', JSON.stringify(draft));
    }, { body, url: PUT_URL, draft });
    const keys = watchPuts(page);
    await page.reload();
    await machine(page, 'done');
    assert.deepEqual(keys, ['e2e-old-version']);
    assert.equal(await page.evaluate(() => localStorage.getItem('tenantcheck.queue')), null, 'the old key is gone');
    assert.deepEqual(await queue(page), []);
    // The form shows what was typed (the old version's draft).
    assert.equal(await page.locator('#syncOptions-domainPrefix').inputValue(), body.syncOptions.domainPrefix);
    const values = { 'syncOptions-domainPrefix': body.syncOptions.domainPrefix, 'account-companyName': 'Contoso Ltd', 'account-email': 'it@contoso.com' };
    await nothingLost(s, page, values);
    assert.equal(keys.length, 1);
  });
});

test('F6. two tabs with queued entries coming online together: each entry sent once, by one tab', async () => {
  await withSession(browser, { open: false }, async (s) => {
    const a = await s.open(1001, await s.newPage());
    const b = await s.open(1002, await s.newPage());
    const aKeys = watchPuts(a);
    const bKeys = watchPuts(b);
    const va = validValues();
    const vb = validValues({ 'account-companyName': 'Fabrikam Ltd' });
    await fill(a, va);
    await fill(b, vb);
    await s.context.setOffline(true);
    await a.locator('#tc-submit').click();
    await machine(a, 'queued-offline');
    await b.locator('#tc-submit').click();
    await machine(b, 'queued-offline');
    assert.equal((await queue(a)).length, 2, 'both entries, one key each');
    await s.context.setOffline(false);
    await machine(a, 'done');
    await machine(b, 'done');
    await a.waitForTimeout(1000);
    const all = [...aKeys, ...bKeys];
    assert.equal(all.length, 2, `each entry sent once: ${JSON.stringify(all)}`);
    assert.equal(new Set(all).size, 2);
    assert.deepEqual(await queue(a), []);
    const list = await storedAccounts(s.server);
    assert.deepEqual(list.map((x) => [Number(x.accountId), x.writes]).sort(), [[1001, 1], [1002, 1]]);
    s.page = a;
    await nothingLost(s, a, va, 1001);
    s.page = b;
    await nothingLost(s, b, vb, 1002);
  }, /ERR_INTERNET_DISCONNECTED/);
});

test('F7. 429 with Retry-After (seconds) is honoured: the retry waits for it, one account', async () => {
  await withSession(browser, { gateway: FAST }, async (s) => {
    const { page, gw } = s;
    let n = 0;
    const tooMany = (after) => ({ status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': after }, body: '{"code":"rate_limited"}' });
    gw.handle = async (req) => (req.method === 'PUT' && n++ === 0 ? tooMany('2') : null);
    const values = validValues();
    await fill(page, values);
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    assert.equal(gw.puts.length, 2);
    assert.ok(gw.puts[1].at - gw.puts[0].at >= 1900, `waited ${gw.puts[1].at - gw.puts[0].at} ms`);
    await nothingLost(s, page, values);
  }, PROVOKED);
});

test('F7. 408 (the server timed the request out) is retried like 429, Retry-After honoured, the same key', async () => {
  await withSession(browser, { gateway: FAST }, async (s) => {
    const { page, gw } = s;
    let first = null;
    const timedOut = { status: 408, headers: { 'content-type': 'application/problem+json', 'retry-after': '1' }, body: '{"code":"request_timeout"}' };
    // Chromium itself resends a request answered 408 on a reused connection, at once (twice): every PUT of the first
    // half second is answered 408, so the page gets one; its retry, a second later, succeeds.
    gw.handle = async (req) => {
      if (req.method !== 'PUT') return null;
      first ??= Date.now();
      return Date.now() - first < 500 ? timedOut : null;
    };
    const values = validValues();
    await fill(page, values);
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    const puts = gw.puts;
    assert.ok(puts.length >= 2 && puts.every((p) => p.key === puts[0].key), `one key: ${JSON.stringify(puts)}`);
    const waited = puts.at(-1).at - puts.at(-2).at;
    assert.ok(waited >= 900, `the retry waited for Retry-After: ${waited} ms`);
    await nothingLost(s, page, values);
  }, /status of 408/);
});

test('F7. changes typed while a submission is sent: its success keeps them in the draft and says so', async () => {
  await withSession(browser, { gateway: FAST }, async (s) => {
    const { page, gw } = s;
    let release;
    const edited = new Promise((ok) => { release = ok; });
    gw.handle = async (req, _body, forward) => (req.method === 'PUT' ? (await edited, forward()) : null);
    const values = validValues();
    await fill(page, values);
    await page.locator('#tc-submit').click();
    await machine(page, 'sending');
    await fill(page, { 'account-companyName': 'Contoso Two' });
    const draft = () => page.evaluate(() => localStorage.getItem('tenantcheck.draft.1001.MicrosoftCloudServices'));
    await until(async () => (await draft())?.includes('Contoso Two'), 'the edit in the draft');
    release();
    await machine(page, 'done');
    assert.match(await statusText(page), /later changes are not synchronized/);
    assert.ok((await draft())?.includes('Contoso Two'), 'the later changes stay in the draft');
    assert.equal(await page.locator('#account-companyName').inputValue(), 'Contoso Two');
    const stored = await syncOptions(s.server, 1001);
    assert.equal(stored.json.record.account.companyName, values['account-companyName'], 'the earlier record was sent');
  });
});

test('F7. 429 with Retry-After beyond the 10-minute cap (an HTTP date): shown unavailable, entry kept, resubmit', async () => {
  await withSession(browser, { gateway: FAST }, async (s) => {
    const { page, gw } = s;
    const tooMany = (after) => ({ status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': after }, body: '{"code":"rate_limited"}' });
    const later = validValues();
    await fill(page, later);
    gw.handle = async (req) => (req.method === 'PUT' ? tooMany(new Date(Date.now() + 3600_000).toUTCString()) : null);
    const before = gw.puts.length;
    await page.locator('#tc-submit').click();
    await machine(page, 'failed');
    assert.match(await statusText(page), /unavailable/);
    assert.equal(gw.puts.length, before + 1, 'no retry before the cap');
    assert.equal((await queue(page)).length, 1, 'the entry is kept');
    gw.handle = null;
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    assert.equal(gw.puts.at(-1).key, gw.puts.at(-2).key, 'the same submission, the same key');
    await nothingLost(s, page, later);
  }, PROVOKED);
});

test('F7. a resubmit cancels the retry scheduled for the cap: the cap passing while it is sent sends nothing more', async () => {
  // Fetches may take 15 minutes here, so that only the retry timer can fire when the clock jumps 10.5 minutes.
  await withSession(browser, { gateway: { ...FAST, 'data-timeout-ms': '900000' }, open: false }, async (s) => {
    await s.context.clock.install();
    const page = await s.open();
    const { gw } = s;
    const values = validValues();
    await fill(page, values);
    gw.handle = async (req) => (req.method === 'PUT'
      ? { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '3600' }, body: '{"code":"rate_limited"}' }
      : null);
    const before = gw.puts.length;
    await page.locator('#tc-submit').click();
    await machine(page, 'failed');
    assert.match(await statusText(page), /unavailable/);
    // A retry is now scheduled for the cap (10 minutes). The user submits again; that request is held in flight.
    let release;
    const held = new Promise((ok) => { release = ok; });
    gw.handle = async (req, _body, forward) => (req.method === 'PUT' ? (await held, forward()) : null);
    await page.locator('#tc-submit').click();
    await until(() => gw.puts.length === before + 2, 'the resubmit reached the gateway');
    // The cap passes while it is in flight. A retry timer left running would send the request again (after the one in
    // flight, which holds the key's lock).
    await page.clock.fastForward('10:30');
    await page.waitForTimeout(300);
    release();
    await machine(page, 'done');
    await page.waitForTimeout(1000);
    assert.equal(gw.puts.length, before + 2, 'the retry timer of the first try was cancelled by the resubmit');
    assert.equal(new Set(gw.puts.slice(before).map((p) => p.key)).size, 1, 'one submission, one key');
    await nothingLost(s, page, values);
  }, PROVOKED);
});

test('F8. retries used up (a 502 after each commit), then a resubmit: the stored answer, one account', async () => {
  await withSession(browser, { gateway: FAST }, async (s) => {
    const { page, gw, server } = s;
    gw.handle = async (req, _body, forward) => {
      if (req.method !== 'PUT') return null;
      await forward();
      return { status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad gateway</h1>' };
    };
    const values = validValues();
    await fill(page, values);
    await page.locator('#tc-submit').click();
    await machine(page, 'failed');
    assert.match(await statusText(page), /unavailable/);
    assert.equal(gw.puts.length, 3, 'data-max-attempts');
    assert.equal(new Set(gw.puts.map((p) => p.key)).size, 1);
    assert.equal((await queue(page)).length, 1, 'the entry is kept');
    assert.equal((await storedAccounts(server))[0]?.writes, 1, 'committed once, replayed since');
    gw.handle = null;
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    assert.equal(gw.puts.at(-1).key, gw.puts[0].key);
    await nothingLost(s, page, values);
  }, PROVOKED);
});

test('F9. a stale token after a server restart is read again and the request retried once, same key', async () => {
  await withSession(browser, {}, async (s) => {
    const { page } = s;
    const values = validValues();
    await fill(page, values);
    const { port, dir } = s.server;
    await s.server.stop({ keep: true });
    s.server = await startServer({ port, dir });
    const keys = watchPuts(page);
    const answers = [];
    page.on('response', (r) => r.request().method() === 'PUT' && answers.push(r.status()));
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    assert.equal(keys.length, 2);
    assert.equal(new Set(keys).size, 1);
    assert.equal(answers[0], 403);
    await nothingLost(s, page, values);
  }, PROVOKED);
});

/** Puts a queued entry of account 1002 (with what its user typed) into local storage, and that form's draft. */
async function queueOther(page, prefix, draftPrefix) {
  const url = '/api/Accounts/1002/syncoptions/MicrosoftCloudServices';
  const body = JSON.stringify(customerRecord(prefix));
  const typed = (p) => ({ text: { 'syncOptions.username': 'admin', 'syncOptions.domainPrefix': p,
    'account.companyName': 'Contoso Ltd', 'account.email': 'it@contoso.com' }, subCustomer: false });
  await page.evaluate(({ body, url, values, draft, key }) => {
    localStorage.setItem(`tenantcheck.queue.${key}`, JSON.stringify(
      { key, url, body, confirms: [], accountId: '1002', createdMs: Date.now(), values }));
    localStorage.setItem('tenantcheck.draft.1002.MicrosoftCloudServices', JSON.stringify(draft));
  }, { body, url, values: typed(prefix), draft: typed(draftPrefix), key: `e2e-${prefix}` });
}

const otherDraft = (page) => page.evaluate(() => localStorage.getItem('tenantcheck.draft.1002.MicrosoftCloudServices'));

test("F10. another account's queued entry synchronized: its draft goes when it is what was sent, else it stays", async () => {
  await withSession(browser, {}, async (s) => {
    const { page } = s;
    const note = page.locator('#tc-notices [data-notice="account-1002"]');
    // One domain for both rounds: account 1002 keeps the tenant it was synced with (409 account_already_synced else).
    const prefix = freshPrefix('other');
    for (const [edited, kept] of [[false, false], [true, true]]) {
      await queueOther(page, prefix, edited ? `${prefix}x` : prefix);
      await page.reload();
      await page.waitForSelector(PAGE_READY);
      await note.waitFor();
      assert.match(await note.textContent(), /1002 was synchronized/);
      assert.deepEqual(await queue(page), []);
      assert.equal((await otherDraft(page)) !== null, kept, `edited ${edited}: draft kept ${kept}`);
      await page.evaluate(() => localStorage.clear());
    }
  });
});

test("F10. another account's queued entry not confirmed (a login page): it stays queued and the user is told", async () => {
  await withSession(browser, { gateway: {} }, async (s) => {
    const { page, gw } = s;
    gw.handle = async (req) => (req.method === 'PUT' && req.url.includes('/Accounts/1002/')
      ? { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Sign in</title>' } : null);
    const prefix = freshPrefix('other');
    await queueOther(page, prefix, prefix);
    await page.reload();
    await page.waitForSelector(PAGE_READY);
    const note = page.locator('#tc-notices [data-notice="account-1002"]');
    await note.waitFor();
    assert.match(await note.textContent(), /1002.*did not confirm/);
    const q = await queue(page);
    assert.equal(q.length, 1, 'still queued');
    assert.equal(q[0].held, undefined, 'not held: resent at the next start');
    assert.notEqual(await otherDraft(page), null, 'its draft stays');
  });
});

test("F10. another account's queued entry meeting a confirmation question stays queued, with a link to its form", async () => {
  await withSession(browser, {}, async (s) => {
    const { page, server } = s;
    const other = '/api/Accounts/1002/syncoptions/MicrosoftCloudServices';
    const body = JSON.stringify(customerRecord('linkedtenant'));
    // What the user typed in account 1002's form, kept in the entry (its draft is gone).
    const values = { text: { 'syncOptions.username': 'admin', 'syncOptions.domainPrefix': 'linkedtenant',
      'account.companyName': 'Contoso Ltd', 'account.email': 'it@contoso.com' }, subCustomer: false };
    await page.evaluate(({ body, url, values }) => localStorage.setItem('tenantcheck.queue.e2e-other', JSON.stringify(
      { key: 'e2e-other', url, body, confirms: [], accountId: '1002', createdMs: Date.now(), values })), { body, url: other, values });
    const keys = watchPuts(page);
    await page.reload();
    await page.waitForSelector(PAGE_READY);
    const note = page.locator('#tc-notices [data-notice="account-1002"]');
    await note.waitFor();
    assert.match(await note.textContent(), /1002.*confirmation/);
    assert.equal(await note.locator('a').getAttribute('href'), '/?account=1002');
    assert.deepEqual(keys, ['e2e-other']);
    const q = await queue(page);
    assert.equal(q.length, 1, 'still queued');
    assert.equal(q[0].body, body, 'unchanged');
    assert.equal((await storedAccounts(server)).length, 0);
    // This form's own state is untouched, and a reload does not send the held entry again.
    assert.ok([null, 'editing'].includes(await page.locator('#tc-status').getAttribute('data-machine')));
    await page.reload();
    await page.waitForSelector(PAGE_READY);
    await page.waitForTimeout(500);
    assert.deepEqual(keys, ['e2e-other']);
    // Its own form asks the question; yes synchronizes it.
    await Promise.all([page.waitForURL(/account=1002/), note.locator('a').click()]);
    await page.waitForSelector(PAGE_READY);
    await machine(page, 'waiting-for-confirmation');
    assert.equal(await page.locator('#syncOptions-domainPrefix').inputValue(), 'linkedtenant');
    await page.locator('#tc-confirm-yes').click();
    await machine(page, 'done');
    assert.deepEqual(await queue(page), []);
    const list = await storedAccounts(server);
    assert.deepEqual(list.map((x) => [Number(x.accountId), x.writes]), [[1002, 1]]);
    await nothingLost(s, page, { 'syncOptions-domainPrefix': 'linkedtenant', 'account-companyName': 'Contoso Ltd', 'account-email': 'it@contoso.com' }, 1002);
  }, PROVOKED);
});

test('F11. the body holds the customer data only, never the partner configuration', async () => {
  await withSession(browser, { gateway: FAST }, async (s) => {
    const { page, gw } = s;
    let sent = null;
    gw.handle = async (req, body) => { if (req.method === 'PUT') sent = JSON.parse(String(body)); return null; };
    const values = validValues();
    await fill(page, values);
    await page.locator('#tc-submit').click();
    await machine(page, 'done');
    assert.deepEqual(Object.keys(sent).sort(), ['account', 'syncOptions']);
    assert.equal(sent.syncOptions.domainPrefix, values['syncOptions-domainPrefix']);
    const r = await api(s.server, 'GET', '/__test/accounts');
    assert.equal(r.json.count, 1);
    await until(async () => (await syncOptions(s.server, 1001)).status === 200, 'the stored account');
  });
});
