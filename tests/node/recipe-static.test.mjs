// The plain-page recipe (examples/static): pkg/ copied next to index.html as tenantcheck/, the folder served as it
// is from 127.0.0.1 under a strict CSP, and loaded in headless Chromium, which fetches the .wasm by URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inBrowser, recipe, root, serve } from './recipes.mjs';

test('recipe: a plain page with pkg/ copied next to it validates in headless Chromium', async () => {
  const dir = recipe('static');
  rmSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(root, 'pkg'), join(dir, 'tenantcheck'), { recursive: true });
  const server = await serve(dir);
  try {
    const out = await inBrowser(server.url, async (page) => {
      const issues = page.locator('#issues[data-codes]');
      await issues.waitFor({ state: 'attached', timeout: 10_000 });
      const first = await issues.getAttribute('data-codes');
      const message = await issues.locator('li').first().textContent();
      const options = await page.locator('#country option').count();
      await page.fill('#postcode', '106 82');
      const fixed = await issues.getAttribute('data-codes');
      await page.fill('#email', 'it@gmail.com');
      await page.selectOption('#country', 'DE');
      const german = await issues.getAttribute('data-codes');
      return { first, message, options, fixed, german };
    });
    assert.equal(out.first, 'postal_code.format');
    assert.match(out.message, /Greece/);
    assert.equal(out.options, 250);
    assert.equal(out.fixed, '');
    // 106 82 is no German postcode (5 digits, no space); a free-mail address is a warning (listed, never blocking).
    assert.deepEqual(out.german.split(' ').sort(), ['email.free_mail', 'postal_code.format']);
    assert.ok(server.requests.includes('/tenantcheck/tenantcheck_bg.wasm'), `requests: ${server.requests}`);
  } finally {
    await server.close();
  }
});
