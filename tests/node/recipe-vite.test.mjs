// The Vite recipe (examples/vite): `vite build` with no plugin and no config file, then dist/ served from 127.0.0.1
// and loaded in headless Chromium, where the page shows a verdict of the package. Proves that the glue's
// `new URL('tenantcheck_bg.wasm', import.meta.url)` is all a Vite build needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inBrowser, recipe, serve, tools } from './recipes.mjs';

test('recipe: a Vite app builds without a plugin and validates in headless Chromium', async () => {
  const dir = recipe('vite');
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
    const out = await inBrowser(server.url, async (page) => {
      const verdict = page.locator('#verdict[data-codes]');
      await verdict.waitFor({ timeout: 10_000 });
      const first = { text: await verdict.textContent(), codes: await verdict.getAttribute('data-codes') };
      await page.fill('#postcode', '106 82');
      const second = { text: await verdict.textContent(), codes: await verdict.getAttribute('data-codes') };
      return { first, second };
    });
    assert.equal(out.first.codes, 'postal_code.format');
    assert.match(out.first.text, /Greece/);
    assert.deepEqual(out.second, { text: 'OK', codes: '' });
    assert.ok(server.requests.includes(`/assets/${wasm[0]}`), `the page fetched the module: ${server.requests}`);
  } finally {
    await server.close();
  }
});
