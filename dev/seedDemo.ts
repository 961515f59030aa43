import type { AppDeps } from '../server/appDeps';
import { adminRole, type Caller } from '../server/auth/caller';
import { matchPublisher } from '../server/matching/matchPublisher';
import { matchRunner } from '../server/matching/matchRunner';
import { pairTransitioner } from '../server/pairs/pairCommands';
import { pairRepository } from '../server/pairs/pairRepository';
import { participantEnroller } from '../server/participants/participantCommands';
import { programmeCreator, programmeUpdater } from '../server/programmes/programmeCommands';
import { programmeRepository } from '../server/programmes/programmeRepository';
import { managementDepth } from './demoOrg/depth';
import { DEMO_PERSONAS } from './demoOrg/personas';
import type { DemoOrg, DemoPerson } from './demoOrg/types';

const goals = ['lived experience', 'social media', 'Gen Z at work', 'hybrid working', 'accessibility', 'AI tools', 'inclusion', 'faith at work'];

function callerFor(org: DemoOrg, person: DemoPerson): Caller {
  const roles = person.appRoles;
  return {
    tenantId: org.tenantId,
    userId: person.user.id,
    name: person.user.displayName,
    username: person.user.userPrincipalName,
    roles,
    isAdmin: roles.includes(adminRole),
    accessToken: '',
  };
}

/**
 * Gives a fresh local installation something to look at: a running programme with senior
 * mentees and junior mentors enrolled, matched and published through the same commands the API
 * uses, and the demo personas' pair accepted with its charter waiting to be signed.
 * Does nothing when the tenant already has a programme.
 */
export async function seedDemo(deps: AppDeps, org: DemoOrg, today: string): Promise<boolean> {
  const { db, directory } = deps;
  const now = deps.clock();
  const byId = new Map(org.people.map((p) => [p.user.id, p]));
  const admin = callerFor(org, byId.get(DEMO_PERSONAS.programmeAdmin.id)!);
  if ((await programmeRepository(db, org.tenantId).list()).length > 0) return false;

  const anonymityFloor = deps.config.anonymityFloor;
  const programmeId = await programmeCreator({
    db,
    actor: admin,
    now,
    anonymityFloor,
    input: {
      name: 'Reverse mentoring 2026–27',
      startsOn: today,
      settings: { objectives: ['inclusion', 'technology', 'culture'], minSeniorityGap: 2 },
      charterText:
        'We meet every {cadenceDays} days for {sessionMinutes} minutes, somewhere neutral, from {startsOn} to {endsOn}. What we share stays between us unless we both agree otherwise. ' +
        '{mentee} sets the agenda; {mentor}’s experience is what counts. We reflect after every session and agree our take-aways.',
      guides: {
        mentor: 'You are the expert in your own experience. Prepare one story per session, and say what you would change.',
        mentee: 'Listen more than you speak. Bring the questions you are afraid to ask, and follow up on what you commit to.',
      },
      venuePolicy: {
        allowRooms: true,
        allowOnline: true,
        offsiteVenues: [{ id: 'riverside-cafe', name: 'Riverside Café', address: '12 Bankside, London', notes: 'Quiet corner upstairs' }],
      },
      surveySchedule: { pairingFitAfterFirstSession: true, midPoint: true, end: true, pulseEveryDays: 30 },
    },
  });
  await programmeUpdater({ db, actor: admin, id: programmeId, input: { status: 'running' }, now, anonymityFloor });

  const depthOf = managementDepth(org);
  const enabled = org.people.filter((p) => p.managerId && p.user.accountEnabled);
  const mentees = enabled.filter((p) => depthOf(p.user.id) <= 2 && p.user.id !== DEMO_PERSONAS.programmeAdmin.id).slice(0, 12);
  const mentors = enabled.filter((p) => depthOf(p.user.id) >= 5).slice(0, 16);
  const enrol = async (person: DemoPerson, role: 'mentor' | 'mentee', i: number) =>
    participantEnroller({
      db,
      directory,
      actor: admin,
      programmeId,
      userId: person.user.id,
      role,
      now,
      profile: {
        learningGoals: role === 'mentee' ? [goals[i % goals.length]!, goals[(i + 3) % goals.length]!] : [],
        offers: role === 'mentor' ? [goals[i % goals.length]!, goals[(i + 5) % goals.length]!] : [],
        meetingPreference: i % 4 === 0 ? 'online' : 'either',
        languages: [person.user.preferredLanguage.slice(0, 2)],
        capacity: 1,
      },
    });
  const leader = byId.get(DEMO_PERSONAS.seniorLeader.id)!;
  const mentor = byId.get(DEMO_PERSONAS.juniorMentor.id)!;
  const menteeSet = new Set([leader, ...mentees]);
  const mentorSet = new Set([mentor, ...mentors.filter((p) => !menteeSet.has(p))]);
  let i = 0;
  for (const p of menteeSet) await enrol(p, 'mentee', i++);
  for (const p of mentorSet) await enrol(p, 'mentor', i++);

  await db
    .insertInto('match_constraints')
    .values({ tenant_id: org.tenantId, programme_id: programmeId, mentor_user_id: mentor.user.id, mentee_user_id: leader.user.id, kind: 'pin', created_by: admin.userId, created_at: now })
    .execute();
  const { runId } = await matchRunner({ db, directory, actor: admin, programmeId, now });
  await matchPublisher({ db, actor: admin, programmeId, runId, now });

  const personasPair = (await pairRepository(db, org.tenantId).listForUser(leader.user.id))[0];
  if (personasPair) {
    for (const person of [leader, mentor]) {
      await pairTransitioner({ db, actor: callerFor(org, person), pairId: personasPair.id, action: 'accept', now });
    }
  }
  return true;
}
