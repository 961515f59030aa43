import { tenantAdminPolicy } from './admin';

/** Programmes are set up and changed by the tenant's programme admins, and read by them only. */
export const programmePolicy = tenantAdminPolicy(['list', 'create', 'read', 'update']);
