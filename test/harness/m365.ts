import { startM365StandIn, type M365StandIn, type M365StandInOptions } from '../../dev/m365StandIn';
import { exposeManagedIdentity, standInEnvironment } from '../../dev/standInEnvironment';
import { type Config, loadConfig } from '../../server/config';
import { createGraphGateway, type GraphGateway, type GraphGatewayOptions } from '../../server/graph/graphGateway';
import { createGraphTokens } from '../../server/graph/graphTokens';

/** Upward's configuration for a running stand-in: the same variables a real tenant would set. */
export function configFor(standIn: M365StandIn, env: NodeJS.ProcessEnv = {}): Config {
  exposeManagedIdentity(standIn);
  return loadConfig({ ...standInEnvironment(standIn), BOT_AUTH: 'entra', LOG_LEVEL: 'silent', ...env });
}

/** A stand-in on a free port, started in beforeAll and stopped in afterAll of the calling suite. */
export function useM365StandIn(options: Omit<M365StandInOptions, 'port'> = {}): () => M365StandIn {
  let standIn: M365StandIn | undefined;
  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, ...options });
  });
  afterAll(async () => {
    await standIn?.stop();
  });
  return () => {
    if (!standIn) throw new Error('the stand-in is not running yet');
    return standIn;
  };
}

/** Upward's Graph gateway against a running stand-in, signing in as the app does there. */
export function graphGatewayFor(standIn: M365StandIn, options: Pick<GraphGatewayOptions, 'retry'> = {}): GraphGateway {
  const config = configFor(standIn);
  const tokens = createGraphTokens({ authorityHost: config.entra.authorityHost, clientId: config.entra.clientId, credential: config.entra.credential });
  return createGraphGateway({ baseUrl: config.graphBaseUrl, tokens, ...options });
}
