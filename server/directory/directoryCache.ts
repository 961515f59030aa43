import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

export interface PersonSummary {
  userId: string;
  displayName: string;
  department: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  city: string | null;
  preferredLanguage: string | null;
  grade: string | null;
}

/**
 * Directory facts of participants as last synced from Entra ID (see reporting-line sync), so
 * that reading a workspace costs no Graph call.
 */
export async function personSummaries(db: Db, tenantId: string, userIds: readonly string[]): Promise<Map<string, PersonSummary>> {
  if (userIds.length === 0) return new Map();
  const rows = await forTenant(db, tenantId)
    .selectFrom('directory_users')
    .select(['user_id', 'display_name', 'department', 'job_title', 'office_location', 'city', 'preferred_language', 'grade'])
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.user_id,
      {
        userId: r.user_id,
        displayName: r.display_name,
        department: r.department,
        jobTitle: r.job_title,
        officeLocation: r.office_location,
        city: r.city,
        preferredLanguage: r.preferred_language,
        grade: r.grade,
      },
    ]),
  );
}
