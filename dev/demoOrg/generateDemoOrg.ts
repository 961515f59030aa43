import { CUSTOM_MAILBOX_TIME_ZONE, customZoneFor } from './customTimeZones';
import { mailLocalPart, GIVEN_NAMES, SURNAMES } from './names';
import { DEMO_PERSONAS } from './personas';
import type { DemoPersonaName } from './personas';
import { generatePlaces, DEMO_BUILDINGS } from './places';
import { createPrng } from './prng';
import type { Prng } from './prng';
import { generateSeries } from './calendars';
import { DEMO_DOMAIN, DEMO_TENANT_ID, UPWARD_ADMIN_ROLE, UPWARD_CLIENT_ID } from './tenant';
import { generateTree } from './tree';
import type { DemoOrg, DemoPerson } from './types';

export interface DemoOrgOptions {
  seed: string | number;
  /** People in the directory, 40 to 20,000. */
  size?: number;
}

const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'People', 'Operations', 'Legal', 'Customer Success'];
const IC_ROLES: Record<string, string> = {
  'Executive Office': 'Executive Assistant',
  Engineering: 'Software Engineer',
  Sales: 'Account Executive',
  Marketing: 'Marketing Specialist',
  Finance: 'Financial Analyst',
  People: 'People Partner',
  Operations: 'Operations Analyst',
  Legal: 'Legal Counsel',
  'Customer Success': 'Customer Success Specialist',
};
const LANGUAGE_NAMES: Record<string, string> = {
  'en-GB': 'English (United Kingdom)',
  'en-US': 'English (United States)',
  'es-US': 'Spanish (United States)',
  'nl-NL': 'Dutch (Netherlands)',
};
/** Hire dates count back from here (a fixed date: the generator never reads the clock). */
const HIRE_REFERENCE_MS = Date.UTC(2025, 5, 1);
const TOP_GRADE = 12;

interface Draft {
  depth: number;
  managerIndex: number;
  department: string;
  grade: number;
  isManager: boolean;
  buildingIndex: number;
  floor: number;
}

function pickBuilding(prng: Prng): number {
  let roll = prng.next();
  for (let i = 0; i < DEMO_BUILDINGS.length; i++) {
    roll -= DEMO_BUILDINGS[i]!.staffWeight;
    if (roll < 0) return i;
  }
  return DEMO_BUILDINGS.length - 1;
}

function jobTitle(draft: Draft): string {
  if (draft.depth === 0) return 'Chief Executive Officer';
  if (draft.depth === 1) return `Vice President, ${draft.department}`;
  if (draft.isManager) return draft.depth === 2 ? `Director, ${draft.department}` : draft.depth === 3 ? 'Senior Manager' : 'Team Lead';
  const role = IC_ROLES[draft.department] ?? 'Specialist';
  if (draft.grade >= 8) return `Principal ${role}`;
  if (draft.grade >= 6) return `Senior ${role}`;
  if (draft.grade <= 3) return `Associate ${role}`;
  return role;
}

/** Index of the person each persona becomes; the rest of the organisation is untouched. */
function choosePersonas(prng: Prng, drafts: Draft[], children: number[][]): Record<DemoPersonaName, number> {
  const maxDepth = Math.max(...drafts.map((d) => d.depth));
  const vpOf = (i: number): number => {
    let current = i;
    while (drafts[current]!.depth > 1) current = drafts[current]!.managerIndex;
    return current;
  };
  const deepest = drafts.findIndex((d) => d.depth === maxDepth);
  const mentorBranch = vpOf(deepest);
  const juniorsByBranch = new Map<number, number[]>();
  drafts.forEach((d, i) => {
    if (d.depth < 2 || d.isManager) return;
    const branch = vpOf(i);
    const list = juniorsByBranch.get(branch);
    if (list) list.push(i);
    else juniorsByBranch.set(branch, [i]);
  });
  const vps = children[0]!.filter((v) => v !== mentorBranch && drafts[v]!.department !== 'People' && juniorsByBranch.has(v));
  const seniorLeader = prng.pick(vps);
  const inChain = prng.pick(juniorsByBranch.get(seniorLeader)!);
  const people = drafts.map((d, i) => ({ d, i })).filter(({ d }) => d.department === 'People' && d.depth >= 2);
  const admin = people.length > 0 ? prng.pick(people).i : children[0]!.find((v) => drafts[v]!.department === 'People')!;
  return { seniorLeader, juniorMentor: deepest, juniorInLeadersChain: inChain, programmeAdmin: admin };
}

/**
 * A deterministic demo organisation: the same seed and size always give the same people, tree,
 * rooms and calendars. Fast enough for 12,000 people in well under a second.
 */
export function generateDemoOrg({ seed, size = 300 }: DemoOrgOptions): DemoOrg {
  if (!Number.isInteger(size) || size < 40 || size > 20000) throw new Error('size must be an integer from 40 to 20,000');
  const prng = createPrng(seed);
  const unmanagedExtras = prng.int(1, 2);
  const levels = size < 80 ? 6 : prng.int(6, 8);
  const ceoSpan = prng.int(6, 8);
  const tree = generateTree(prng, size - unmanagedExtras, levels, ceoSpan);
  const branchDepartments = prng.shuffle(['People', ...prng.shuffle(DEPARTMENTS.filter((d) => d !== 'People')).slice(0, tree.children[0]!.length - 1)]);

  const drafts: Draft[] = [];
  // Parents always have a lower index than their reports, so one pass in index order sees managers first.
  tree.parent.forEach((managerIndex, i) => {
    const depth = tree.depth[i]!;
    const isManager = tree.children[i]!.length > 0;
    const manager = managerIndex >= 0 ? drafts[managerIndex]! : undefined;
    const department = depth === 0 ? 'Executive Office' : depth === 1 ? branchDepartments[tree.children[0]!.indexOf(i)]! : manager!.department;
    const grade = Math.max(1, isManager ? TOP_GRADE - depth : TOP_GRADE - 1 - depth - prng.int(0, 2));
    const buildingIndex = manager && prng.chance(0.75) ? manager.buildingIndex : depth === 0 ? 0 : pickBuilding(prng);
    const floors = DEMO_BUILDINGS[buildingIndex]!.floors;
    const floor = manager && buildingIndex === manager.buildingIndex && prng.chance(0.6) ? manager.floor : prng.int(1, floors);
    drafts.push({ depth, managerIndex, department, grade, isManager, buildingIndex, floor });
  });
  for (let k = 0; k < unmanagedExtras; k++) {
    const buildingIndex = pickBuilding(prng);
    drafts.push({ depth: -1, managerIndex: -1, department: prng.pick(DEPARTMENTS), grade: prng.int(3, 7), isManager: false, buildingIndex, floor: prng.int(1, DEMO_BUILDINGS[buildingIndex]!.floors) });
  }

  const personaIndex = choosePersonas(prng, drafts, tree.children);
  drafts[personaIndex.seniorLeader]!.buildingIndex = 0;
  drafts[personaIndex.juniorMentor]!.buildingIndex = 1;
  const personaAt = new Map<number, DemoPersonaName>(Object.entries(personaIndex).map(([name, i]) => [i, name as DemoPersonaName]));

  const ids = drafts.map((_, i) => {
    const persona = personaAt.get(i);
    return persona ? DEMO_PERSONAS[persona].id : prng.guid();
  });
  const peopleDepartment = drafts.map((d, i) => ({ d, i })).filter(({ d, i }) => d.department === 'People' && i !== personaIndex.programmeAdmin);
  const admins = new Set([personaIndex.programmeAdmin, ...prng.shuffle(peopleDepartment).slice(0, prng.int(1, 2)).map(({ i }) => i)]);

  const mailCounts = new Map<string, number>();
  const people: DemoPerson[] = drafts.map((draft, i) => {
    const persona = personaAt.get(i);
    const givenName = persona ? DEMO_PERSONAS[persona].givenName : prng.pick(GIVEN_NAMES);
    const surname = persona ? DEMO_PERSONAS[persona].surname : prng.pick(SURNAMES);
    const base = mailLocalPart(givenName, surname);
    const seen = mailCounts.get(base) ?? 0;
    mailCounts.set(base, seen + 1);
    const address = `${seen === 0 ? base : `${base}${seen + 1}`}@${DEMO_DOMAIN}`;
    const building = DEMO_BUILDINGS[draft.buildingIndex]!;
    const language = prng.chance(0.85) ? building.preferredLanguages[0]! : prng.pick(building.preferredLanguages);
    const tenureDays = prng.int(30, 700) + Math.max(0, draft.grade - 3) * prng.int(120, 330);
    const startHour = prng.pick(['08:00', '08:30', '09:00', '09:30']);
    const [h, m] = startHour.split(':').map(Number) as [number, number];
    const endMinutes = h * 60 + m + 510;
    // About one mailbox in sixteen has its zone saved as custom rules, as Exchange reports some (never a persona's).
    const customZone = !persona && ids[i]!.endsWith('b');
    return {
      user: {
        id: ids[i]!,
        displayName: `${givenName} ${surname}`,
        givenName,
        surname,
        mail: address,
        userPrincipalName: address,
        jobTitle: draft.depth === -1 ? (IC_ROLES[draft.department] ?? 'Specialist') : jobTitle(draft),
        department: draft.department,
        officeLocation: `${building.name}, floor ${draft.floor}`,
        city: building.city,
        country: building.country,
        usageLocation: building.countryCode,
        preferredLanguage: language,
        employeeHireDate: new Date(HIRE_REFERENCE_MS - tenureDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        accountEnabled: true,
        businessPhones: [],
        mobilePhone: null,
        onPremisesExtensionAttributes: { extensionAttribute1: String(draft.grade) },
      },
      managerId: draft.managerIndex >= 0 ? ids[draft.managerIndex]! : null,
      mailboxSettings: {
        timeZone: customZone ? CUSTOM_MAILBOX_TIME_ZONE : building.timeZone,
        language: { locale: language, displayName: LANGUAGE_NAMES[language] ?? language },
        dateFormat: language === 'en-US' || language === 'es-US' ? 'M/d/yyyy' : 'dd/MM/yyyy',
        timeFormat: language === 'en-US' || language === 'es-US' ? 'h:mm tt' : 'HH:mm',
        userPurpose: 'user',
        workingHours: {
          daysOfWeek: prng.chance(0.1) ? ['monday', 'tuesday', 'wednesday', 'thursday'] : ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: `${startHour}:00.0000000`,
          endTime: `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}:00.0000000`,
          timeZone: customZone ? customZoneFor(building.timeZone) : { name: building.timeZone },
        },
      },
      buildingId: building.id,
      floorNumber: draft.floor,
      appRoles: admins.has(i) ? [UPWARD_ADMIN_ROLE] : [],
    };
  });

  const { rooms, roomLists } = generatePlaces(prng, DEMO_DOMAIN);
  const roomsByBuilding = new Map<string, number[]>();
  rooms.forEach((room, i) => {
    const buildingId = DEMO_BUILDINGS.find((b) => b.name === room.building)!.id;
    roomsByBuilding.set(buildingId, [...(roomsByBuilding.get(buildingId) ?? []), i]);
  });
  const reports: number[][] = drafts.map((_, i) => tree.children[i] ?? []);
  const series = generateSeries(prng, {
    people,
    reports,
    managerIndex: drafts.map((d) => d.managerIndex),
    rooms,
    roomsByBuilding,
    buildingTimeZone: (id) => DEMO_BUILDINGS.find((b) => b.id === id)!.timeZone,
  });

  return {
    seed,
    tenantId: DEMO_TENANT_ID,
    clientId: UPWARD_CLIENT_ID,
    domain: DEMO_DOMAIN,
    people,
    byId: new Map(people.map((p) => [p.user.id, p])),
    buildings: DEMO_BUILDINGS.map(({ staffWeight: _w, preferredLanguages: _l, ...building }) => building),
    rooms,
    roomLists,
    series,
  };
}
