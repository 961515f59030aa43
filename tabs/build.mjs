// Builds the Teams tab into dist/web/tab (served by the service at /tab/index.html).
import { build } from 'vite';
import { tabViteConfig } from './viteConfig.mjs';

export async function buildTab(options) {
  await build(tabViteConfig(options));
}
