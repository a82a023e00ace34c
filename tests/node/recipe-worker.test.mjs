// The Web Worker recipe (examples/worker): pkg/ copied next to the page, served from 127.0.0.1 under a strict CSP,
// loaded in headless Chromium. The records are validated in the module worker: the page shows the worker's results,
// and the page's own realm never loaded the WebAssembly module (only the worker did).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inBrowser, recipe, root, serve } from './recipes.mjs';

test('recipe: a module worker validates records off the main thread in headless Chromium', async () => {
  const dir = recipe('worker');
  rmSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(root, 'pkg'), join(dir, 'tenantcheck'), { recursive: true });
  const server = await serve(dir);
  try {
    const out = await inBrowser(server.url, async (page) => {
      const summary = page.locator('#summary[data-postcodes]');
      await summary.waitFor({ timeout: 10_000 });
      const postcodes = await summary.getAttribute('data-postcodes');
      // The main thread's own resources: the worker's fetches are not the page's.
      const loadedWasm = () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm'));
      const mainThreadWasm = await page.evaluate(loadedWasm);
      const workers = page.workers();
      const workerWasm = await Promise.all(workers.map((w) => w.evaluate(loadedWasm)));
      // A line that is not JSON is a record too: the core answers it.
      await page.fill('#records', '{"cspModel":"direct","account":{"billingAddress":{"country":"CA","postalCode":"k1a0b1"}}}\nnot json');
      await page.click('#check');
      await page.waitForFunction(() => document.querySelector('#summary').textContent.startsWith('2 records'));
      const second = await summary.getAttribute('data-postcodes');
      return { postcodes, mainThreadWasm, workerWasm, second };
    });
    assert.equal(out.postcodes, 'ok postal_code.format postal_code.state_mismatch');
    assert.equal(out.second, 'ok ok');
    assert.equal(out.mainThreadWasm, false, 'the page itself did not load the module');
    assert.deepEqual(out.workerWasm, [true], 'one worker, and it loaded the module');
    assert.ok(server.requests.includes('/worker.js'));
    assert.ok(server.requests.includes('/tenantcheck/tenantcheck_bg.wasm'), `requests: ${server.requests}`);
  } finally {
    await server.close();
  }
});
