import { deflateSync } from 'node:zlib';
import express from 'express';
import type { Request } from 'express';
import type { DemoPerson } from '../demoOrg/types';
import type { Caller, GraphContext } from './context';
import { assertMailboxAccess, callerOf, queryOf } from './context';
import { GraphError, notFound } from './graphError';
import { parseFilter } from './odataFilter';
import { FILTERABLE_USER_PROPERTIES, parseSelect, presentUser, readUserPath } from './userPresenter';

const DEFAULT_PAGE = 100;
/**
 * Delta links of directory objects live seven days; after that Graph answers 400 `syncStateNotFound`
 * (https://devblogs.microsoft.com/microsoft365dev/duration-of-change-tracking-tokens-for-identity-and-education-resources/).
 */
export const DELTA_LINK_LIFETIME_MS = 7 * 86_400_000;
const MAX_PAGE = 999;
/** Graph returns at most 100 objects a page when a list request expands a relationship. */
const MAX_PAGE_WITH_EXPAND = 100;

function selectableFromOrg(ctx: GraphContext): Set<string> {
  return new Set([...Object.keys(ctx.directory.people[0]!.user), 'manager']);
}

interface ExpandClause {
  name: string;
  levels?: string;
  select?: string;
}

/** `manager($levels=max;$select=id,displayName)` -> its name and options. */
function parseExpand(value: string | null): ExpandClause | undefined {
  if (!value) return undefined;
  const match = /^\s*([A-Za-z]+)\s*(?:\((.*)\))?\s*$/.exec(value);
  if (!match || match[1] !== 'manager') {
    throw new GraphError(400, 'Request_BadRequest', `Could not find a navigation property named '${value}' on type 'microsoft.graph.user' that supports $expand here.`);
  }
  const clause: ExpandClause = { name: match[1] };
  for (const option of (match[2] ?? '').split(';').filter(Boolean)) {
    const [key, val] = option.split('=');
    if (key?.trim() === '$levels') clause.levels = val?.trim();
    else if (key?.trim() === '$select') clause.select = val?.trim();
    else throw new GraphError(400, 'Request_BadRequest', `Query option '${key}' is not supported in $expand.`);
  }
  return clause;
}

/** Properties `$search` and `$orderby` take on users (https://learn.microsoft.com/graph/aad-advanced-queries). */
const SEARCHABLE = new Set(['displayName', 'mail', 'userPrincipalName', 'givenName', 'surname', 'jobTitle', 'department']);
const ORDERABLE = new Set(['displayName', 'userPrincipalName', 'mail', 'givenName', 'surname', 'employeeHireDate']);

/**
 * `$search="displayName:jun"` (clauses joined by AND / OR): Entra ID matches the start of any
 * word of the value. It is an advanced query: without `ConsistencyLevel: eventual` Graph refuses it.
 */
function searchOf(value: string | null, eventual: boolean): ((person: DemoPerson) => boolean) | undefined {
  if (value === null) return undefined;
  if (!eventual) throw new GraphError(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  const groups = value.split(/\s+OR\s+/).map((group) =>
    group.split(/\s+AND\s+/).map((clause) => {
      const match = /^"([A-Za-z]+):([^"]*)"$/.exec(clause.trim());
      if (!match || !SEARCHABLE.has(match[1]!)) throw new GraphError(400, 'Request_UnsupportedQuery', `Invalid $search clause: ${clause}. Use "property:text" with a quoted clause.`);
      return { property: match[1]!, text: match[2]!.toLowerCase() };
    }),
  );
  return (person) =>
    groups.some((group) =>
      group.every(({ property, text }) => {
        const v = readUserPath(person, property);
        return typeof v === 'string' && v.toLowerCase().split(/[\s.@_-]+/).some((word) => word.startsWith(text));
      }),
    );
}

/** `$orderby=displayName desc`; combined with `$filter` or `$search` only in an advanced query, as in Entra ID. */
function orderOf(value: string | null, narrowed: boolean, advanced: boolean): ((a: DemoPerson, b: DemoPerson) => number) | undefined {
  if (value === null) return undefined;
  const match = /^\s*([A-Za-z]+)(?:\s+(asc|desc))?\s*$/i.exec(value);
  if (!match || !ORDERABLE.has(match[1]!)) throw new GraphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query: $orderby '${value}' is not supported.`);
  if (narrowed && !advanced) {
    throw new GraphError(400, 'Request_UnsupportedQuery', 'Sorting with $orderby together with $filter or $search needs an advanced query: ConsistencyLevel: eventual and $count=true.');
  }
  const sign = match[2]?.toLowerCase() === 'desc' ? -1 : 1;
  const property = match[1]!;
  return (a, b) => sign * String(readUserPath(a, property) ?? '').localeCompare(String(readUserPath(b, property) ?? ''));
}

function findUser(ctx: GraphContext, id: string): DemoPerson {
  const person = ctx.directory.find(id);
  if (!person) throw notFound(id);
  return person;
}

function meOf(ctx: GraphContext, caller: Caller): DemoPerson {
  if (caller.kind === 'app') throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  return findUser(ctx, caller.oid);
}

/** The user (or `/me`) a request names, resolving `me` through the token. */
export function mailboxOwner(ctx: GraphContext, req: Request, caller: Caller): DemoPerson {
  const id = req.params.id as string | undefined;
  return !id || id === 'me' ? meOf(ctx, caller) : findUser(ctx, id);
}

function encodeToken(data: object): string {
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}

function decodeToken<T>(token: string): T {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    throw new GraphError(400, 'Request_BadRequest', 'The skip or delta token is not valid.');
  }
}

function pageSize(query: URLSearchParams, prefer: string | undefined, max: number): number {
  const top = query.get('$top');
  const preferred = /odata\.maxpagesize=(\d+)/.exec(prefer ?? '')?.[1];
  const size = top !== null ? Number(top) : preferred ? Math.min(Number(preferred), max) : DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw new GraphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${top ?? preferred}'. Must be between 1 and ${MAX_PAGE} inclusive.`);
  }
  return Math.min(size, max);
}

function withManagerChain(ctx: GraphContext, person: DemoPerson, expand: ExpandClause, selectable: Set<string>, depth: number): Record<string, unknown> | undefined {
  const manager = ctx.directory.managerOf(person.user.id);
  if (!manager) return undefined;
  const select = parseSelect(expand.select ?? null, selectable);
  const presented: Record<string, unknown> = presentUser(manager, select, true);
  const unlimited = expand.levels === 'max';
  const levels = unlimited ? Infinity : Number(expand.levels ?? 1);
  if (depth + 1 < levels) {
    const above = withManagerChain(ctx, manager, expand, selectable, depth + 1);
    if (above) presented.manager = above;
  }
  return presented;
}

export function usersRouter(ctx: GraphContext): express.Router {
  const router = express.Router();
  const context = (req: Request, suffix: string) => `${ctx.graphBaseUrl}/$metadata#${suffix}`;

  router.get('/users', (req, res) => {
    const query = queryOf(req);
    const selectable = selectableFromOrg(ctx);
    const select = parseSelect(query.get('$select'), selectable);
    const expand = parseExpand(query.get('$expand'));
    if (expand?.levels) throw new GraphError(400, 'Request_UnsupportedQuery', '$levels is only supported on a single user, not on a collection.');
    const eventual = req.get('consistencylevel')?.toLowerCase() === 'eventual';
    const advanced = eventual && query.get('$count') === 'true';
    const filterText = query.get('$filter');
    const predicate = filterText ? parseFilter(filterText, FILTERABLE_USER_PROPERTIES, { advanced }) : undefined;
    const searched = searchOf(query.get('$search'), eventual);
    const order = orderOf(query.get('$orderby'), filterText !== null || searched !== undefined, advanced);
    const size = pageSize(query, req.get('prefer'), expand ? MAX_PAGE_WITH_EXPAND : MAX_PAGE);
    const skip = query.get('$skiptoken');
    const offset = skip ? decodeToken<{ o: number }>(skip).o : 0;
    let matching = ctx.directory.people.filter((p) => (!predicate || predicate((path) => readUserPath(p, path))) && (!searched || searched(p)));
    if (order) matching = [...matching].sort(order);
    const page = matching.slice(offset, offset + size).map((p) => {
      const user: Record<string, unknown> = presentUser(p, select);
      if (expand) user.manager = withManagerChain(ctx, p, expand, selectable, 0) ?? null;
      return user;
    });
    const body: Record<string, unknown> = { '@odata.context': context(req, select ? `users(${select.join(',')})` : 'users') };
    if (query.get('$count') === 'true') {
      if (!eventual) {
        throw new GraphError(400, 'Request_BadRequest', 'The $count query parameter requires the ConsistencyLevel header set to eventual.');
      }
      body['@odata.count'] = matching.length;
    }
    if (offset + size < matching.length) {
      const next = new URLSearchParams(query);
      next.set('$skiptoken', encodeToken({ o: offset + size }));
      if (!next.has('$top')) next.set('$top', String(size));
      body['@odata.nextLink'] = `${ctx.graphBaseUrl}/users?${next.toString()}`;
    }
    body.value = page;
    res.json(body);
  });

  router.get('/users/delta', (req, res) => {
    const query = queryOf(req);
    const selectable = selectableFromOrg(ctx);
    const deltaToken = query.get('$deltatoken');
    const skipToken = query.get('$skiptoken');
    if (deltaToken) {
      const issued = decodeToken<{ t?: number }>(deltaToken).t ?? 0;
      if (ctx.directory.deltaNow() - issued > DELTA_LINK_LIFETIME_MS) {
        throw new GraphError(400, 'syncStateNotFound', 'The sync state generation is not found. The delta token is expired and data must be synchronized again.');
      }
    }
    const state = skipToken
      ? decodeToken<{ since: number; upTo: number; o: number; s?: string }>(skipToken)
      : { since: deltaToken ? decodeToken<{ v: number; s?: string }>(deltaToken).v : -1, upTo: ctx.directory.currentVersion, o: 0, s: query.get('$select') ?? undefined };
    const selectText = skipToken ? (state.s ?? null) : deltaToken ? (decodeToken<{ s?: string }>(deltaToken).s ?? null) : query.get('$select');
    const select = parseSelect(selectText, selectable);
    const size = pageSize(new URLSearchParams(), req.get('prefer'), MAX_PAGE);
    const people = state.since < 0 ? ctx.directory.people : ctx.directory.changedSince(state.since);
    const page = people.slice(state.o, state.o + size).map((p) => {
      const user: Record<string, unknown> = presentUser(p, select);
      if (select?.includes('manager')) {
        const manager = ctx.directory.managerOf(p.user.id);
        if (manager) user['manager@delta'] = [{ '@odata.type': '#microsoft.graph.user', id: manager.user.id }];
        else if (state.since >= 0) {
          const previous = ctx.directory.previousManagerIdOf(p.user.id);
          user['manager@delta'] = previous ? [{ '@odata.type': '#microsoft.graph.user', id: previous, '@removed': { reason: 'deleted' } }] : [];
        }
      }
      return user;
    });
    const body: Record<string, unknown> = { '@odata.context': context(req, select ? `users(${select.join(',')})` : 'users') };
    if (state.o + size < people.length) {
      body['@odata.nextLink'] = `${ctx.graphBaseUrl}/users/delta?$skiptoken=${encodeToken({ ...state, s: selectText ?? undefined, o: state.o + size })}`;
    } else {
      body['@odata.deltaLink'] = `${ctx.graphBaseUrl}/users/delta?$deltatoken=${encodeToken({ v: state.upTo, s: selectText ?? undefined, t: ctx.directory.deltaNow() })}`;
    }
    body.value = page;
    res.json(body);
  });

  const single = (req: Request, person: DemoPerson) => {
    const query = queryOf(req);
    const selectable = selectableFromOrg(ctx);
    const select = parseSelect(query.get('$select'), selectable);
    const expand = parseExpand(query.get('$expand'));
    if (expand?.levels !== undefined && req.get('consistencylevel')?.toLowerCase() !== 'eventual') {
      throw new GraphError(400, 'Request_UnsupportedQuery', "Unsupported Query. $levels requires the 'ConsistencyLevel: eventual' request header.");
    }
    const user: Record<string, unknown> = { '@odata.context': context(req, select ? `users(${select.join(',')})/$entity` : 'users/$entity'), ...presentUser(person, select) };
    if (expand) {
      const chain = withManagerChain(ctx, person, expand, selectable, 0);
      if (chain) user.manager = chain;
    }
    return user;
  };

  router.get('/me', (req, res) => {
    res.json(single(req, meOf(ctx, callerOf(res))));
  });
  router.get('/users/:id', (req, res) => {
    res.json(single(req, findUser(ctx, req.params.id)));
  });

  const manager = (req: Request, person: DemoPerson) => {
    const found = ctx.directory.managerOf(person.user.id);
    if (!found) throw notFound('manager');
    const select = parseSelect(queryOf(req).get('$select'), selectableFromOrg(ctx));
    return { '@odata.context': context(req, 'directoryObjects/$entity'), ...presentUser(found, select, true) };
  };
  router.get('/me/manager', (req, res) => {
    res.json(manager(req, meOf(ctx, callerOf(res))));
  });
  router.get('/users/:id/manager', (req, res) => {
    res.json(manager(req, findUser(ctx, req.params.id)));
  });

  const directReports = (req: Request, person: DemoPerson) => {
    const select = parseSelect(queryOf(req).get('$select'), selectableFromOrg(ctx));
    return { '@odata.context': context(req, 'directoryObjects'), value: ctx.directory.directReportsOf(person.user.id).map((p) => presentUser(p, select, true)) };
  };
  router.get('/me/directReports', (req, res) => {
    res.json(directReports(req, meOf(ctx, callerOf(res))));
  });
  router.get('/users/:id/directReports', (req, res) => {
    res.json(directReports(req, findUser(ctx, req.params.id)));
  });

  const mailboxSettings = (req: Request, person: DemoPerson) => ({
    '@odata.context': context(req, `users('${person.user.id}')/mailboxSettings`),
    ...person.mailboxSettings,
  });
  router.get('/me/mailboxSettings', (req, res) => {
    res.json(mailboxSettings(req, meOf(ctx, callerOf(res))));
  });
  router.get('/users/:id/mailboxSettings', (req, res) => {
    const person = findUser(ctx, req.params.id);
    assertMailboxAccess(callerOf(res), person.user.id);
    res.json(mailboxSettings(req, person));
  });

  const photo = (person: DemoPerson) => {
    // About one person in eight has no photo, as in real directories.
    if (person.user.id.endsWith('7') && !person.appRoles.length) throw new GraphError(404, 'ImageNotFound', 'Exception of type \'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException\' was thrown.');
    return solidColourPng(person.user.id);
  };
  // The photo's metadata (Graph's profilePhoto), so a client can learn whether there is one without downloading it.
  const photoMetadata = (req: Request, person: DemoPerson) => {
    photo(person);
    return {
      '@odata.context': context(req, `users('${person.user.id}')/photo/$entity`),
      '@odata.id': `${ctx.graphBaseUrl}/users('${person.user.id}')/photo`,
      '@odata.mediaContentType': 'image/png',
      '@odata.mediaEtag': `"${person.user.id.slice(0, 8).toUpperCase()}"`,
      id: '48X48',
      height: 48,
      width: 48,
    };
  };
  router.get('/me/photo', (req, res) => {
    res.json(photoMetadata(req, meOf(ctx, callerOf(res))));
  });
  router.get('/users/:id/photo', (req, res) => {
    res.json(photoMetadata(req, findUser(ctx, req.params.id)));
  });
  router.get('/me/photo/$value', (_req, res) => {
    res.type('image/png').send(photo(meOf(ctx, callerOf(res))));
  });
  router.get('/users/:id/photo/$value', (req, res) => {
    res.type('image/png').send(photo(findUser(ctx, req.params.id)));
  });

  return router;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 48x48 PNG in a colour derived from the id: a real image, so clients can decode it. */
function solidColourPng(id: string): Buffer {
  const size = 48;
  const [r, g, b] = [0, 2, 4].map((i) => 64 + (parseInt(id.slice(i, i + 2), 16) % 160));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [r!, g!, b!]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', pixels), pngChunk('IEND', Buffer.alloc(0))]);
}
