import { z } from 'zod';
import type { ReportingChain } from '../../shared/glossary';
import type { ChainLookup } from '../../shared/pairingRules';
import type { Db } from '../store/database';
import { json, noteUnreadable } from '../store/json';
import type { PersonWithChain } from './directory';
import { forTenant } from '../store/tenantScope';

/** Writes people's directory facts and chains as just read from the directory. */
export async function storePeopleWithChains(db: Db, tenantId: string, read: Iterable<PersonWithChain>, now: Date): Promise<void> {
  const rows = [...read];
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('directory_users')
      .values(
        rows.map(({ person: p }) => ({
          tenant_id: tenantId,
          user_id: p.id,
          display_name: p.displayName,
          mail: p.mail,
          department: p.department,
          job_title: p.jobTitle,
          office_location: p.officeLocation,
          city: p.city,
          country: p.country,
          preferred_language: p.preferredLanguage,
          grade: p.grade,
          account_enabled: p.accountEnabled,
          synced_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'user_id']).doUpdateSet((eb) => ({
          display_name: eb.ref('excluded.display_name'),
          mail: eb.ref('excluded.mail'),
          department: eb.ref('excluded.department'),
          job_title: eb.ref('excluded.job_title'),
          office_location: eb.ref('excluded.office_location'),
          city: eb.ref('excluded.city'),
          country: eb.ref('excluded.country'),
          preferred_language: eb.ref('excluded.preferred_language'),
          grade: eb.ref('excluded.grade'),
          account_enabled: eb.ref('excluded.account_enabled'),
          synced_at: eb.ref('excluded.synced_at'),
        })),
      )
      .execute();
    await trx
      .insertInto('reporting_chains')
      .values(
        rows.map(({ chain }) => ({
          tenant_id: tenantId,
          user_id: chain.userId,
          manager_ids: json(chain.managerIds),
          cycle: chain.cycle,
          synced_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'user_id']).doUpdateSet((eb) => ({
          manager_ids: eb.ref('excluded.manager_ids'),
          cycle: eb.ref('excluded.cycle'),
          synced_at: eb.ref('excluded.synced_at'),
        })),
      )
      .execute();
  });
}

/** Stored chains of the given people (all of the tenant's when omitted). */
export async function storedChains(db: Db, tenantId: string, userIds?: readonly string[]): Promise<Map<string, ReportingChain>> {
  if (userIds?.length === 0) return new Map();
  let query = forTenant(db, tenantId).selectFrom('reporting_chains').select(['user_id', 'manager_ids', 'cycle']);
  if (userIds) query = query.where('user_id', 'in', [...new Set(userIds)]);
  const rows = await query.execute();
  return new Map(
    rows.flatMap((r) => {
      const managerIds = managerIdsOf(r.manager_ids, { tenantId, userId: r.user_id });
      return managerIds ? [[r.user_id, { userId: r.user_id, managerIds, cycle: r.cycle }] as const] : [];
    }),
  );
}

const storedManagerIdsSchema = z.array(z.string().min(1));

/**
 * The managers above a person, nearest first, as the last sync stored them. A chain that no longer
 * parses is logged and read as no chain: the person is then unknown to the pairing rules, which
 * refuse to pair them ('chain-unknown') until a sync stores a fresh chain. Reading it as any list
 * could pair someone with their own manager.
 */
function managerIdsOf(raw: unknown, person: { tenantId: string; userId: string }): string[] | null {
  const parsed = storedManagerIdsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  noteUnreadable({ table: 'reporting_chains', column: 'manager_ids', id: `${person.tenantId}/${person.userId}` }, parsed.error.issues.map((i) => i.path.join('.') || '(manager_ids)'), 'stored reporting chain does not parse; the person is treated as having no known chain');
  return null;
}

/** The pairing rules' view of reporting lines, from the last sync; unknown people have no chain. */
export async function chainLookup(db: Db, tenantId: string, userIds?: readonly string[]): Promise<ChainLookup> {
  const chains = await storedChains(db, tenantId, userIds);
  return (userId) => chains.get(userId);
}
