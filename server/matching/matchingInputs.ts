import type { MatchCandidate, MatchInput, MatchPin } from '../../shared/matching';
import { pairKey } from '../../shared/pairingRules';
import { seniorityOf } from '../../shared/seniority';
import { personSummaries } from '../directory/directoryCache';
import { storedChains } from '../directory/reportingChainStore';
import { livePairStatuses, pairRepository } from '../pairs/pairRepository';
import { participantRepository, type ParticipantRow } from '../participants/participantRepository';
import type { Programme } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

export interface MatchingInputs {
  input: MatchInput;
  participants: Map<string, ParticipantRow>;
}

/**
 * Builds the engine's input for a programme from the store: enrolled people not already in a
 * live pair (mentors with the places they have left), their directory facts and chains, every
 * earlier pair in the tenant (so nobody is paired twice), and the admin's blocks and pins.
 */
export async function loadMatchingInputs(db: Db, tenantId: string, programme: Programme): Promise<MatchingInputs> {
  const { settings } = programme;
  const enrolled = (await participantRepository(db, tenantId).listForProgramme(programme.id)).filter((p) => p.status === 'enrolled');
  const allPairs = await pairRepository(db, tenantId).listAll();
  const live = allPairs.filter((p) => p.programme_id === programme.id && (livePairStatuses as readonly string[]).includes(p.status));
  const placesTaken = new Map<string, number>();
  for (const p of live) {
    placesTaken.set(p.mentor_participant_id, (placesTaken.get(p.mentor_participant_id) ?? 0) + 1);
    placesTaken.set(p.mentee_participant_id, 1);
  }
  const userIds = enrolled.map((p) => p.user_id);
  const [facts, chains, constraints] = await Promise.all([
    personSummaries(db, tenantId, userIds),
    storedChains(db, tenantId, userIds),
    forTenant(db, tenantId).selectFrom('match_constraints').selectAll().where('programme_id', '=', programme.id).execute(),
  ]);

  const candidates: MatchCandidate[] = [];
  for (const p of enrolled) {
    const capacity = p.capacity - (placesTaken.get(p.id) ?? 0);
    if (capacity <= 0) continue;
    const person = facts.get(p.user_id);
    const chain = chains.get(p.user_id);
    candidates.push({
      participant: {
        id: p.id,
        userId: p.user_id,
        role: p.role,
        ...p.profile,
        capacity,
      },
      directory: {
        department: person?.department ?? null,
        jobTitle: person?.jobTitle ?? null,
        officeLocation: person?.officeLocation ?? null,
        city: person?.city ?? null,
        preferredLanguage: person?.preferredLanguage ?? null,
      },
      // The synced grade is the configured directory attribute, whatever its name.
      seniority: chain
        ? seniorityOf(
            { chain, attributes: settings.senioritySource.kind === 'directory-attribute' ? { [settings.senioritySource.attribute]: person?.grade } : {} },
            settings.senioritySource,
          )
        : null,
    });
  }

  const byUser = new Map(enrolled.map((p) => [p.user_id, p]));
  const pins: MatchPin[] = constraints
    .filter((c) => c.kind === 'pin')
    .flatMap((c) => {
      const mentor = byUser.get(c.mentor_user_id);
      const mentee = byUser.get(c.mentee_user_id);
      return mentor && mentee ? [{ mentorId: mentor.id, menteeId: mentee.id }] : [];
    });

  return {
    participants: new Map(enrolled.map((p) => [p.id, p])),
    input: {
      mentors: candidates.filter((c) => c.participant.role === 'mentor'),
      mentees: candidates.filter((c) => c.participant.role === 'mentee'),
      chains: (userId) => chains.get(userId),
      policy: {
        minSeniorityGap: settings.minSeniorityGap,
        earlierPairs: new Set(allPairs.filter((p) => !live.includes(p)).map((p) => pairKey(p.mentor_user_id, p.mentee_user_id))),
        adminBlocks: new Set(constraints.filter((c) => c.kind === 'block').map((c) => pairKey(c.mentor_user_id, c.mentee_user_id))),
      },
      pins,
    },
  };
}
