import { createLogger } from '../logger';
import { composeDeps } from '../composition';
import type { Db } from '../store/database';
import { configFor, useM365StandIn } from '../../test/harness/m365';
import type { Directory } from './directory';

const standIn = useM365StandIn({ seed: 'directory', size: 200 });
let directory: Directory;

beforeAll(() => {
  const config = configFor(standIn());
  // The directory never touches the database; composeDeps is used so the production wiring is what is tested.
  directory = composeDeps(config, {} as Db, createLogger('silent')).directory;
});

beforeEach(() => standIn().stats.reset());

function expectedChain(userId: string): string[] {
  const chain: string[] = [];
  for (let m = standIn().org.byId.get(userId)?.managerId; m; m = standIn().org.byId.get(m)?.managerId) chain.push(m);
  return chain;
}

describe('Graph directory against the stand-in', () => {
  it('finds people by e-mail address or sign-in name, case-insensitively, keyed by the address asked for', async () => {
    const people = standIn().org.people.slice(10, 30);
    const asked = [...people.map((p) => p.user.mail.toUpperCase()), 'nobody@nowhere.test'];
    const found = await directory.findByMail(standIn().tenantId, asked);
    expect(found.size).toBe(20);
    for (const p of people) expect(found.get(p.user.mail.toLowerCase())?.id).toBe(p.user.id);
    expect(found.has('nobody@nowhere.test')).toBe(false);
  });

  it('looks up 31 addresses in requests that each stay within Graph\'s 15-clause filter limit, batched', async () => {
    const people = standIn().org.people.slice(40, 71);
    const found = await directory.findByMail(standIn().tenantId, people.map((p) => p.user.userPrincipalName));
    expect(found.size).toBe(31);
    for (const p of people) expect(found.get(p.user.userPrincipalName.toLowerCase())?.id).toBe(p.user.id);
    // 3 groups of at most 15 addresses, each asked as mail and as userPrincipalName, in one $batch.
    expect(standIn().stats.get()).toMatchObject({ batchCalls: 1, batchedRequests: 6 });
  });

  it('reads people by id with their grade from the configured extension attribute; unknown ids are absent', async () => {
    const person = standIn().org.people[42]!;
    const found = await directory.getPeople(standIn().tenantId, [person.user.id, '00000000-0000-4000-8000-000000000000']);
    expect(found.size).toBe(1);
    expect(found.get(person.user.id)).toMatchObject({
      displayName: person.user.displayName,
      department: person.user.department,
      grade: person.user.onPremisesExtensionAttributes.extensionAttribute1,
    });
  });

  it('searches by the start of a name with a limit', async () => {
    const person = standIn().org.people[7]!;
    const prefix = person.user.displayName.slice(0, 3);
    const results = await directory.searchPeople(standIn().tenantId, prefix, 5);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    for (const r of results) {
      expect([r.displayName, r.mail ?? '', r.userPrincipalName].some((v) => v.toLowerCase().startsWith(prefix.toLowerCase()))).toBe(true);
    }
  });

  it('reads each management chain, nearest manager first, 20 people to a $batch', async () => {
    const ids = standIn().org.people.slice(0, 60).map((p) => p.user.id);
    const chains = await directory.managementChains(standIn().tenantId, ids);
    for (const id of ids) expect(chains.get(id)).toEqual({ userId: id, managerIds: expectedChain(id), cycle: false });
    expect(standIn().stats.get().batchCalls).toBe(3);
  });

  it('describes a person with their directory facts and whether they have a photo', async () => {
    const person = standIn().org.people.find((p) => !p.user.id.endsWith('7'))!;
    const profile = await directory.profile(standIn().tenantId, person.user.id);
    expect(profile).toMatchObject({ id: person.user.id, jobTitle: person.user.jobTitle, officeLocation: person.user.officeLocation });
    expect(profile?.hasPhoto).toBe(true);
    // The stand-in, like real directories, leaves some people without a photo.
    const withoutPhoto = standIn().org.people.find((p) => p.user.id.endsWith('7') && p.appRoles.length === 0)!;
    await expect(directory.profile(standIn().tenantId, withoutPhoto.user.id)).resolves.toMatchObject({ hasPhoto: false });
    await expect(directory.profile(standIn().tenantId, '00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
  });
});
