import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createTokenValidator, type TokenValidatorOptions } from '../../server/auth/tokenValidator';

/** One statement as Upward sent it to Postgres. */
interface Statement {
  text: string;
  values: unknown[];
}

/** What names one request: replayed requests put their own values where the recorded one had these. */
export interface RequestNames {
  tenant: string;
  pair: string;
  user: string;
  partner: string;
  text: string;
}

/** The statements of one kind of request (an agenda write or a workspace read, as a mentor or a mentee). */
export interface RecordedRequest {
  statements: Statement[];
  names: RequestNames;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Records every statement the pg driver sends while `run` makes one request (nothing else may
 * talk to Postgres meanwhile): the SQL Upward really runs for it, in order, with its values.
 */
export async function recordStatements(run: () => Promise<void>): Promise<Statement[]> {
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  const seen: Statement[] = [];
  prototype.query = function (this: unknown, ...args: unknown[]) {
    if (typeof args[0] === 'string') seen.push({ text: args[0], values: Array.isArray(args[1]) ? [...(args[1] as unknown[])] : [] });
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    prototype.query = original;
  }
  return seen;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const WHOLE_MINUTE = /:00\.000Z$/;

/** A person's rate-limit counter, named as Upward stores it (server/http/postgresRateLimitStore.ts: a hash, never the id). */
const personCounter = (tenant: string, user: string) => `user:${createHash('sha256').update(`${tenant}:${user}`).digest('base64url')}`;

/** Now, at the recorded instant's grain: a rate-limit window starts on the minute. */
function nowLike(recorded: string): string {
  const now = new Date();
  if (WHOLE_MINUTE.test(recorded)) now.setUTCSeconds(0, 0);
  return now.toISOString();
}

/**
 * The recorded statements with this request's values: the tenant, pair, caller, partner and text
 * swapped in (also inside JSON values), the caller's rate-limit counter, every other id the
 * recorded request made up replaced by a fresh one, and instants by now.
 */
function statementsFor(recorded: RecordedRequest, names: RequestNames): Statement[] {
  const keys = Object.keys(names) as (keyof RequestNames)[];
  const swap = new Map<string, string>(keys.map((key) => [recorded.names[key].toLowerCase(), names[key]]));
  const counter = personCounter(recorded.names.tenant, recorded.names.user);
  const value = (v: unknown): unknown => {
    if (v instanceof Date) return new Date();
    if (typeof v !== 'string') return v;
    if (ISO_INSTANT.test(v)) return nowLike(v);
    if (v === recorded.names.text) return names.text;
    if (v === counter) return personCounter(names.tenant, names.user);
    return v.replace(UUID, (id) => {
      const key = id.toLowerCase();
      if (!swap.has(key)) swap.set(key, randomUUID());
      return swap.get(key)!;
    });
  };
  return recorded.statements.map((s) => ({ text: s.text, values: s.values.map(value) }));
}

export interface Baseline {
  url: string;
  close(): Promise<void>;
}

/**
 * The least a server can do for Upward's two load requests: Node's bare HTTP server, the same
 * token verification (Upward's validator: jose, the stand-in's published keys), then the
 * statements Upward sent for that kind of request, replayed on one pooled connection, and the
 * rows as JSON. No framework, no rate limiting, no schemas, no query builder.
 */
export async function startBaseline(options: {
  databaseUrl: string;
  poolSize: number;
  token: TokenValidatorOptions;
  /** The pair's two people, as the setup made them (Upward reads them from the database; a lookup here is free). */
  pairs: ReadonlyMap<string, { mentor: string; mentee: string }>;
  recorded: Record<'menteeWrite' | 'mentorWrite' | 'menteeRead' | 'mentorRead', RecordedRequest>;
}): Promise<Baseline> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  const validate = createTokenValidator(options.token);
  const route = /^\/api\/pairs\/([0-9a-f-]{36})\/(agenda|agenda\/suggestions|workspace)$/;

  const answer = async (req: http.IncomingMessage, body: string): Promise<{ status: number; json: unknown }> => {
    const match = route.exec(req.url ?? '');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!match || !bearer) return { status: 404, json: { title: 'Not found' } };
    const caller = await validate(bearer);
    const pairId = match[1]!;
    const pair = options.pairs.get(pairId);
    if (!pair) return { status: 404, json: { title: 'No such pair' } };
    const role = caller.userId === pair.mentee ? 'mentee' : 'mentor';
    const write = req.method === 'POST';
    const text = write ? String((JSON.parse(body) as { text?: unknown }).text ?? '') : '';
    const recorded = options.recorded[`${role}${write ? 'Write' : 'Read'}`];
    const names = { tenant: caller.tenantId, pair: pairId, user: caller.userId, partner: role === 'mentee' ? pair.mentor : pair.mentee, text };
    const client = await pool.connect();
    try {
      const results = [];
      for (const statement of statementsFor(recorded, names)) results.push((await client.query(statement.text, statement.values)).rows);
      return { status: write ? 201 : 200, json: results };
    } finally {
      client.release();
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answer(req, Buffer.concat(chunks).toString('utf8')).then(
        ({ status, json }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(json));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ title: String(error) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
