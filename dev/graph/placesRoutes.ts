import express from 'express';
import type { GraphContext } from './context';
import { queryOf } from './context';
import { GraphError, notFound } from './graphError';

const DEFAULT_PAGE = 100;

/** Rooms and room lists as `/places` returns them (typed with `@odata.type`, paged by `$top`/`$skip`). */
export function placesRouter(ctx: GraphContext): express.Router {
  const router = express.Router();
  const { org } = ctx.directory;
  const page = <T>(items: T[], query: URLSearchParams, path: string, type: string) => {
    const top = Number(query.get('$top') ?? DEFAULT_PAGE);
    const skip = Number(query.get('$skip') ?? 0);
    if (!Number.isInteger(top) || top < 1 || top > 999 || !Number.isInteger(skip) || skip < 0) {
      throw new GraphError(400, 'ErrorInvalidParameter', 'Invalid $top or $skip value.');
    }
    const body: Record<string, unknown> = {
      '@odata.context': `${ctx.graphBaseUrl}/$metadata#places/${type}`,
      value: items.slice(skip, skip + top).map((item) => ({ '@odata.type': `#${type}`, ...item })),
    };
    if (skip + top < items.length) body['@odata.nextLink'] = `${ctx.graphBaseUrl}${path}?$top=${top}&$skip=${skip + top}`;
    return body;
  };

  router.get('/places/microsoft.graph.room', (req, res) => {
    res.json(page(org.rooms, queryOf(req), '/places/microsoft.graph.room', 'microsoft.graph.room'));
  });
  router.get('/places/microsoft.graph.roomlist', (req, res) => {
    res.json(page(org.roomLists.map((l) => l.list), queryOf(req), '/places/microsoft.graph.roomlist', 'microsoft.graph.roomList'));
  });
  router.get('/places/:list/microsoft.graph.roomlist/rooms', (req, res) => {
    const key = req.params.list.toLowerCase();
    const list = org.roomLists.find((l) => l.list.id === key || l.list.emailAddress.toLowerCase() === key);
    if (!list) throw notFound(req.params.list);
    const rooms = org.rooms.filter((r) => list.roomIds.includes(r.id));
    res.json(page(rooms, queryOf(req), `/places/${encodeURIComponent(req.params.list)}/microsoft.graph.roomlist/rooms`, 'microsoft.graph.room'));
  });
  return router;
}
