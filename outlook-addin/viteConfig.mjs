// The add-in's Vite configuration, shared by the production build and the end-to-end test.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');

/** @returns {import('vite').InlineConfig} */
export function addinViteConfig({ outDir = path.join(repoRoot, 'dist/web/addin') } = {}) {
  return {
    root: here,
    base: '/addin/',
    configFile: false,
    logLevel: 'warn',
    // The icons the manifest names live in assets/; they are copied beside the build (see build.mjs).
    publicDir: false,
    // Production JSX whatever NODE_ENV the caller has (Jest sets "test").
    mode: 'production',
    oxc: { jsx: { runtime: 'automatic', development: false } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false, rollupOptions: { input: ['taskpane.html', 'auth-dialog.html'].map((page) => path.join(here, page)) } },
  };
}
