import { tenantAdminPolicy } from './admin';

/** Matching is reviewed by the tenant's programme admins: run, read a run, block or pin, swap, publish. */
export const matchingPolicy = tenantAdminPolicy(['run', 'review', 'constrain', 'swap', 'publish']);
