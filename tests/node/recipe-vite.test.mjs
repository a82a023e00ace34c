// The Vite recipe (examples/vite): `vite build` with no plugin and no config file, then dist/ served from 127.0.0.1
// and loaded in headless Chromium, where the page shows a verdict of the package; and the same app on Vite's dev
// server. Proves that the glue's `new URL('tenantcheck_bg.wasm', import.meta.url)` is all Vite needs. The package is
// installed as a copy, as the recipe's .npmrc (install-links) and a registry install do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inBrowser, recipe, serve, tools } from './recipes.mjs';

/** What the page shows: the verdict for its initial value, then for a valid postcode typed in. */
async function verdicts(page) {
  const verdict = page.locator('#verdict[data-codes]');
  await verdict.waitFor({ timeout: 15_000 });
  const first = { text: await verdict.textContent(), codes: await verdict.getAttribute('data-codes') };
  await page.fill('#postcode', '106 82');
  const second = { text: await verdict.textContent(), codes: await verdict.getAttribute('data-codes') };
  return { first, second };
}

function assertVerdicts(out) {
  assert.equal(out.first.codes, 'postal_code.format');
  assert.match(out.first.text, /Greece/);
  assert.deepEqual(out.second, { text: 'OK', codes: '' });
}

test('recipe: a Vite app builds without a plugin and validates in headless Chromium', async () => {
  const dir = recipe('vite', { copy: true });
  assert.ok(!['vite.config.js', 'vite.config.mjs', 'vite.config.ts'].some((f) => existsSync(join(dir, f))),
    'the recipe has no Vite config: none is needed');
  // `vite build`, as `npm run build` runs it (the pinned vite of scripts/setup.sh).
  const vite = join(tools, 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, `vite build failed:\n${run.stdout}\n${run.stderr}`);
  const assets = readdirSync(join(dir, 'dist', 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `vite emitted the module as an asset: ${assets}`);

  const server = await serve(join(dir, 'dist'));
  try {
    assertVerdicts(await inBrowser(server.url, verdicts));
    assert.ok(server.requests.includes(`/assets/${wasm[0]}`), `the page fetched the module: ${server.requests}`);
  } finally {
    await server.close();
  }
});

test("recipe: the Vite app runs on Vite's dev server without a plugin", async () => {
  const dir = recipe('vite', { copy: true });
  const vite = await import(pathToFileURL(join(tools, 'vite', 'dist', 'node', 'index.js')).href);
  const server = await vite.createServer({
    root: dir,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  try {
    assertVerdicts(await inBrowser(server.resolvedUrls.local[0], verdicts));
  } finally {
    await server.close();
  }
});
