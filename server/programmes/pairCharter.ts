import { fillCharter } from '../../shared/charterTemplate';
import type { ProgrammeSettings } from '../../shared/programmeSettings';
import { personSummaries, type PersonSummary } from '../directory/directoryCache';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

interface CharterProgramme {
  settings: Pick<ProgrammeSettings, 'cadenceDays' | 'sessionMinutes'>;
  starts_on: string;
  ends_on: string;
}
interface CharterPair {
  mentor_user_id: string;
  mentee_user_id: string;
}

/**
 * The programme's charter template filled for one pair: their names as the directory knows them
 * (a role word when it does not), the cadence, session length and programme dates.
 */
export function pairCharterText(template: string, programme: CharterProgramme, pair: CharterPair, people: ReadonlyMap<string, PersonSummary>): string {
  return fillCharter(template, {
    mentor: people.get(pair.mentor_user_id)?.displayName ?? 'the mentor',
    mentee: people.get(pair.mentee_user_id)?.displayName ?? 'the mentee',
    cadenceDays: String(programme.settings.cadenceDays),
    sessionMinutes: String(programme.settings.sessionMinutes),
    startsOn: programme.starts_on,
    endsOn: programme.ends_on,
  });
}

/** The directory entries of both members of every pair named, in one read. */
export function pairPeople(db: Db, tenantId: string, pairs: readonly CharterPair[]): Promise<Map<string, PersonSummary>> {
  return personSummaries(db, tenantId, pairs.flatMap((p) => [p.mentor_user_id, p.mentee_user_id]));
}

/**
 * After the admin changes the charter, every charter nobody has signed yet reads the new text,
 * filled for its pair; a charter someone signed keeps the words they signed.
 */
export async function refillUnsignedCharters(db: Db, tenantId: string, programmeId: string, template: string, programme: CharterProgramme): Promise<void> {
  const unsigned = await forTenant(db, tenantId)
    .selectFrom('charters')
    .innerJoin('pairs', (j) => j.onRef('pairs.tenant_id', '=', 'charters.tenant_id').onRef('pairs.id', '=', 'charters.pair_id'))
    .select(['charters.pair_id', 'pairs.mentor_user_id', 'pairs.mentee_user_id'])
    .where('pairs.programme_id', '=', programmeId)
    .where('pairs.status', '!=', 'ended')
    .where('charters.mentor_signed_at', 'is', null)
    .where('charters.mentee_signed_at', 'is', null)
    .execute();
  const people = await pairPeople(db, tenantId, unsigned);
  for (const pair of unsigned) {
    await forTenant(db, tenantId)
      .updateTable('charters')
      .set({ text: pairCharterText(template, programme, pair, people) })
      .where('pair_id', '=', pair.pair_id)
      .where('mentor_signed_at', 'is', null)
      .where('mentee_signed_at', 'is', null)
      .execute();
  }
}
