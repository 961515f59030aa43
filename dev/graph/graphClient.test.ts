import { BatchRequestContent, BatchResponseContent, PageIterator } from '@microsoft/microsoft-graph-client';
import type { PageCollection } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from '../demoOrg/personas';
import { startM365StandIn } from '../m365StandIn';
import type { M365StandIn } from '../m365StandIn';
import { graphClientFor } from './testing';

let standIn: M365StandIn;

beforeAll(async () => {
  standIn = await startM365StandIn({ port: 0, seed: 'client', size: 1000 });
});
afterAll(() => standIn.stop());
beforeEach(() => {
  standIn.faults.clear();
  standIn.stats.reset();
});

const client = () => graphClientFor(standIn.graphBaseUrl, () => standIn.issueAppToken());

describe('the Microsoft Graph client against the stand-in', () => {
  it('pages through 1,000 users with PageIterator', async () => {
    const seen: string[] = [];
    const first = (await client().api('/users').select('id,displayName').top(250).get()) as PageCollection;
    await new PageIterator(client(), first, (user: User) => {
      seen.push(user.id!);
      return true;
    }).iterate();
    expect(seen).toHaveLength(1000);
    expect(new Set(seen).size).toBe(1000);
    expect(standIn.stats.get().httpRequests).toBe(4);
  });

  it('runs a $batch with dependsOn through BatchRequestContent and counts one batch call', async () => {
    const batch = new BatchRequestContent();
    batch.addRequest({ id: 'me', request: new Request(`${standIn.graphBaseUrl}/users/${DEMO_PERSONAS.seniorLeader.id}?$select=id,displayName`, { method: 'GET' }) });
    batch.addRequest({
      id: 'chain',
      dependsOn: ['me'],
      request: new Request(`${standIn.graphBaseUrl}/users/${DEMO_PERSONAS.juniorMentor.id}?$expand=manager($levels=max;$select=id)`, {
        method: 'GET',
        headers: { ConsistencyLevel: 'eventual' },
      }),
    });
    batch.addRequest({ id: 'missing', dependsOn: ['me'], request: new Request(`${standIn.graphBaseUrl}/users/nobody@nowhere`, { method: 'GET' }) });
    const response = new BatchResponseContent(await client().api('/$batch').post(await batch.getContent()));
    expect(response.getResponseById('me').status).toBe(200);
    expect(((await response.getResponseById('me').json()) as User).displayName).toBe('Catherine Adeyemi');
    const chain = (await response.getResponseById('chain').json()) as { manager: { id: string; manager?: unknown } };
    expect(chain.manager.id).toBe(standIn.org.byId.get(DEMO_PERSONAS.juniorMentor.id)!.managerId);
    expect(response.getResponseById('missing').status).toBe(404);
    expect(standIn.stats.get()).toMatchObject({ httpRequests: 1, batchCalls: 1, batchedRequests: 3 });
  });

  it('retries a 429 with Retry-After: 1 through RetryHandler and succeeds', async () => {
    standIn.faults.add({ path: '^/users/[^/]+$', status: 429, retryAfterSeconds: 1, count: 1 });
    const started = Date.now();
    const user = (await client().api(`/users/${DEMO_PERSONAS.programmeAdmin.id}`).get()) as User;
    expect(user.displayName).toBe('Priya Raman');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(standIn.stats.get().byPath[`GET /users/${DEMO_PERSONAS.programmeAdmin.id}`]).toBe(2);
  });
});
