// One Vite configuration for the tab's production build, its benchmark twin and the e2e tests,
// so the shipped bytes and the measured bytes are built the same way.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');

/** @returns {import('vite').InlineConfig} */
export function tabViteConfig({ root = here, outDir = path.join(repoRoot, 'dist/web/tab'), base = '/tab/' } = {}) {
  return {
    root,
    base,
    configFile: false,
    logLevel: 'warn',
    // Vite's built-in (Oxc) JSX transform with React's automatic runtime: no Babel plugin needed.
    mode: 'production',
    oxc: { jsx: { runtime: 'automatic', development: false } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      // The tab, and the page Entra ID returns to after sign-in (MSAL's redirect bridge), where the
      // root has one (the benchmark's blank twin has only an index).
      rollupOptions: { input: ['index.html', 'auth-redirect.html'].map((page) => path.join(root, page)).filter((page) => existsSync(page)) },
    },
  };
}
