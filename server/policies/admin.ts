import type { Caller } from '../auth/caller';
import { ApiError } from '../http/errors';
import type { Policy } from './policy';

/** A caller proven to hold the Upward.Admin app role; commands that need one say so in their types. */
export type Admin = Caller & { readonly isAdmin: true };

export function adminOf(caller: Caller): Admin | null {
  return caller.isAdmin ? { ...caller, isAdmin: true } : null;
}

/** Admin work is no secret, so a caller without the role is told why (403), not shown a 404. */
export const notAnAdmin = () => new ApiError('forbidden', { key: 'forbidden.adminOnly' });

/**
 * A policy of tenant-wide admin work: every ability is the Upward.Admin role's, which is granted in
 * Entra ID for the whole tenant (there is no per-programme admin), so the caller is checked before
 * anything is loaded.
 */
export function tenantAdminPolicy<Ability extends string>(abilities: readonly Ability[]): Policy<void, Admin, Ability> {
  const everyAdmin: (admin: Admin) => boolean = () => true;
  return {
    relate: (caller) => adminOf(caller),
    stranger: notAnAdmin,
    rules: Object.fromEntries(abilities.map((ability) => [ability, everyAdmin])) as Record<Ability, typeof everyAdmin>,
    refuse: notAnAdmin,
  };
}
