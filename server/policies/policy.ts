import type { Caller } from '../auth/caller';
import type { ApiError } from '../http/errors';

/**
 * Who may do what to one kind of resource, as data. `relate` says who the caller is to the
 * resource (a pair member and their role, an admin, the author...) or null for a stranger, and
 * each ability is a synchronous rule over that relation. A missing resource is related to nobody,
 * so where `stranger` answers 404, a refused record and an absent one read the same.
 */
export interface Policy<Resource, Actor, Ability extends string> {
  relate: (caller: Caller, resource: Resource | undefined) => Actor | null;
  stranger: () => ApiError;
  rules: Record<Ability, (actor: Actor) => boolean>;
  /** The problem for a related caller whom a rule refuses. */
  refuse: (actor: Actor, ability: Ability) => ApiError;
}

/** Policies about the caller's standing in the tenant (the admin role) take no resource. */
type ResourceArgument<Resource> = [Resource] extends [void] ? [] : [resource: Resource | undefined];

/**
 * The one check: throws the policy's problem, or returns who the caller is to the resource, so
 * what follows works with the narrowed relation (the pair and the role, the admin) and not the
 * raw caller.
 */
export function authorize<Resource, Actor, Ability extends string>(
  policy: Policy<Resource, Actor, Ability>,
  caller: Caller,
  ability: Ability,
  ...[resource]: ResourceArgument<Resource>
): Actor {
  const actor = policy.relate(caller, resource);
  if (actor === null) throw policy.stranger();
  if (!policy.rules[ability](actor)) throw policy.refuse(actor, ability);
  return actor;
}

/** What a related caller may do, for the abilities a presenter sends so the client need not decide again. */
export function abilitiesOf<Actor, Ability extends string>(rules: Record<Ability, (actor: Actor) => boolean>, actor: Actor, abilities: readonly Ability[]): Record<Ability, boolean> {
  return Object.fromEntries(abilities.map((ability) => [ability, rules[ability](actor)])) as Record<Ability, boolean>;
}
