import { Router } from 'express';
import type { AppDeps } from '../appDeps';

/**
 * What a browser needs to send someone to sign in (the tab and add-in outside Teams and
 * Outlook): the authority and Upward's client id. Public by nature: both are in every sign-in URL.
 * The scope names Upward's API by its client id, which Entra ID accepts whatever the Application
 * ID URI (`api://<host>/<client id>`) of the deployment is.
 */
export function clientConfigRoutes({ config }: AppDeps): Router {
  const router = Router();
  const { authorityHost, allowedTenants, clientId } = config.entra;
  const tenant = allowedTenants.length === 1 ? allowedTenants[0]! : 'organizations';
  router.get('/auth/config.json', (_req, res) => {
    res.json({
      authority: `${authorityHost}/${tenant}`,
      clientId,
      scope: `${clientId}/access_as_user`,
      // Beside the local Teams host stand-in only: teams-js accepts host messages from https Microsoft 365 origins otherwise.
      ...(config.devTeamsHostOrigin ? { teamsHostOrigins: [config.devTeamsHostOrigin] } : {}),
    });
  });
  return router;
}
