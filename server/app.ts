import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import type { AppDeps } from './appDeps';
import { authenticate } from './auth/authenticate';
import { bookingRoutes } from './booking/bookingRoutes';
import { MICROSOFT_365_FRAME_ANCESTORS, TEAMS_JS_VALID_DOMAINS_ORIGIN } from './http/microsoft365Hosts';
import { apiRouteNotFound, problemHandler } from './http/problem';
import { rejectNulCharacters } from './http/nulCharacters';
import { rateLimits } from './http/rateLimits';
import { insightRoutes } from './insight/insightRoutes';
import { matchingRoutes } from './matching/matchingRoutes';
import { pairBoardRoutes } from './pairs/pairBoardRoutes';
import { partnerPhotoRoute } from './pairs/partnerPhotoRoute';
import { pairRoutes } from './pairs/pairRoutes';
import { participantRoutes } from './participants/participantRoutes';
import { programmeRoutes } from './programmes/programmeRoutes';
import { clientConfigRoutes } from './routes/clientConfigRoutes';
import { healthRoutes } from './routes/healthRoutes';
import { personalDataRoutes } from './privacy/personalDataRoutes';
import { meRoutes } from './routes/meRoutes';
import { storyRoutes } from './stories/storyRoutes';
import { surveyRoutes } from './surveys/surveyRoutes';
import { workspaceRoutes } from './workspace/workspaceRoutes';
import { shadowingRoutes } from './shadowing/shadowingRoutes';

/** One Express app: the API under /api, health probes, and the built web assets. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Only the proxies in front of Upward may say who the client is (App Service's front end: 1 hop).
  app.set('trust proxy', deps.config.trustProxyHops);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Teams and Outlook host the tab and add-in in frames (and, in development, the local Teams host stand-in).
          frameAncestors: ["'self'", ...MICROSOFT_365_FRAME_ANCESTORS, ...(deps.config.devTeamsHostOrigin ? [deps.config.devTeamsHostOrigin] : [])],
          scriptSrc: ["'self'", 'https://res.cdn.office.net', 'https://appsforoffice.microsoft.com'],
          connectSrc: ["'self'", deps.config.entra.authorityHost, TEAMS_JS_VALID_DOMAINS_ORIGIN],
          // Partner photos are shown from blob: URLs made from the API's image answers.
          imgSrc: ["'self'", 'data:', 'blob:'],
        },
      },
      frameguard: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(healthRoutes(deps));
  app.use(clientConfigRoutes(deps));

  // The bot authenticates Bot Framework tokens itself, so it comes before the /api router (Entra user tokens).
  app.use(deps.bot.host.router);

  const api = express.Router();
  const limits = rateLimits(deps.config.rateLimits, deps.db);
  api.use(limits.perAddress);
  api.use(authenticate(deps.validateToken));
  api.use(limits.perUser);
  api.use(express.json({ limit: '100kb', strict: true }));
  api.use(rejectNulCharacters);
  api.use(meRoutes(deps));
  api.use(personalDataRoutes(deps));
  api.use(programmeRoutes(deps));
  api.use(workspaceRoutes(deps));
  api.use(shadowingRoutes(deps));
  api.use(storyRoutes(deps));
  api.use(surveyRoutes(deps));
  api.use(insightRoutes(deps));
  // Before pairRoutes, whose POST /pairs/:id/:action would otherwise claim /pairs/:id/sessions.
  api.use(bookingRoutes(deps));
  api.use(partnerPhotoRoute(deps));
  api.use(pairRoutes(deps));
  api.use(pairBoardRoutes(deps));
  api.use(participantRoutes(deps));
  api.use(matchingRoutes(deps));
  api.use(apiRouteNotFound);
  app.use('/api', api);

  // Mounted even before a build exists: `npm start` builds the web assets while the service runs.
  app.use(express.static(path.resolve(deps.config.webAssetsDir), { index: 'index.html', maxAge: '1h' }));
  // Pages the app manifest links to (privacy, terms), served whatever the build state.
  app.use(express.static(path.join(__dirname, 'public'), { maxAge: '1h' }));

  app.use(problemHandler(deps.logger));
  return app;
}
