// Shared pieces of the end-to-end tests: the stand-in server (`tenantcheck serve`, the release binary, on 127.0.0.1
// with a fresh SQLite file and its test hooks), Debian's headless Chromium driven by playwright-core (never a
// downloaded browser), and the form's hooks (`#tc-status[data-machine]`, field ids from web/src/fields.rs).
// Nothing here fakes an answer: every response the page sees comes from the real server.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(ROOT, 'tools', 'x.js'));
export const { chromium } = require('playwright-core');
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** The server binary: the release build, or TENANTCHECK_BIN (e.g. a debug build). */
export const BIN = process.env.TENANTCHECK_BIN ?? join(ROOT, 'target', 'release', 'tenantcheck');

export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

/** The CSP model each stand-in account is configured with (served at `/?account=N`). */
export const MODELS = { 1001: 'indirectProvider', 1002: 'direct', 1003: 'indirectCountryTenant', 1004: 'tenantReseller' };

/**
 * Starts `tenantcheck serve --port PORT --db TMP --root ROOT --test-hooks`, resolves once it printed its address.
 * Returns { url, port, dir, stop({ keep }), stderr() }; stop() kills exactly this child and removes its temporary folder
 * (not with `keep`: a restart on the same port and database passes `{ port, dir }` of the first).
 */
export async function startServer({ port = 0, dir = null } = {}) {
  dir ??= mkdtempSync(join(tmpdir(), 'tc-e2e-'));
  const child = spawn(BIN, ['serve', '--port', String(port), '--db', join(dir, 'tc.db'), '--root', ROOT, '--test-hooks'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => { err = (err + d).slice(-4000); });
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`tenantcheck serve printed no address in 15 s\n${err}`)), 15_000);
    child.once('error', (e) => { clearTimeout(timer); fail(e); });
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`tenantcheck serve exited (${code})\n${err}`)); });
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const m = line.match(/^listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) ok(m[1]); else fail(new Error(`unexpected first line: ${line}`));
    });
  });
  child.stdout.resume();
  const stop = async ({ keep = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((ok) => setTimeout(ok, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  return { url, port: Number(new URL(url).port), dir, stop, stderr: () => err };
}

/** The CSRF token of the server's page (`<meta name="csrf-token">`), as a page would send it. */
export async function csrfToken(server) {
  const html = await (await fetch(server.url)).text();
  return html.match(/<meta name="csrf-token" content="([^"]*)"/)?.[1] ?? '';
}

/** A JSON request to the server from Node (127.0.0.1 only); a request that changes something carries the token. */
export async function api(server, method, path, body) {
  const headers = body === undefined ? {} : { 'content-type': 'application/json' };
  if (!['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] = await csrfToken(server);
  const res = await fetch(new URL(path, server.url), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: res.status, json, text };
}

/** The accounts the server stored (test hook), as an array. */
export async function storedAccounts(server) {
  const r = await api(server, 'GET', '/__test/accounts');
  if (r.status !== 200) throw new Error(`GET /__test/accounts: ${r.status} ${r.text}`);
  const list = Array.isArray(r.json) ? r.json : (r.json?.accounts ?? Object.values(r.json ?? {}));
  return list;
}

/** The stored sync options of an account: { status, json }. */
export const syncOptions = (server, id) => api(server, 'GET', `/api/Accounts/${id}/syncoptions/MicrosoftCloudServices`);

/**
 * One browser for a test file; `session()` gives a fresh server, context and page per test, with the page's errors
 * collected (a CSP violation or an uncaught exception fails the test in `close()`).
 */
export async function launch() {
  return chromium.launch(LAUNCH);
}

export async function session(browser, { account = 1001, contextOptions = {}, open = true, gateway = null } = {}) {
  const server = await startServer();
  // With `gateway` (the form's data-* attributes), pages are opened through a gateway in front of the server.
  const gw = gateway ? await startGateway(server.url, gateway) : null;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const problems = [];
  // Only 127.0.0.1: a request anywhere else is a bug in the page (it loads no external resources). Watched, not
  // intercepted: no request of these tests is routed or answered by the test.
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'about:' && u.hostname !== '127.0.0.1') problems.push(`request to ${r.url()}`);
  });
  const s = {
    server, gw, context, problems, page: null,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
      page.on('console', (m) => {
        // The browser logs every non-2xx answer as a failed resource; those answers are what the tests provoke.
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      page.on('dialog', (d) => { problems.push(`unexpected JS dialog: ${d.message()}`); d.dismiss(); });
      return page;
    },
    async open(acc = account, page) {
      page ??= s.page ?? await s.newPage();
      s.page = page;
      await page.goto(new URL(`/?account=${acc}`, gw?.url ?? s.server.url).href);
      await page.waitForSelector('#tc-submit:not([disabled])', { timeout: 15_000 });
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await gw?.close();
      await s.server.stop();
    },
  };
  if (open) await s.open(account);
  return s;
}

/**
 * Runs `fn` with a fresh session (server, context, page), then requires that the page logged no error, broke no CSP
 * rule and asked no host but 127.0.0.1 (`allowed` filters problems a test provokes on purpose), and closes it all.
 */
export async function withSession(browser, opts, fn, allowed = null) {
  const s = await session(browser, opts);
  try {
    await fn(s);
    const problems = allowed ? s.problems.filter((p) => !allowed.test(p)) : s.problems;
    if (problems.length) throw new Error(`problems in the page:\n${problems.join('\n')}`);
  } finally {
    await s.close();
  }
}

/** A domain prefix no seed uses. */
let n = 0;
export const freshPrefix = (stem = 'contoso') => `${stem}${process.pid % 1000}${++n}${Date.now() % 10000}`;

/** A valid record for the form (Greece), by element id. Override any field. */
export function validValues(over = {}) {
  return {
    'syncOptions-username': 'admin',
    'syncOptions-domainPrefix': freshPrefix(),
    'account-companyName': 'Contoso Ltd',
    'account-contact-firstName': 'Ada',
    'account-contact-lastName': 'Lovelace',
    'account-email': 'it@contoso.com',
    'account-phone': '+30 210 123 4567',
    'account-billingAddress-country': 'GR',
    'account-billingAddress-addressLine1': 'Leof. Kifisias 1',
    'account-billingAddress-city': 'Athens',
    'account-billingAddress-postalCode': '106 82',
    ...over,
  };
}

/** The US address the stand-in answers with a ZIP+4 suggestion. */
export const SUGGESTED_US = {
  'account-phone': '+1 425 882 8080',
  'account-billingAddress-country': 'US',
  'account-billingAddress-addressLine1': '1 Microsoft Way',
  'account-billingAddress-city': 'Redmond',
  'account-billingAddress-state-list': 'WA',
  'account-billingAddress-postalCode': '98052',
};

/** Fills the form: the country first (it switches the state control), selects by value, text by typing. */
export async function fill(page, values) {
  const entries = Object.entries(values);
  entries.sort(([a], [b]) => (b === 'account-billingAddress-country') - (a === 'account-billingAddress-country'));
  for (const [id, value] of entries) {
    const el = page.locator(`#${id}`);
    const tag = await el.evaluate((e) => e.tagName);
    if (tag === 'SELECT') await el.selectOption(value);
    else await el.fill(value);
  }
  await page.locator('#tc-submit').focus(); // leaves the last field: checked at once
}

/** Waits until the submission state machine is in `state`. */
export async function machine(page, state, timeout = 15_000) {
  await page.waitForSelector(`#tc-status[data-machine="${state}"]`, { timeout, state: 'attached' });
}

/** Submits with the button and waits for a final state. */
export async function submitAndWait(page, state) {
  await page.locator('#tc-submit').click();
  await machine(page, state);
}

/** The message text beside a field, and whether its control is marked invalid. */
export async function fieldState(page, id) {
  return page.evaluate((id) => ({
    message: document.getElementById(`${id}-msg`).textContent,
    invalid: document.getElementById(id).getAttribute('aria-invalid'),
  }), id);
}

/** The offline queue in local storage: one key per entry (`tenantcheck.queue.{idempotency key}`), readable ones. */
export async function queue(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tenantcheck.queue.')).sort()
    .map((k) => { try { return JSON.parse(localStorage.getItem(k)); } catch { return null; } }).filter(Boolean));
}

/**
 * A small HTTP gateway on 127.0.0.1 in front of the stand-in, for faults the stand-in cannot make (a redirect to a
 * login page, a hanging answer, Retry-After, a 502 after the commit). Everything is forwarded unless `gw.handle`
 * (`async (req, body, forward) => answer | 'hang' | null`) answers first; `forward()` sends the request upstream (Host
 * and Origin rewritten to the stand-in's) and gives `{ status, headers, body }`. The page (`GET /`) gets the form's
 * `data-*` attributes of `attrs` (short timeouts for tests). `gw.puts` lists every PUT: `{ key, url, at }`.
 */
export async function startGateway(upstream, attrs = {}) {
  const up = new URL(upstream);
  const hung = [];
  const gw = { handle: null, puts: [], url: null, close: null };
  const forward = async (req, body) => {
    const headers = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (!['host', 'connection', 'content-length', 'origin', 'referer', 'accept-encoding'].includes(k)) headers[k] = v;
    }
    if (req.headers.origin) headers.origin = up.origin;
    const res = await fetch(new URL(req.url, up), {
      method: req.method, headers, redirect: 'manual',
      body: ['GET', 'HEAD'].includes(req.method) ? undefined : body,
    });
    const out = {};
    res.headers.forEach((v, k) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) out[k] = v;
    });
    return { status: res.status, headers: out, body: Buffer.from(await res.arrayBuffer()) };
  };
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    if (req.method === 'PUT') gw.puts.push({ key: req.headers['idempotency-key'], url: req.url, at: Date.now() });
    try {
      let r = gw.handle ? await gw.handle(req, body, () => forward(req, body)) : null;
      if (r === 'hang') { hung.push(res); return; }
      r ??= await forward(req, body);
      if (req.method === 'GET' && /^\/(\?|$)/.test(req.url) && r.status === 200) {
        const extra = Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
        r = { ...r, body: Buffer.from(String(r.body).replace('<form id="tenantcheck-form"', `<form id="tenantcheck-form"${extra}`)) };
      }
      res.writeHead(r.status, r.headers ?? {});
      res.end(r.body ?? '');
    } catch (e) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  gw.url = `http://127.0.0.1:${server.address().port}/`;
  gw.close = async () => {
    for (const r of hung) r.destroy();
    server.closeAllConnections?.();
    await new Promise((ok) => server.close(ok));
  };
  return gw;
}

/** Waits for a condition in Node, polling. */
export async function until(fn, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/**
 * Exactly one account is stored, `id`, and it was written exactly once (the server's `writes` counter: a duplicate
 * request that got past the idempotency key would show as 2 even though the row is the same).
 */
export async function assertStoredOnce(server, id = 1001) {
  const list = await storedAccounts(server);
  if (list.length !== 1 || Number(list[0].accountId) !== id || list[0].writes !== 1) {
    throw new Error(`expected account ${id} stored once, got ${JSON.stringify(list)}`);
  }
}
