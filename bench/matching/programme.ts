import { generateDemoOrg } from '../../dev/demoOrg';
import { createPrng } from '../../dev/demoOrg/prng';
import type { ReportingChain } from '../../shared/glossary';
import type { MatchCandidate, MatchInput, MatchPin } from '../../shared/matching';
import { pairKey } from '../../shared/pairingRules';
import { buildReportingChain } from '../../shared/reportingChain';
import { seniorityOf } from '../../shared/seniority';
import type { DemoPerson } from '../../dev/demoOrg';

const topics = [
  'Gen Z perspectives', 'AI tools', 'social media', 'inclusion', 'accessibility', 'hybrid work', 'sustainability',
  'data literacy', 'mental health', 'neurodiversity', 'early-career experience', 'customer voice',
];
const secondLanguages = ['fr', 'es', 'nl', 'de', 'hi', 'pl'];
const gradeSource = { kind: 'directory-attribute', attribute: 'extensionAttribute1' } as const;

/**
 * A realistic programme of `perSide` mentors and mentees drawn from the demo organisation: the
 * most senior people enrol as mentees, a sample of the more junior half as mentors; profiles
 * come from small topic lists (so scores tie), some earlier pairs, admin blocks and pins.
 * Reporting chains are built here, as the server builds them when it syncs the directory.
 */
export function demoProgramme(perSide: number, seed = 'bench-matching'): MatchInput {
  const org = generateDemoOrg({ seed, size: Math.min(20000, perSide * 4) });
  const prng = createPrng(`${seed}-${perSide}`);
  const chains = new Map<string, ReportingChain>();
  for (const person of org.people) chains.set(person.user.id, buildReportingChain(person.user.id, (id) => org.byId.get(id)?.managerId));
  const grade = (p: DemoPerson) => Number(p.user.onPremisesExtensionAttributes.extensionAttribute1);
  const bySeniority = prng.shuffle([...org.people]).sort((a, b) => grade(b) - grade(a));
  const menteePeople = bySeniority.slice(0, perSide);
  const juniorHalf = bySeniority.slice(Math.floor(org.people.length / 2));
  const mentorPeople = prng.shuffle(juniorHalf).slice(0, perSide);

  const candidate = (person: DemoPerson, role: 'mentor' | 'mentee', k: number): MatchCandidate => ({
    participant: {
      id: `${role}-${k}`,
      userId: person.user.id,
      role,
      learningGoals: role === 'mentee' ? prng.shuffle([...topics]).slice(0, prng.int(1, 3)) : [],
      offers: role === 'mentor' ? prng.shuffle([...topics]).slice(0, prng.int(1, 4)) : [],
      meetingPreference: prng.pick(['in-person', 'online', 'either', 'either'] as const),
      languages: prng.chance(0.3) ? [prng.pick(secondLanguages)] : [],
      capacity: role === 'mentor' && prng.chance(0.2) ? 2 : 1,
    },
    directory: {
      department: person.user.department,
      jobTitle: person.user.jobTitle,
      officeLocation: person.user.officeLocation,
      city: person.user.city,
      preferredLanguage: person.user.preferredLanguage,
    },
    seniority: seniorityOf(
      { chain: chains.get(person.user.id)!, attributes: { ...person.user.onPremisesExtensionAttributes } },
      gradeSource,
    ),
  });
  const mentors = mentorPeople.map((p, k) => candidate(p, 'mentor', k));
  const mentees = menteePeople.map((p, k) => candidate(p, 'mentee', k));

  const randomPair = () => [prng.pick(mentors), prng.pick(mentees)] as const;
  const earlierPairs = new Set<string>();
  for (let k = 0; k < perSide / 4; k++) {
    const [mentor, mentee] = randomPair();
    earlierPairs.add(pairKey(mentor.participant.userId, mentee.participant.userId));
  }
  const adminBlocks = new Set<string>();
  for (let k = 0; k < perSide / 50; k++) {
    const [mentor, mentee] = randomPair();
    adminBlocks.add(pairKey(mentor.participant.userId, mentee.participant.userId));
  }
  const pins: MatchPin[] = [];
  for (let k = 0; k < perSide / 100; k++) {
    const [mentor, mentee] = randomPair();
    pins.push({ mentorId: mentor.participant.id, menteeId: mentee.participant.id });
  }
  return {
    mentors,
    mentees,
    chains: (id) => chains.get(id),
    policy: { minSeniorityGap: 2, earlierPairs, adminBlocks },
    pins,
  };
}
