import { DEMO_PERSONAS } from './demoOrg/personas';
import { UPWARD_SPA_REDIRECT_URIS } from './demoOrg/tenant';
import { startM365StandIn } from './m365StandIn';

/** `npx tsx dev/standIn.ts`: the local Microsoft 365 (Graph + Entra ID) on its own. PORT, SEED and SIZE override the defaults. */
async function main() {
  const standIn = await startM365StandIn({
    port: Number(process.env.PORT ?? 5100),
    seed: process.env.SEED ?? 'upward',
    size: Number(process.env.SIZE ?? 300),
  });
  const lines = [
    `Microsoft 365 stand-in for tenant ${standIn.tenantId} (${standIn.org.people.length} people)`,
    `  Graph:      ${standIn.graphBaseUrl}`,
    `  Authority:  ${standIn.authority}  (issuer ${standIn.issuer})`,
    `  Discovery:  ${standIn.authority}/v2.0/.well-known/openid-configuration`,
    `  Authorize:  ${standIn.authority}/oauth2/v2.0/authorize  (code flow with PKCE; SPA redirect URIs ${UPWARD_SPA_REDIRECT_URIS.join(", ")})`,
    `  Client id:  ${standIn.clientId}`,
    `  Admin API:  ${standIn.url}/_standin/stats`,
    '  Personas:',
    ...Object.entries(DEMO_PERSONAS).map(([name, p]) => `    ${name.padEnd(22)} ${p.givenName} ${p.surname}  ${p.id}`),
  ];
  console.log(lines.join('\n'));
  const stop = () => {
    void standIn.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
