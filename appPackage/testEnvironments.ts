import type { Environment } from './environment';

/** A production-shaped environment, as provision would leave it, for tests. */
export const azureLikeEnvironment: Environment = {
  APP_NAME_SUFFIX: ' (dev)',
  TEAMS_APP_ID: '2d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a',
  TAB_ENDPOINT: 'https://upward.contoso.com',
  TAB_DOMAIN: 'upward.contoso.com',
  BOT_ID: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  AAD_APP_CLIENT_ID: 'b8f2e6d4-3a1c-4e7b-8d9f-6c5a4b3e2d1f',
};
