import { tenantAdminPolicy } from './admin';

/** The pairs board is the programme admins' own: they read it and change pairs through it. */
export const pairBoardPolicy = tenantAdminPolicy(['read', 'change']);
