import { ConfigError, loadConfig } from './config';

const tenant = '11111111-2222-3333-4444-555555555555';
const client = '66666666-7777-8888-9999-000000000000';
const base = { ENTRA_CLIENT_ID: client, ENTRA_ALLOWED_TENANTS: tenant };

describe('loadConfig', () => {
  it('fills sensible defaults: port 3978, embedded database in .data, real Microsoft Graph', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe('.data');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(config.entra.allowedTenants).toEqual([tenant]);
    expect(config.graphAttemptTimeoutMs).toBe(20_000);
  });

  it('reads an empty TEAMS_APP_CATALOG_ID (the app not published yet, as the deployment passes it) as none', () => {
    expect(loadConfig({ ...base, TEAMS_APP_CATALOG_ID: '' }).bot.teamsAppCatalogId).toBeUndefined();
    expect(loadConfig({ ...base, TEAMS_APP_CATALOG_ID: 'a1b2' }).bot.teamsAppCatalogId).toBe('a1b2');
  });

  it('accepts the local Teams host stand-in origin in development and refuses it in production', () => {
    expect(loadConfig({ ...base, UPWARD_DEV_TEAMS_HOST_ORIGIN: 'http://127.0.0.1:5100' }).devTeamsHostOrigin).toBe('http://127.0.0.1:5100');
    expect(loadConfig(base).devTeamsHostOrigin).toBeUndefined();
    expect(() => loadConfig({ ...base, UPWARD_DEV_TEAMS_HOST_ORIGIN: 'http://127.0.0.1:5100', NODE_ENV: 'production' })).toThrow(/UPWARD_DEV_TEAMS_HOST_ORIGIN/);
  });

  it('names every variable to fix, and says when one is missing', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', ENTRA_ALLOWED_TENANTS: 'contoso', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/ENTRA_CLIENT_ID: is required/);
    expect(message).toMatch(/ENTRA_ALLOWED_TENANTS.*tenant ids/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ connection string/);
  });

  it('accepts several tenants and a Postgres server', () => {
    const other = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const config = loadConfig({ ...base, ENTRA_ALLOWED_TENANTS: `${tenant}, ${other}`, DATABASE_URL: 'postgres://u@h/db' });
    expect(config.entra.allowedTenants).toEqual([tenant, other]);
    expect(config.databaseUrl).toBe('postgres://u@h/db');
  });

  it('holds ten Postgres connections unless DATABASE_POOL_SIZE says otherwise, and refuses a pool of none', () => {
    expect(loadConfig(base).databasePoolSize).toBe(10);
    expect(loadConfig({ ...base, DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
    expect(() => loadConfig({ ...base, DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
