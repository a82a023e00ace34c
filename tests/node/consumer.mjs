// Shared by the tests of the npm package: a throw-away consumer project under target/ whose node_modules/tenantcheck
// is pkg/ (as `npm install ./pkg` would link it), so that imports go through package.json's exports map.
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const pkg = join(root, 'pkg');
export const tools = join(root, 'tools', 'node_modules');

/** Creates target/consumers/<name> with node_modules/tenantcheck -> pkg/, and returns its path. */
export function consumer(name, files = {}) {
  if (!existsSync(join(pkg, 'package.json'))) throw new Error('pkg/ is missing: run `make pkg` first');
  const dir = join(root, 'target', 'consumers', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(dir, 'node_modules', 'tenantcheck'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}
