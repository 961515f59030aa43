import type { AuditEntry } from '../schemas/insight';

/** GET /api/admin/audit-log?format=json */
export interface AuditLog {
  entries: AuditEntry[];
}
