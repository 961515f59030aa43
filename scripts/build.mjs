// Builds the deployable: the service as one CommonJS file (dependencies stay in node_modules,
// since PGlite loads its WebAssembly from its own package folder), plus each web front door
// that registers a build step in scripts/webBuilds.mjs.
import { cpSync } from 'node:fs';
import { build } from 'esbuild';
import { webBuilds } from './webBuilds.mjs';

await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server/main.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
// The service serves these pages from beside its own file (see server/app.ts).
cpSync('server/public', 'dist/server/public', { recursive: true });
for (const step of webBuilds) await step();
console.log('Built dist/server/main.cjs and the web assets in dist/web');
