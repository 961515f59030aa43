import { findIana } from 'windows-iana';
import { generateDemoOrg } from './generateDemoOrg';
import { DEMO_PERSONAS } from './personas';
import { UPWARD_ADMIN_ROLE } from './tenant';
import type { DemoOrg } from './types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function chainOf(org: DemoOrg, id: string): string[] {
  const chain: string[] = [];
  let current = org.byId.get(id)?.managerId;
  while (current) {
    chain.push(current);
    current = org.byId.get(current)?.managerId;
  }
  return chain;
}

describe('generateDemoOrg', () => {
  const org = generateDemoOrg({ seed: 'upward' });

  it('is the same for the same seed and different for another', () => {
    const again = generateDemoOrg({ seed: 'upward' });
    expect(JSON.stringify(again.people)).toBe(JSON.stringify(org.people));
    expect(JSON.stringify(again.series)).toBe(JSON.stringify(org.series));
    expect(JSON.stringify(generateDemoOrg({ seed: 'other' }).people)).not.toBe(JSON.stringify(org.people));
  });

  it('has 300 people by default with unique GUID ids and unique mail addresses', () => {
    expect(org.people).toHaveLength(300);
    expect(new Set(org.people.map((p) => p.user.id)).size).toBe(300);
    expect(new Set(org.people.map((p) => p.user.mail)).size).toBe(300);
    for (const p of org.people) expect(p.user.id).toMatch(GUID);
  });

  it.each(['upward', 'a', 'b', 'c', 7])('builds a tree of 6-8 levels with spans of 3-12 under one CEO (seed %p)', (seed) => {
    const o = seed === 'upward' ? org : generateDemoOrg({ seed, size: 500 });
    const reports = new Map<string, number>();
    for (const p of o.people) if (p.managerId) reports.set(p.managerId, (reports.get(p.managerId) ?? 0) + 1);
    for (const span of reports.values()) {
      expect(span).toBeGreaterThanOrEqual(3);
      expect(span).toBeLessThanOrEqual(12);
    }
    const levels = Math.max(...o.people.map((p) => chainOf(o, p.user.id).length)) + 1;
    expect(levels).toBeGreaterThanOrEqual(6);
    expect(levels).toBeLessThanOrEqual(8);
    const withoutManager = o.people.filter((p) => p.managerId === null);
    expect(withoutManager.length).toBeGreaterThanOrEqual(2);
    expect(withoutManager.length).toBeLessThanOrEqual(3);
    expect(withoutManager.filter((p) => reports.has(p.user.id))).toHaveLength(1);
  });

  it('gives every branch the department of its vice president and managers higher grades than their reports', () => {
    const ceo = org.people.find((p) => p.managerId === null && p.user.jobTitle === 'Chief Executive Officer')!;
    for (const p of org.people) {
      const chain = chainOf(org, p.user.id);
      if (chain.length >= 1 && chain[chain.length - 1] === ceo.user.id && chain.length >= 2) {
        const vp = org.byId.get(chain[chain.length - 2]!)!;
        expect(p.user.department).toBe(vp.user.department);
      }
      if (p.managerId) {
        const grade = Number(p.user.onPremisesExtensionAttributes.extensionAttribute1);
        expect(Number(org.byId.get(p.managerId)!.user.onPremisesExtensionAttributes.extensionAttribute1)).toBeGreaterThan(grade);
      }
    }
  });

  it('uses Windows time zone names that map to IANA zones, or for some people a custom zone as Exchange reports it, in several cities', () => {
    const custom = org.people.filter((p) => p.mailboxSettings.timeZone === 'tzone://Microsoft/Custom');
    for (const p of org.people.filter((q) => !custom.includes(q))) {
      expect(findIana(p.mailboxSettings.timeZone!)?.[0]).toBeTruthy();
      expect(p.mailboxSettings.workingHours?.timeZone?.name).toBe(p.mailboxSettings.timeZone);
    }
    expect(custom.length).toBeGreaterThan(0);
    for (const p of custom) {
      expect(p.mailboxSettings.workingHours?.timeZone).toMatchObject({ '@odata.type': '#microsoft.graph.customTimeZone', name: 'Customized Time Zone', bias: expect.any(Number) });
    }
    expect(new Set(org.people.map((p) => p.user.city)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(org.people.map((p) => p.mailboxSettings.timeZone)).size).toBeGreaterThanOrEqual(2);
  });

  it('has rooms on floors with executive rooms and room lists that cover every room', () => {
    expect(org.rooms.some((r) => r.tags.includes('executive'))).toBe(true);
    const listed = org.roomLists.flatMap((l) => l.roomIds);
    expect(new Set(listed)).toEqual(new Set(org.rooms.map((r) => r.id)));
    for (const r of org.rooms) expect(r.floorNumber).toBeGreaterThanOrEqual(1);
  });

  it('fills calendars with recurring meetings for everyone', () => {
    const busy = new Set(org.series.flatMap((s) => s.attendeeIds));
    expect(busy.size).toBe(org.people.length);
    expect(org.series.some((s) => s.roomId !== null)).toBe(true);
  });

  it('assigns Upward.Admin to 2-3 people, the programme admin persona among them', () => {
    const admins = org.people.filter((p) => p.appRoles.includes(UPWARD_ADMIN_ROLE));
    expect(admins.length).toBeGreaterThanOrEqual(2);
    expect(admins.length).toBeLessThanOrEqual(3);
    expect(admins.map((a) => a.user.id)).toContain(DEMO_PERSONAS.programmeAdmin.id);
  });

  it.each([300, 40, 2000])('places the personas by stable id whatever the size (%p)', (size) => {
    const o = size === 300 ? org : generateDemoOrg({ seed: 's', size });
    const leader = o.byId.get(DEMO_PERSONAS.seniorLeader.id)!;
    const mentor = o.byId.get(DEMO_PERSONAS.juniorMentor.id)!;
    const inChain = o.byId.get(DEMO_PERSONAS.juniorInLeadersChain.id)!;
    expect(leader.user.displayName).toBe('Catherine Adeyemi');
    expect(leader.user.jobTitle).toMatch(/^Vice President/);
    expect(mentor.buildingId).not.toBe(leader.buildingId);
    expect(mentor.user.department).not.toBe(leader.user.department);
    expect(chainOf(o, mentor.user.id)).not.toContain(leader.user.id);
    expect(chainOf(o, inChain.user.id)).toContain(leader.user.id);
    expect(Number(mentor.user.onPremisesExtensionAttributes.extensionAttribute1)).toBeLessThan(
      Number(leader.user.onPremisesExtensionAttributes.extensionAttribute1),
    );
  });

  // How fast it generates is not asserted here: a time bound in the suite fails with CI's load, not with the code.
  it('generates an organisation of 12,000 people, each with their own id and mail', () => {
    const big = generateDemoOrg({ seed: 'bench', size: 12000 });
    expect(big.people).toHaveLength(12000);
    expect(new Set(big.people.map((p) => p.user.id)).size).toBe(12000);
    expect(new Set(big.people.map((p) => p.user.mail)).size).toBe(12000);
  });
});
