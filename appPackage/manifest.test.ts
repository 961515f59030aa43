import { readFileSync } from 'node:fs';
import path from 'node:path';
import { botCommands } from '../shared/botCommands';
import { buildAppPackage, InvalidAppPackageError } from './buildPackage';
import { fillPlaceholders, MissingValuesError, placeholdersIn, readEnvironment } from './environment';
import { azureLikeEnvironment } from './testEnvironments';
import { localSchemaFile, validateAppPackage } from './validate';

const root = path.resolve(__dirname, '..');
const template = readFileSync(path.join(__dirname, 'manifest.json'), 'utf8');

async function filledPackage() {
  return buildAppPackage(azureLikeEnvironment);
}

function localizationsOf(files: Record<string, Buffer>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith('.json') && name !== 'manifest.json')
      .map(([name, content]) => [name, JSON.parse(content.toString('utf8')) as Record<string, unknown>]),
  );
}

describe('the app manifest', () => {
  it('names a Teams schema that @microsoft/app-manifest ships, so validation runs offline', () => {
    const { $schema } = JSON.parse(template) as { $schema: string };
    expect($schema).toMatch(/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/);
    expect(localSchemaFile($schema)).toBeDefined();
  });

  it('validates against its schema once placeholders are filled for an Azure environment', async () => {
    const { manifest, files } = await filledPackage();
    expect(await validateAppPackage(manifest, localizationsOf(files))).toEqual([]);
  });

  it('validates for the committed local environment too', async () => {
    await expect(buildAppPackage(readEnvironment(root, 'local'))).resolves.toBeDefined();
  });

  it('fails validation when the manifest is broken, naming each fault', async () => {
    const { manifest, files } = await filledPackage();
    const broken = structuredClone(manifest) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    delete broken.developer.privacyUrl;
    broken.bots[0].botId = 'not-a-guid';
    broken.name.short = 'Upward, the reverse-mentoring app for everyone';
    broken.staticTabs[0].contentUrl = 'https://elsewhere.example.com/tab';
    const problems = await validateAppPackage(broken, localizationsOf(files));
    expect(problems.join('\n')).toMatch(/privacyUrl/);
    expect(problems.join('\n')).toMatch(/\/bots\/0\/botId must match pattern/);
    expect(problems.join('\n')).toMatch(/\/name\/short must NOT have more than 30 characters/);
    expect(problems.join('\n')).toMatch(/staticTabs\[0\]\.contentUrl is on elsewhere\.example\.com, which is not in validDomains/);
  });

  it('fails validation when a localisation file names a text the manifest does not have', async () => {
    const { manifest, files } = await filledPackage();
    const localizations = localizationsOf(files);
    localizations['fr-fr.json'] = { ...localizations['fr-fr.json'], 'staticTabs[7].name': 'Fantôme' };
    expect(await validateAppPackage(manifest, localizations)).toEqual(['fr-fr.json: staticTabs[7].name names no text in manifest.json (did an index move?)']);
  });

  it('refuses to build a package with a placeholder left unfilled, listing every missing value', async () => {
    const { BOT_ID: _bot, TAB_DOMAIN: _domain, ...partial } = azureLikeEnvironment;
    await expect(buildAppPackage(partial)).rejects.toThrow(MissingValuesError);
    await expect(buildAppPackage(partial)).rejects.toThrow(/BOT_ID, TAB_DOMAIN|TAB_DOMAIN, BOT_ID/);
  });

  it('reports schema failures as an InvalidAppPackageError', async () => {
    await expect(buildAppPackage({ ...azureLikeEnvironment, BOT_ID: 'bot' })).rejects.toThrow(InvalidAppPackageError);
  });

  it('takes every web address from ${{TAB_ENDPOINT}} and never hard-codes a host', () => {
    const addresses = [...template.matchAll(/"([^"]*(:\/\/|TAB_ENDPOINT)[^"]*)"/g)].map((m) => m[1]!).filter((a) => !a.startsWith('https://developer.microsoft.com/json-schemas/'));
    expect(addresses.length).toBeGreaterThan(5);
    for (const address of addresses) expect(address).toMatch(/^(\$\{\{TAB_ENDPOINT\}\}(\/|$)|api:\/\/\$\{\{TAB_DOMAIN\}\}\/)/);
    expect(template).not.toMatch(/localhost|127\.0\.0\.1/);
    for (const name of ['TAB_ENDPOINT', 'TAB_DOMAIN', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'TEAMS_APP_ID']) expect(placeholdersIn(template)).toContain(name);
  });

  it('serves the tabs, add-in, privacy and terms at the addresses the service exposes', async () => {
    const { manifest } = await filledPackage();
    const text = JSON.stringify(manifest);
    for (const url of [
      'https://upward.contoso.com/tab/index.html#/workspace',
      'https://upward.contoso.com/tab/index.html#/admin',
      'https://upward.contoso.com/tab/index.html#/guides',
      'https://upward.contoso.com/addin/taskpane.html',
      'https://upward.contoso.com/privacy.html',
      'https://upward.contoso.com/terms.html',
    ]) {
      expect(text).toContain(`"${url}"`);
    }
    expect(manifest.webApplicationInfo).toEqual({ id: azureLikeEnvironment.AAD_APP_CLIENT_ID, resource: `api://upward.contoso.com/${azureLikeEnvironment.AAD_APP_CLIENT_ID}` });
  });

  it('declares the meeting surfaces: one configurable tab for meeting chats, their details and the side panel, which Upward may add by resource-specific consent', async () => {
    const { manifest } = await filledPackage();
    const tabs = manifest.configurableTabs as { scopes: string[]; context: string[]; meetingSurfaces: string[]; configurationUrl: string }[];
    expect(tabs).toHaveLength(1);
    expect(tabs[0]!.scopes).toEqual(['groupChat']);
    expect(tabs[0]!.context).toEqual(expect.arrayContaining(['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab']));
    expect(tabs[0]!.meetingSurfaces).toEqual(['sidePanel']);
    expect(tabs[0]!.configurationUrl).toBe('https://upward.contoso.com/tab/index.html#/meeting-setup');
    const rsc = (manifest.authorization as { permissions: { resourceSpecific: { name: string; type: string }[] } }).permissions.resourceSpecific;
    expect(rsc).toContainEqual({ name: 'TeamsTab.Create.Chat', type: 'Application' });
  });

  it('refuses a meeting tab in the personal scope (configurable tabs live in chats and channels)', async () => {
    const { manifest, files } = await filledPackage();
    const broken = structuredClone(manifest) as { configurableTabs: { scopes: string[] }[] };
    broken.configurableTabs[0]!.scopes = ['personal'];
    expect((await validateAppPackage(broken as Record<string, unknown>, localizationsOf(files))).join('\n')).toMatch(/configurableTabs\/0\/scopes\/0 must be equal to one of the allowed values/);
  });

  it('puts the Outlook add-in on the appointment organizer form with a task pane runtime', async () => {
    const { manifest } = await filledPackage();
    const [extension] = manifest.extensions as { runtimes: { code: { page: string }; actions: { id: string; type: string }[] }[]; ribbons: { contexts: string[]; tabs: { groups: { controls: { actionId: string }[] }[] }[] }[] }[];
    expect(extension!.ribbons[0]!.contexts).toEqual(['meetingDetailsOrganizer']);
    const action = extension!.runtimes[0]!.actions[0]!;
    expect(action.type).toBe('openPage');
    expect(extension!.ribbons[0]!.tabs[0]!.groups[0]!.controls[0]!.actionId).toBe(action.id);
  });
});

describe('bot commands', () => {
  it('advertises in the manifest exactly the commands of shared/botCommands.ts, in order, with the same descriptions', () => {
    const manifest = JSON.parse(template) as { bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[] };
    const [bot] = manifest.bots;
    expect(bot!.scopes).toEqual(['personal']);
    expect(bot!.commandLists).toHaveLength(1);
    expect(bot!.commandLists[0]!.commands).toEqual(botCommands.map(({ title, description }) => ({ title, description })));
  });

  it('translates every command description and no command title (the bot matches titles)', () => {
    for (const file of ['fr-fr.json', 'de-de.json']) {
      const localization = JSON.parse(readFileSync(path.join(__dirname, file), 'utf8')) as Record<string, string>;
      const keys = Object.keys(localization).filter((k) => k.startsWith('bots['));
      expect(keys.sort()).toEqual(botCommands.map((_, i) => `bots[0].commandLists[0].commands[${i}].description`).sort());
    }
  });
});

describe('placeholders', () => {
  it('escapes values so a quote cannot break the JSON they land in', () => {
    expect(JSON.parse(fillPlaceholders('{"a":"${{X}}"}', { X: 'say "hi"\\' }, 'test'))).toEqual({ a: 'say "hi"\\' });
  });
});
