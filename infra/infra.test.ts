import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { UPWARD_ADMIN_ROLE, UPWARD_GRAPH_APP_ROLES, UPWARD_GRAPH_DELEGATED_SCOPES, UPWARD_USER_SCOPE } from '../dev/demoOrg/tenant';
import { placeholdersIn } from '../appPackage/environment';
import { OPERATION_PERMISSIONS } from '../dev/graph/permissions';
import { loadConfig } from '../server/config';
import { bicepAppSettings, resolveAppSettings } from './appSettings';

/*
 * There is no Bicep compiler on this machine (the npm wrappers download the CLI at run time), so
 * these tests check what can be checked honestly from the text: declared parameters against each
 * environment's parameter file, outputs against teamsapp.yml, and app settings against the
 * service's configuration. `az bicep build` / what-if is the remaining check (docs/admin-guide.md).
 */
const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const bicep = read('infra/main.bicep');
const environments = ['dev', 'prod'];

type Param = { name: string; type: string; hasDefault: boolean; allowed: string[] | undefined };

function bicepParams(source: string): Param[] {
  const params: Param[] = [];
  let allowed: string[] | undefined;
  for (const line of source.split('\n')) {
    const allowedMatch = /^@allowed\(\[(.*)\]\)/.exec(line);
    if (allowedMatch) allowed = [...allowedMatch[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    const match = /^param (\w+) (\w+)( = .*)?$/.exec(line);
    if (match) {
      params.push({ name: match[1]!, type: match[2]!, hasDefault: match[3] !== undefined, allowed });
      allowed = undefined;
    }
  }
  return params;
}

/** The Bicep text with string contents and comments removed (a string may hold `//`, a comment `'`). */
function codeOnly(source: string): string {
  let code = '';
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
    } else if (c === "'") inString = true;
    else if (c === '/' && source[i + 1] === '/') while (i < source.length && source[i] !== '\n') i++;
    else code += c;
  }
  return code;
}

const bicepOutputs = [...bicep.matchAll(/^output (\w+) \w+ =/gm)].map((m) => m[1]!);
const parametersFile = (env: string) =>
  JSON.parse(read(`infra/azure.parameters.${env}.json`)) as { parameters: Record<string, { value: unknown }> };
const envFile = (env: string) => parseEnv(read(`env/.env.${env}`)) as Record<string, string>;

type Action = { uses: string; with?: Record<string, unknown>; writeToEnvironmentFile?: Record<string, string> };
const teamsapp = parseYaml(read('teamsapp.yml')) as Record<'provision' | 'deploy' | 'publish', Action[]>;

/** What an action leaves in the environment file for the actions after it. */
function written(action: Action): string[] {
  return [...Object.values(action.writeToEnvironmentFile ?? {}), ...(action.uses === 'arm/deploy' ? bicepOutputs : [])];
}

describe('infra/main.bicep', () => {
  it('has balanced braces, brackets and parentheses outside strings and comments', () => {
    const code = codeOnly(bicep);
    for (const [open, close] of [['{', '}'], ['[', ']'], ['(', ')']] as const) {
      expect(code.split(open).length).toBe(code.split(close).length);
    }
  });

  it('pins an API version on every resource', () => {
    const resources = [...bicep.matchAll(/^resource \w+ '([^']+)'/gm)].map((m) => m[1]!);
    expect(resources.length).toBeGreaterThan(10);
    for (const type of resources) expect(type).toMatch(/^Microsoft\.[A-Za-z]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
  });

  it('runs the service on a Node LTS line with a managed identity, and the bot on that identity (no password)', () => {
    const nodeVersion = bicepParams(bicep).find((p) => p.name === 'nodeVersion')!;
    expect(nodeVersion.allowed).toEqual(['22-lts', '24-lts']);
    expect(bicep).toContain("linuxFxVersion: 'NODE|${nodeVersion}'");
    expect(bicep).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
    expect(bicep).not.toMatch(/msaAppPassword|clientSecret:/);
  });

  for (const env of environments) {
    it(`is given every parameter without a default, and only declared parameters, by azure.parameters.${env}.json`, () => {
      const params = bicepParams(bicep);
      const given = parametersFile(env).parameters;
      for (const param of params.filter((p) => !p.hasDefault)) expect(Object.keys(given)).toContain(param.name);
      for (const name of Object.keys(given)) expect(params.map((p) => p.name)).toContain(name);
      for (const param of params) {
        const value = given[param.name]?.value;
        if (value === undefined || (typeof value === 'string' && value.includes('${{'))) continue;
        expect(typeof value).toBe({ string: 'string', int: 'number', bool: 'boolean' }[param.type]);
        if (param.allowed) expect(param.allowed).toContain(value);
      }
    });
  }

  it('sets the environment the service needs: HOST 0.0.0.0, the database reached as the managed identity with no password, and a configuration loadConfig accepts', () => {
    const settings = bicepAppSettings(bicep);
    expect(settings.HOST).toBe("'0.0.0.0'");
    expect(settings.DATABASE_URL).toBe("'postgres://${identity.name}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'");
    expect(settings.DATABASE_AUTH).toBe("'managed-identity'");
    const identity = { clientId: '3c9e1d7a-5b2f-4e8c-9a6d-1f0e2d3c4b5a', tenantId: '7d3c5a1e-2b4f-4c8d-9e6a-0f1b2c3d4e5f' };
    // What App Service would hand the process once the references and expressions resolve (App Service adds PORT and the identity endpoint itself).
    const resolved = resolveAppSettings(settings, {
      "'https://${publicHostName}'": 'https://upward.contoso.com',
      "'postgres://${identity.name}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'":
        'postgres://upward-dev-identity@upward-dev-pg.postgres.database.azure.com:5432/upward?sslmode=verify-full',
      aadAppClientId: 'b8f2e6d4-3a1c-4e7b-8d9f-6c5a4b3e2d1f',
      servedTenants: identity.tenantId,
      // Empty until the app is published to the catalog.
      teamsAppCatalogId: '',
      'identity.properties.clientId': identity.clientId,
      'identity.properties.tenantId': identity.tenantId,
      'appInsights.properties.ConnectionString': 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
    });
    const config = loadConfig({ ...resolved, PORT: '8080', IDENTITY_ENDPOINT: 'http://169.254.129.2:8081/msi/token', IDENTITY_HEADER: 'set-by-app-service' });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 8080, publicBaseUrl: 'https://upward.contoso.com' });
    expect(config.bot).toMatchObject({ auth: 'entra', connection: { clientId: identity.clientId, tenantId: identity.tenantId, authType: 'UserManagedIdentity', validateIssuer: true } });
    expect(config.entra.credential).toEqual({ kind: 'managed-identity', managedIdentityClientId: identity.clientId });
    expect(config).toMatchObject({ databaseAuth: 'managed-identity', databaseUrl: 'postgres://upward-dev-identity@upward-dev-pg.postgres.database.azure.com:5432/upward?sslmode=verify-full' });
  });

  it('lets only Microsoft Entra tokens into the database, with the managed identity as its administrator', () => {
    expect(bicep).toMatch(/authConfig: \{ activeDirectoryAuth: 'Enabled', passwordAuth: 'Disabled'/);
    expect(bicep).not.toMatch(/administratorLoginPassword|@secure\(\)/);
    expect(bicep).toMatch(/resource postgresEntraAdmin 'Microsoft\.DBforPostgreSQL\/flexibleServers\/administrators@[\d-]+' = \{\s*parent: postgres\s*name: identity\.properties\.principalId\s*properties: \{\s*principalType: 'ServicePrincipal'\s*principalName: identity\.name/);
  });
});

describe('no client secret in the deployment', () => {
  const files = ['teamsapp.yml', 'aad.manifest.json', 'infra/main.bicep', 'infra/azure.parameters.dev.json', 'infra/azure.parameters.prod.json', 'env/.env.dev', 'env/.env.prod'];

  it.each(files)('%s neither generates nor passes a client secret', (file) => {
    expect(read(file)).not.toMatch(/generateClientSecret: *true|clientSecret|CLIENT_SECRET|aadAppClientSecret/);
  });

  it('trusts the managed identity as the app registration\'s federated credential, after the deployment that creates it', () => {
    const steps = teamsapp.provision.map((a) => a.uses);
    const federation = teamsapp.provision.find((a) => a.uses === 'script' && String(a.with?.run).includes('federated-credential create'))!;
    expect(steps.indexOf('script')).toBeGreaterThan(steps.indexOf('arm/deploy'));
    const run = String(federation.with!.run);
    expect(run).toContain('--id ${{AAD_APP_CLIENT_ID}}');
    expect(run).toContain('"issuer": "https://login.microsoftonline.com/${{AAD_APP_TENANT_ID}}/v2.0"');
    expect(run).toContain('"subject": "${{MANAGED_IDENTITY_PRINCIPAL_ID}}"');
    expect(run).toContain('"audiences": ["api://AzureADTokenExchange"]');
    expect(bicep).toContain('output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId');
  });
});

describe('teamsapp.yml', () => {
  it('keeps provision, deploy and publish as separate stages, with validation on', () => {
    expect(Object.keys(teamsapp)).toEqual(expect.arrayContaining(['provision', 'deploy', 'publish']));
    for (const stage of ['provision', 'publish'] as const) {
      const uses = teamsapp[stage].map((a) => a.uses);
      expect(uses).toEqual(expect.arrayContaining(['teamsApp/validateManifest', 'teamsApp/validateAppPackage']));
    }
    expect(teamsapp.publish.map((a) => a.uses)).toContain('teamsApp/publishAppPackage');
  });

  for (const env of environments) {
    it(`only uses values that exist when each step runs (env/.env.${env}, earlier steps, Bicep outputs)`, () => {
      const fromEnvFile = Object.keys(envFile(env));
      const provisioned = teamsapp.provision.flatMap(written);
      const check = (actions: Action[], available: string[]) => {
        const known = [...available];
        for (const action of actions) {
          for (const name of placeholdersIn(JSON.stringify(action.with ?? {}))) expect({ action: action.uses, name, known: known.includes(name) }).toEqual({ action: action.uses, name, known: true });
          known.push(...written(action));
        }
        return known;
      };
      const afterProvision = check(teamsapp.provision, fromEnvFile);
      check(teamsapp.deploy, [...fromEnvFile, ...provisioned]);
      check(teamsapp.publish, [...fromEnvFile, ...provisioned]);

      // The manifest and the Azure parameters are filled from the same environment.
      for (const file of ['appPackage/manifest.json', 'aad.manifest.json', `infra/azure.parameters.${env}.json`]) {
        for (const name of placeholdersIn(read(file))) expect({ file, name, known: afterProvision.includes(name) }).toEqual({ file, name, known: true });
      }
    });
  }
});

describe('aad.manifest.json', () => {
  const aad = JSON.parse(read('aad.manifest.json')) as {
    identifierUris: string[];
    oauth2Permissions: { id: string; value: string }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    appRoles: { value: string; allowedMemberTypes: string[] }[];
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: 'Scope' | 'Role' }[] }[];
  };

  it('exposes access_as_user at the same resource the app manifest asks Teams for', () => {
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { webApplicationInfo: { resource: string } };
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(aad.oauth2Permissions.map((p) => p.value)).toEqual([UPWARD_USER_SCOPE]);
  });

  it('pre-authorises the Teams, Microsoft 365 and Outlook clients for access_as_user', () => {
    const scopeId = aad.oauth2Permissions[0]!.id;
    const ids = aad.preAuthorizedApplications.map((a) => a.appId);
    for (const client of [
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
      '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web
      '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
      'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft 365 mobile, Outlook desktop
      'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
      '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
    ]) {
      expect(ids).toContain(client);
    }
    for (const app of aad.preAuthorizedApplications) expect(app.permissionIds).toEqual([scopeId]);
  });

  it('defines the Upward.Admin role for users', () => {
    expect(aad.appRoles.map((r) => [r.value, r.allowedMemberTypes])).toEqual([[UPWARD_ADMIN_ROLE, ['User']]]);
  });

  it('asks for exactly the Graph permissions Upward uses, delegated and application', () => {
    const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph')!;
    expect(aad.requiredResourceAccess).toHaveLength(1);
    expect(graph.resourceAccess.filter((a) => a.type === 'Scope').map((a) => a.id).sort()).toEqual([...UPWARD_GRAPH_DELEGATED_SCOPES].sort());
    expect(graph.resourceAccess.filter((a) => a.type === 'Role').map((a) => a.id).sort()).toEqual([...UPWARD_GRAPH_APP_ROLES].sort());
  });

  /** The admin guide's table of Graph permissions: permission, type, why, and the reference pages that grant it. */
  const guideRows = () =>
    read('docs/admin-guide.md')
      .split('\n')
      .map((line) => /^\| `([A-Za-z.]+)` \| (delegated|application|resource-specific)[^|]* \|[^|]*\|(.*)\|$/.exec(line))
      .filter((match) => match !== null)
      .map(([, permission, type, references]) => ({ permission: permission!, type: type!, pages: [...references!.matchAll(/\((https:\/\/learn\.microsoft\.com\/graph\/api\/[a-z-]+)\)/g)].map((m) => m[1]!) }));

  it('lists in the admin guide each Graph permission once, exactly those the registration and the Teams app manifest ask for', () => {
    const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph')!;
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { authorization: { permissions: { resourceSpecific: { name: string }[] } } };
    const rows = guideRows().map((row) => `${row.type} ${row.permission}`);
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.sort()).toEqual(
      [
        ...graph.resourceAccess.map((a) => `${a.type === 'Scope' ? 'delegated' : 'application'} ${a.id}`),
        ...manifest.authorization.permissions.resourceSpecific.map((p) => `resource-specific ${p.name}`),
      ].sort(),
    );
  });

  it('names beside each permission the Graph reference pages whose permissions tables grant it for the calls Upward makes', () => {
    for (const row of guideRows()) {
      expect({ permission: row.permission, pages: row.pages.length > 0 }).toEqual({ permission: row.permission, pages: true });
      for (const page of row.pages) {
        const granting = OPERATION_PERMISSIONS.filter((operation) => operation.source === page).some((operation) =>
          row.type === 'delegated' ? operation.delegated.includes(row.permission) : row.type === 'application' ? operation.application.includes(row.permission) : operation.resourceSpecific === row.permission,
        );
        expect({ permission: `${row.type} ${row.permission}`, page, granting }).toEqual({ permission: `${row.type} ${row.permission}`, page, granting: true });
      }
    }
  });
});
