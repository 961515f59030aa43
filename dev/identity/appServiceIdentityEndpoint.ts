import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Request, Response } from 'express';

/** The only API version of App Service's identity endpoint that msal-node uses. */
export const APP_SERVICE_API_VERSION = '2019-08-01';

/** What an identity attached to the endpoint answers for a resource: a token response, or a refusal. */
export type IdentityAnswer = { status: 200; body: Record<string, string> } | { status: 400; message: string };

/** A user-assigned managed identity the endpoint can hand tokens for. */
export interface AttachableIdentity {
  clientId: string;
  principalId: string;
  resourceId: string;
  tokenFor(resource: string): Promise<IdentityAnswer>;
}

/** What App Service puts in the process environment of the code it runs. */
export interface IdentityEnvironment {
  IDENTITY_ENDPOINT: string;
  IDENTITY_HEADER: string;
}

export interface AppServiceIdentityEndpoint {
  environment: IdentityEnvironment;
  /** Assigns an identity to the app; the returned function unassigns it. */
  attach(identity: AttachableIdentity): () => void;
}

/**
 * App Service runs one identity endpoint for the app's host, with one header value, however many
 * user-assigned identities are attached; msal-node reads its address once per process (a static).
 * So every stand-in a process starts shares this one endpoint and attaches its identity to it,
 * as identities are assigned to one app. It lives on globalThis because Jest gives each test file
 * its own copy of every module, while the process is one.
 */
export function appServiceIdentityEndpoint(): Promise<AppServiceIdentityEndpoint> {
  const holder = globalThis as { [ENDPOINT]?: Promise<AppServiceIdentityEndpoint> };
  holder[ENDPOINT] ??= startEndpoint();
  return holder[ENDPOINT];
}

const ENDPOINT = Symbol.for('upward.dev.appServiceIdentityEndpoint');

async function startEndpoint(): Promise<AppServiceIdentityEndpoint> {
  const header = randomBytes(24).toString('base64url');
  const attached = new Set<AttachableIdentity>();
  const refuse = (res: Response, status: number, message: string) => res.status(status).json({ statusCode: status, message, correlationId: randomUUID() });

  const app = express();
  app.disable('x-powered-by');
  app.get('/msi/token', async (req: Request, res: Response) => {
    if (req.get('x-identity-header') !== header) return refuse(res, 401, 'The X-IDENTITY-HEADER header is missing or wrong.');
    const query = req.query as Record<string, unknown>;
    if (query['api-version'] !== APP_SERVICE_API_VERSION) return refuse(res, 400, `api-version must be ${APP_SERVICE_API_VERSION}.`);
    const resource = typeof query.resource === 'string' ? query.resource.replace(/\/\.default$/, '') : '';
    if (!resource) return refuse(res, 400, 'The resource parameter is required.');
    const id = query.client_id ?? query.mi_res_id ?? query.principal_id ?? query.object_id;
    // Only user-assigned identities are attached; asking for none means the system-assigned one.
    if (id === undefined) return refuse(res, 400, 'No system-assigned managed identity is enabled for this app.');
    const identity = [...attached].find((candidate) => id === candidate.clientId || id === candidate.resourceId || id === candidate.principalId);
    if (!identity) return refuse(res, 400, 'No managed identity with this id is assigned to this app.');
    const answer = await identity.tokenFor(resource);
    if (answer.status !== 200) return refuse(res, answer.status, answer.message);
    res.set('Cache-Control', 'no-store').json(answer.body);
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The endpoint lasts as long as the process, and must not keep it alive (nor may msal's kept-alive connections).
  server.unref();
  server.on('connection', (socket) => socket.unref());
  return {
    environment: { IDENTITY_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`, IDENTITY_HEADER: header },
    attach(identity) {
      attached.add(identity);
      return () => attached.delete(identity);
    },
  };
}
