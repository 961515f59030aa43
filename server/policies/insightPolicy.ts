import { tenantAdminPolicy } from './admin';

/**
 * Programme insight (aggregates only, each under the anonymity threshold) and the audit log of
 * admin actions are for the tenant's programme admins.
 */
export const insightPolicy = tenantAdminPolicy(['view', 'export', 'readAuditLog']);
