import type { Config } from '../config';
import { AZURE_POSTGRES_RESOURCE, managedIdentityTokens } from '../managedIdentityTokens';
import type { DatabaseTarget } from './database';

/**
 * The database the configuration names: a Postgres server when DATABASE_URL is set, with the
 * managed identity's Entra tokens as passwords when DATABASE_AUTH says so; embedded PGlite otherwise.
 * Without a managed identity (IDENTITY_CREDENTIAL=certificate) loadConfig refuses DATABASE_AUTH=managed-identity.
 */
export function databaseTargetOf(config: Config): DatabaseTarget {
  if (!config.databaseUrl) return { kind: 'pglite', dataDir: config.dataDir };
  const password = config.databaseAuth === 'managed-identity' ? managedIdentityTokens(managedIdentityOf(config), AZURE_POSTGRES_RESOURCE) : undefined;
  return { kind: 'postgres', url: config.databaseUrl, maxConnections: config.databasePoolSize, ...(password ? { password } : {}) };
}

function managedIdentityOf(config: Config): string {
  const credential = config.entra.credential;
  if (credential.kind !== 'managed-identity') throw new Error('DATABASE_AUTH=managed-identity needs a managed identity; loadConfig refuses it with IDENTITY_CREDENTIAL=certificate.');
  return credential.managedIdentityClientId;
}
