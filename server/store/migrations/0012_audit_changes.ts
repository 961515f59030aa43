/** Settings changes are audited with their old and new values, so a lowered threshold is visible. */
export const statements = [`alter table audit_log add column changes jsonb`];
