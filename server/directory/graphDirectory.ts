import type { User } from '@microsoft/microsoft-graph-types';
import { buildReportingChain } from '../../shared/reportingChain';
import type { ReportingChain } from '../../shared/glossary';
import type { GraphGateway, GraphSession } from '../graph/graphGateway';
import type { BatchOutcome, BatchStep } from '../graph/graphBatch';
import type { Directory, DirectoryChanges, DirectoryPerson, PersonWithChain } from './directory';

export interface GraphDirectoryOptions {
  graph: GraphGateway;
  /** The on-premises extension attribute holding the grade, e.g. `extensionAttribute1`. */
  gradeAttribute: string;
}

/**
 * Entra ID evaluates a `$filter` `or` chain (an `in` list is one) with at most 15 child clauses
 * unless the request is an advanced query; one property's `in` list per request stays inside that.
 */
const maxFilterValues = 15;
/** Addresses are matched on both, each in its own request, so no filter exceeds the limit. */
const addressProperties = ['mail', 'userPrincipalName'] as const;
const eventual = { ConsistencyLevel: 'eventual' };
const personFields = [
  'id', 'displayName', 'mail', 'userPrincipalName', 'department', 'jobTitle', 'officeLocation',
  'city', 'country', 'preferredLanguage', 'accountEnabled', 'onPremisesExtensionAttributes',
].join(',');

export class DirectoryError extends Error {}

/**
 * Graph refuses a delta link it no longer holds: directory objects answer 400 `syncStateNotFound`
 * after seven days; other resources 410 Gone (`resyncRequired`). Either means a full re-read.
 */
function deltaLinkExpired(error: unknown): boolean {
  const { statusCode, code } = error as { statusCode?: number; code?: string };
  return statusCode === 410 || code === 'syncStateNotFound' || code === 'resyncRequired';
}

type ManagerNode = { id?: string | null; manager?: ManagerNode | null };

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An OData string literal, encoded for a query string (quotes doubled, then percent-encoded). */
function odataString(value: string): string {
  return encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
}

function ok(outcome: BatchOutcome | undefined, what: string): unknown {
  if (!outcome) throw new DirectoryError(`Microsoft Graph did not answer for ${what}.`);
  if (outcome.status >= 200 && outcome.status < 300) return outcome.body;
  const error = (outcome.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new DirectoryError(`Microsoft Graph refused ${what}: ${outcome.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim());
}

/**
 * The directory read from Microsoft Graph with the app's identity (the sync and admin screens
 * run in the background or for people other than the caller). Many people are read through
 * `$batch`, 20 requests a call.
 */
export function createGraphDirectory(options: GraphDirectoryOptions): Directory {
  const { graph, gradeAttribute } = options;

  function toPerson(user: User): DirectoryPerson {
    const attributes = (user.onPremisesExtensionAttributes ?? {}) as Record<string, string | null | undefined>;
    return {
      id: user.id ?? '',
      displayName: user.displayName ?? '',
      mail: user.mail ?? null,
      userPrincipalName: user.userPrincipalName ?? '',
      department: user.department ?? null,
      jobTitle: user.jobTitle ?? null,
      officeLocation: user.officeLocation ?? null,
      city: user.city ?? null,
      country: user.country ?? null,
      preferredLanguage: user.preferredLanguage ?? null,
      accountEnabled: user.accountEnabled ?? true,
      grade: attributes[gradeAttribute] ?? null,
    };
  }

  /** `$levels=max` nests each manager inside the previous one; flatten it into the shared chain rule. */
  function chainOf(user: User & ManagerNode): ReportingChain {
    const managerOf = new Map<string, string>();
    let node: ManagerNode = user;
    while (node.id && node.manager?.id && !managerOf.has(node.id)) {
      managerOf.set(node.id, node.manager.id);
      node = node.manager;
    }
    return buildReportingChain(user.id ?? '', (id) => managerOf.get(id));
  }

  async function batchedUsers(session: GraphSession, ids: readonly string[], path: (id: string) => string, headers?: Record<string, string>) {
    const unique = [...new Set(ids)];
    const steps: BatchStep[] = unique.map((id, i) => ({ id: String(i), path: path(id), ...(headers ? { headers } : {}) }));
    const outcomes = await session.batch(steps);
    const users = new Map<string, User & ManagerNode>();
    unique.forEach((id, i) => {
      const outcome = outcomes.get(String(i));
      if (outcome?.status === 404) return;
      users.set(id, ok(outcome, `the user ${id}`) as User & ManagerNode);
    });
    return users;
  }

  async function peopleWithChains(tenantId: string, ids: readonly string[]): Promise<Map<string, PersonWithChain>> {
    const users = await batchedUsers(
      graph.forApp(tenantId),
      ids,
      (id) => `/users/${encodeURIComponent(id)}?$select=${personFields}&$expand=manager($levels=max;$select=id,displayName)`,
      eventual,
    );
    return new Map([...users].map(([id, user]) => [id, { person: toPerson(user), chain: chainOf(user) }]));
  }

  return {
    async findByMail(tenantId, addresses) {
      const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
      const steps = chunks(wanted, maxFilterValues).flatMap((group, i) => {
        const list = group.map(odataString).join(',');
        return addressProperties.map((property) => ({
          id: `${property}-${i}`,
          path: `/users?$filter=${property}%20in%20(${list})&$select=${personFields}&$top=${maxFilterValues}`,
        }));
      });
      const outcomes = await graph.forApp(tenantId).batch(steps);
      const found = new Map<string, DirectoryPerson>();
      const asked = new Set(wanted);
      steps.forEach((step) => {
        const body = ok(outcomes.get(step.id), 'a search by e-mail address') as { value?: User[] };
        for (const user of body.value ?? []) {
          const person = toPerson(user);
          for (const address of [person.mail?.toLowerCase(), person.userPrincipalName.toLowerCase()]) {
            if (address && asked.has(address)) found.set(address, person);
          }
        }
      });
      return found;
    },

    async getPeople(tenantId, ids) {
      const users = await batchedUsers(graph.forApp(tenantId), ids, (id) => `/users/${encodeURIComponent(id)}?$select=${personFields}`);
      return new Map([...users].map(([id, user]) => [id, toPerson(user)]));
    },

    async searchPeople(tenantId, query, limit) {
      const q = query.trim();
      if (!q) return [];
      const s = odataString(q);
      const filter = `startswith(displayName,${s})%20or%20startswith(mail,${s})%20or%20startswith(userPrincipalName,${s})`;
      const top = Math.max(1, Math.min(limit, 999));
      const page = await graph.forApp(tenantId).get<{ value?: User[] }>(`/users?$filter=${filter}&$select=${personFields}&$top=${top}`);
      return (page.value ?? []).slice(0, top).map(toPerson);
    },

    async managementChains(tenantId, ids) {
      const read = await peopleWithChains(tenantId, ids);
      return new Map([...read].map(([id, { chain }]) => [id, chain]));
    },

    peopleWithChains,

    async profile(tenantId, id) {
      const session = graph.forApp(tenantId);
      const user = `/users/${encodeURIComponent(id)}`;
      const outcomes = await session.batch([
        { id: 'user', path: `${user}?$select=${personFields}` },
        { id: 'photo', path: `${user}/photo` },
      ]);
      if (outcomes.get('user')?.status === 404) return null;
      const person = toPerson(ok(outcomes.get('user'), `the user ${id}`) as User);
      const photo = outcomes.get('photo')?.status;
      return { ...person, hasPhoto: photo !== undefined && photo >= 200 && photo < 300 };
    },

    async changes(tenantId, cursor): Promise<DirectoryChanges> {
      const session = graph.forApp(tenantId);
      const start = '/users/delta?$select=id,manager';
      if (cursor) {
        try {
          const round = await session.list<{ id: string }>(cursor);
          if (!round.deltaLink) throw new DirectoryError('Microsoft Graph ended a delta round without a delta link.');
          return { changedIds: new Set(round.items.map((u) => u.id)), cursor: round.deltaLink, baseline: false };
        } catch (error) {
          // An expired delta link means "start again": the caller re-reads everyone.
          if (!deltaLinkExpired(error)) throw error;
        }
      }
      const round = await session.list<{ id: string }>(start);
      if (!round.deltaLink) throw new DirectoryError('Microsoft Graph ended a delta round without a delta link.');
      return { changedIds: new Set(), cursor: round.deltaLink, baseline: true };
    },
  };
}
