// tenantcheck for Node.js (the "node" condition of package.json's exports): the same module as index.js, loaded
// synchronously from the .wasm file next to this one, so every function is usable right after `import`.
import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

initSync({ module: readFileSync(new URL('./tenantcheck_bg.wasm', import.meta.url)) });

export * from './index.js';
export { default } from './index.js';
