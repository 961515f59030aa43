import { graphGatewayFor, useM365StandIn } from '../../test/harness/m365';
import type { GraphGateway } from './graphGateway';

const standIn = useM365StandIn({ seed: 'gateway', size: 1000 });
let graph: GraphGateway;

beforeAll(() => {
  graph = graphGatewayFor(standIn());
});

beforeEach(() => {
  standIn().faults.clear();
  standIn().stats.reset();
});

describe('Graph gateway against the stand-in, over real HTTP', () => {
  it('pages through 1,000 users by following @odata.nextLink', async () => {
    const { items, pages } = await graph.forApp(standIn().tenantId).list<{ id: string }>('/users?$select=id,displayName&$top=100');
    expect(items).toHaveLength(1000);
    expect(new Set(items.map((u) => u.id)).size).toBe(1000);
    expect(pages).toBe(10);
    expect(standIn().stats.get().byPath['GET /users']).toBe(10);
  });

  it('retries a 429 with Retry-After: 1 after waiting, and succeeds', async () => {
    standIn().faults.add({ path: '^/users$', status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const page = await graph.forApp(standIn().tenantId).get<{ value: unknown[] }>('/users?$select=id&$top=5');
    expect(page.value).toHaveLength(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(standIn().stats.get().byPath['GET /users']).toBe(2);
  });

  it('sends many requests as $batch calls of at most 20, keyed by step id', async () => {
    const ids = standIn().org.people.slice(0, 45).map((p) => p.user.id);
    const outcomes = await graph.forApp(standIn().tenantId).batch(ids.map((id, i) => ({ id: `s${i}`, path: `/users/${id}?$select=id` })));
    expect(standIn().stats.get().batchCalls).toBe(3);
    expect(outcomes.size).toBe(45);
    ids.forEach((id, i) => expect(outcomes.get(`s${i}`)).toMatchObject({ status: 200, body: { id } }));
  });

  it('sends a step throttled inside a batch again after its Retry-After', async () => {
    const [first, second] = standIn().org.people;
    standIn().faults.add({ path: `^/users/${first!.user.id}$`, status: 429, retryAfterSeconds: 1 });
    const outcomes = await graph.forApp(standIn().tenantId).batch([
      { id: 'a', path: `/users/${first!.user.id}?$select=id` },
      { id: 'b', path: `/users/${second!.user.id}?$select=id` },
    ]);
    expect(outcomes.get('a')).toMatchObject({ status: 200, body: { id: first!.user.id } });
    expect(outcomes.get('b')).toMatchObject({ status: 200, body: { id: second!.user.id } });
    expect(standIn().stats.get().batchCalls).toBe(2);
  });

  it('acts on behalf of the signed-in user with the token they sent Upward', async () => {
    const person = standIn().org.people[3]!;
    const accessToken = await standIn().issueToken(person.user.id);
    const me = await graph.forUser({ tenantId: standIn().tenantId, accessToken }).get<{ id: string }>('/me?$select=id');
    expect(me.id).toBe(person.user.id);
  });

  it('does not follow a link that leaves the configured Graph, so no token goes elsewhere', async () => {
    await expect(graph.forApp(standIn().tenantId).get('https://example.invalid/v1.0/users')).rejects.toThrow(/outside/);
  });
});
