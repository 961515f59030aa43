import type express from 'express';

/** One route the app answers, as `METHOD /path` with Express' own parameter names. */
export interface DiscoveredRoute {
  method: string;
  path: string;
  key: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string | string[];
}

const join = (prefix: string, path: string) => (path === '/' ? prefix || '/' : `${prefix}${path}`.replace(/\/{2,}/g, '/'));

/**
 * Every method and path of an Express app, read from its router stack (routers mounted with
 * `use` included), so a test can fail when a route exists that nobody has an expectation for.
 */
export function discoverRoutes(app: express.Express): DiscoveredRoute[] {
  const found = new Map<string, DiscoveredRoute>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of [layer.route.path].flat()) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (!on || method === '_all') continue;
            const route = { method: method.toUpperCase(), path: join(prefix, path), key: '' };
            route.key = `${route.method} ${route.path}`;
            found.set(route.key, route);
          }
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, join(prefix, mount) === '/' ? '' : join(prefix, mount));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...found.values()].sort((a, b) => a.key.localeCompare(b.key));
}
