import path from 'node:path';
import { build } from 'esbuild';
import express from 'express';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { IdentityDirectory } from '../identity/directory';
import { hostOptionsSchema, type HostOptionsInput } from './hostOptions';
import { renderHostPage } from './hostPage';
import { TeamsHostSession, type HostRequest, type PromptAnswer } from './hostSession';
import type { HostTokens } from './hostTokens';

export interface TeamsHostDeps {
  directory: IdentityDirectory;
  tokens: HostTokens;
  tenantId: string;
  clientId: string;
  /** The identity stand-in's host, the `environment` of MSAL accounts. */
  environment: string;
}

/** The host's browser scripts, bundled on first use (they are small and the stand-in is for development). */
const bundles = new Map<string, Promise<string>>();
function bundle(file: 'framedHost' | 'nativeHost'): Promise<string> {
  let code = bundles.get(file);
  if (!code) {
    code = build({ entryPoints: [path.join(__dirname, 'browser', `${file}.ts`)], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent' }).then((r) => r.outputFiles[0]!.text);
    bundles.set(file, code);
  }
  return code;
}

const messageBody = z.object({
  message: z.object({ id: z.number().int(), uuidAsString: z.string().optional(), func: z.string().min(1), args: z.array(z.unknown()).optional(), data: z.string().optional() }),
  answer: z.enum(['accepted', 'declined']).optional(),
});
const eventBody = z.object({ func: z.literal('themeChange'), args: z.tuple([z.enum(['default', 'dark', 'contrast'])]) });

/** Query flags of `GET /teamsHost/` (the addresses `npm start` prints): `0`/`1` for booleans. */
function optionsFromQuery(query: Request['query']): HostOptionsInput {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const flag = (name: string) => (text(name) === undefined ? undefined : text(name) === '1');
  return {
    userId: text('as') ?? '',
    contentUrl: text('contentUrl') ?? '',
    entityId: text('entityId'),
    subEntityId: text('subEntityId'),
    frameContext: text('frameContext') as HostOptionsInput['frameContext'],
    meetingId: text('meetingId'),
    chatId: text('chatId'),
    hostClientType: text('client') as HostOptionsInput['hostClientType'],
    theme: text('theme') as HostOptionsInput['theme'],
    locale: text('locale'),
    appId: text('appId'),
    nestedAppAuth: flag('naa'),
    consentRequired: flag('consentRequired'),
    mfaRequired: flag('mfaRequired'),
  };
}

/**
 * The Teams host stand-in, mounted at `/teamsHost`: sessions (one tab opened by one person in
 * one client), the host page that frames the tab, the relay for teams-js's messages, and the
 * record of every call the tab made.
 */
export function createTeamsHostRouter(deps: TeamsHostDeps): express.Router {
  const sessions = new Map<string, TeamsHostSession>();
  const router = express.Router();
  router.use(express.json({ limit: '256kb' }));

  function open(input: unknown, res: Response): TeamsHostSession | null {
    const parsed = hostOptionsSchema.safeParse(input);
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'BadRequest', message: z.prettifyError(parsed.error) } });
      return null;
    }
    const person = deps.directory.findPerson(parsed.data.userId);
    if (!person) {
      res.status(400).json({ error: { code: 'BadRequest', message: `No person ${parsed.data.userId} in the demo directory.` } });
      return null;
    }
    const session = new TeamsHostSession(parsed.data, { person, tenantId: deps.tenantId, clientId: deps.clientId, environment: deps.environment, tokens: deps.tokens });
    sessions.set(session.id, session);
    return session;
  }

  const sessionOf = (req: Request, res: Response): TeamsHostSession | null => {
    const session = sessions.get(String(req.params.id));
    if (!session) res.status(404).json({ error: { code: 'NotFound', message: 'No such host session.' } });
    return session ?? null;
  };

  router.post('/sessions', (req, res) => {
    const session = open(req.body, res);
    if (session) res.status(201).json({ id: session.id, page: `sessions/${session.id}/` });
  });
  router.get('/', (req, res) => {
    const session = open(optionsFromQuery(req.query), res);
    if (session) res.redirect(303, `sessions/${session.id}/`);
  });
  router.get('/sessions/:id/', (req, res) => {
    const session = sessionOf(req, res);
    if (session) res.type('html').send(renderHostPage(session, deps.directory.findPerson(session.options.userId)!.displayName));
  });
  router.get('/sessions/:id/host.js', async (req, res) => {
    if (sessionOf(req, res)) res.type('js').send(await bundle('framedHost'));
  });
  router.get('/sessions/:id/native.js', async (req, res) => {
    const session = sessionOf(req, res);
    if (session) res.type('js').send(`window.upwardTeamsHostConfig = ${JSON.stringify({ nestedAppAuth: session.options.nestedAppAuth })};\n${await bundle('nativeHost')}`);
  });
  router.post('/sessions/:id/messages', async (req, res) => {
    const session = sessionOf(req, res);
    if (!session) return;
    const body = messageBody.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: { code: 'BadRequest', message: z.prettifyError(body.error) } });
      return;
    }
    res.json(await session.handle(body.data.message as HostRequest, body.data.answer as PromptAnswer | undefined));
  });
  router.post('/sessions/:id/events', (req, res) => {
    const session = sessionOf(req, res);
    if (!session) return;
    const body = eventBody.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: { code: 'BadRequest', message: z.prettifyError(body.error) } });
      return;
    }
    session.recordEvent(body.data.func, body.data.args);
    res.status(204).end();
  });
  // The configuration page's Save button, and what became of it (the host page opens the saved tab).
  router.post('/sessions/:id/save', (req, res) => {
    const session = sessionOf(req, res);
    if (!session) return;
    const refusal = session.pressSave();
    if (refusal) res.status(409).json({ error: { code: 'Conflict', message: refusal } });
    else res.status(204).end();
  });
  router.get('/sessions/:id/save', (req, res) => {
    const session = sessionOf(req, res);
    if (session) res.json(session.save);
  });
  router.get('/sessions/:id/calls', (req, res) => {
    const session = sessionOf(req, res);
    if (session) res.json(session.calls);
  });
  return router;
}
