// Offline: a submission made without a network is queued in local storage and sent exactly once when the browser is
// back online, also when the page that queued it was closed and the form is opened again later.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertStoredOnce, fill, launch, machine, queue, storedAccounts, syncOptions, until, validValues, withSession } from './helpers.mjs';

let browser;
// Offline, the browser logs the requests that could not be made; anything else is a problem.
const OFFLINE = /ERR_INTERNET_DISCONNECTED/;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('14. offline then online: queued, then sent exactly once', async () => {
  await withSession(browser, {}, async ({ page, server, context }) => {
    const puts = [];
    page.on('request', (r) => r.method() === 'PUT' && puts.push(r.headers()['idempotency-key']));
    const values = validValues();
    await fill(page, values);
    await context.setOffline(true);
    await page.locator('#tc-submit').click();
    await machine(page, 'queued-offline');
    assert.match(await page.locator('#tc-status-text').textContent(), /offline/i);
    const q = await queue(page);
    assert.equal(q.length, 1);
    assert.match(q[0].url, /\/api\/Accounts\/1001\/syncoptions\/MicrosoftCloudServices$/);
    assert.ok(q[0].body.includes(values['syncOptions-domainPrefix']));
    assert.equal((await storedAccounts(server)).length, 0);

    await context.setOffline(false);
    await machine(page, 'done');
    assert.deepEqual(await queue(page), []);
    // Give a duplicate the time to show up, then count.
    await page.waitForTimeout(1000);
    assert.equal(puts.length, 1, `one PUT reached the network: ${JSON.stringify(puts)}`);
    await assertStoredOnce(server);
    assert.equal((await syncOptions(server, 1001)).status, 200);
  }, OFFLINE);
});

test('15. a queue left by a closed page is sent exactly once when the form is opened again', async () => {
  await withSession(browser, {}, async (s) => {
    const { page, server, context } = s;
    await fill(page, validValues());
    await context.setOffline(true);
    await page.locator('#tc-submit').click();
    await machine(page, 'queued-offline');
    assert.equal((await queue(page)).length, 1);
    await page.close();
    s.page = null;
    assert.equal((await storedAccounts(server)).length, 0);

    await context.setOffline(false);
    const again = await s.newPage();
    const puts = [];
    again.on('request', (r) => r.method() === 'PUT' && puts.push(r.headers()['idempotency-key']));
    await s.open(1001, again);
    await machine(again, 'done');
    assert.deepEqual(await queue(again), []);
    // A second open of the page sends nothing more.
    await s.open(1001, again);
    await again.waitForTimeout(1000);
    assert.equal(puts.length, 1, JSON.stringify(puts));
    await assertStoredOnce(server);
    assert.equal(await until(async () => (await syncOptions(server, 1001)).status === 200, 'the stored account'), true);
  }, OFFLINE);
});
