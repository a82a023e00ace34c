// The package in a bundler and a browser: a tiny consumer page bundled with esbuild, served from 127.0.0.1 under a
// strict Content-Security-Policy (no 'unsafe-eval'), loaded in Debian's headless Chromium (playwright-core), where it
// validates one record. The .wasm is fetched by URL next to the bundle (the glue's `new URL(..., import.meta.url)`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { consumer, tools } from './consumer.mjs';

const require = createRequire(join(tools, 'x.js'));
const esbuild = require('esbuild');
const { chromium } = require('playwright-core');

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";

test('an esbuild bundle validates a record in headless Chromium under a strict CSP', async () => {
  const dir = consumer('bundler', {
    'main.js': `import init, { validate, countries } from 'tenantcheck';
await init();
const r = validate({ cspModel: 'direct', account: { billingAddress: { country: 'GR', postalCode: '1068' } } });
let evalBlocked = false;
try { new Function('return 1')(); } catch { evalBlocked = true; }
const out = document.createElement('pre');
out.id = 'out';
out.textContent = JSON.stringify({ valid: r.valid, codes: r.errors.map((e) => e.field + ' ' + e.code),
  domainForm: r.domainForm, countries: countries().length, evalBlocked });
document.body.append(out);
`,
    'index.html': `<!doctype html><meta charset="utf-8"><title>tenantcheck</title><script type="module" src="dist/main.js"></script>`,
  });
  await esbuild.build({
    entryPoints: [join(dir, 'main.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir: join(dir, 'dist'),
    logLevel: 'error',
  });
  copyFileSync(join(dir, 'node_modules', 'tenantcheck', 'tenantcheck_bg.wasm'), join(dir, 'dist', 'tenantcheck_bg.wasm'));
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    const path = join(dir, new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html'));
    try {
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  let browser;
  try {
    // playwright gives Chromium a fresh profile of its own (no --user-data-dir here).
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const text = await page.locator('#out').textContent({ timeout: 10_000 });
    const out = JSON.parse(text);
    assert.equal(out.valid, false);
    assert.ok(out.codes.includes('account.billingAddress.postalCode postal_code.format'), text);
    assert.equal(out.domainForm, null);
    assert.equal(out.countries, 250);
    assert.equal(out.evalBlocked, true, 'the CSP is in force (no unsafe-eval)');
    assert.deepEqual(problems.filter((p) => !/unsafe-eval/.test(p)), []);
  } finally {
    await browser?.close();
    server.close();
  }
});
