// Shared by the recipes' tests (recipe-*.test.mjs): a recipe of examples/ copied into a throw-away folder under
// target/recipes/ with node_modules/tenantcheck -> pkg/ (what `npm install` does for its `file:../../pkg`
// dependency), a static server on 127.0.0.1 with a strict Content-Security-Policy, and Debian's headless Chromium
// (playwright-core, never a downloaded browser).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { pkg, root, tools } from './consumer.mjs';

const require = createRequire(join(tools, 'x.js'));
const { chromium } = require('playwright-core');

export { root, tools };

/** No `unsafe-eval` and no inline script: what a careful storefront sends. `wasm-unsafe-eval` compiles the module. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * Copies examples/<name> to target/recipes/<name> (without any node_modules) and installs pkg/ as
 * node_modules/tenantcheck: a symlink (npm's default for a `file:` folder), or with `{ copy: true }` a copy (what
 * `install-links=true` does, and what an install from a registry or a tarball gives).
 */
export function recipe(name, { copy = false } = {}) {
  if (!existsSync(join(pkg, 'package.json'))) throw new Error('pkg/ is missing: run `make pkg` first');
  const from = join(root, 'examples', name);
  const dir = join(root, 'target', 'recipes', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(from, dir, { recursive: true, filter: (src) => !src.split(sep).includes('node_modules') });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  if (copy) cpSync(pkg, join(dir, 'node_modules', 'tenantcheck'), { recursive: true });
  else symlinkSync(pkg, join(dir, 'node_modules', 'tenantcheck'), 'dir');
  return dir;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Serves `dir` on 127.0.0.1 (a random port) with the CSP above; resolves { url, requests, close() }. */
export async function serve(dir) {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep)) return res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * Opens `url` in headless Chromium and calls `inspect(page)`; fails on any page error or console error. Returns what
 * `inspect` returns.
 */
export async function inBrowser(url, inspect) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(url);
    const out = await inspect(page);
    if (problems.length) throw new Error(`the page reported errors:\n${problems.join('\n')}`);
    return out;
  } finally {
    await browser.close();
  }
}
