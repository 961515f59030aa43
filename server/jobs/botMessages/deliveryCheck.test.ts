import { markedCard, paragraph, adaptiveCard } from '../../../bot/cards/cardText';
import { DEMO_PERSONAS } from '../../../dev/demoOrg/personas';
import { createGraphGateway } from '../../graph/graphGateway';
import { createGraphTokens } from '../../graph/graphTokens';
import { configFor, useM365StandIn } from '../../../test/harness/m365';
import { type DeliveryCheck, graphDeliveryCheck } from './deliveryCheck';

const standIn = useM365StandIn({ seed: 'delivery-check', size: 60 });
const catalogId = 'upward-catalog';
const warnings: unknown[] = [];
let check: (catalog?: string) => DeliveryCheck;

beforeAll(() => {
  const config = configFor(standIn());
  const graph = createGraphGateway({
    baseUrl: config.graphBaseUrl,
    tokens: createGraphTokens({ authorityHost: config.entra.authorityHost, clientId: config.entra.clientId, credential: config.entra.credential }),
    retry: { maxRetries: 1, delaySeconds: 0 },
  });
  check = (catalog = catalogId) => graphDeliveryCheck({ graph, teamsAppCatalogId: catalog, logger: { warn: (o: unknown) => warnings.push(o) } });
});
beforeEach(() => {
  standIn().faults.clear();
  warnings.length = 0;
});

const card = (jobId: string) => ({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: markedCard(adaptiveCard([paragraph('Time to book your next session.')]), jobId) }] });
const tenant = () => standIn().tenantId.toLowerCase();

describe("whether an earlier attempt's card arrived, read from the person's chat through Graph", () => {
  const person = DEMO_PERSONAS.juniorMentor.id;
  const sent = new Date('2026-11-20T10:00:00Z');

  beforeAll(() => {
    standIn().teamsChats.install(person, catalogId);
    standIn().teamsChats.postFromBot(person, catalogId, card('job-arrived'), new Date(sent.getTime() + 2_000));
    // Another job's card, and one sent long before this attempt: neither is this job's.
    standIn().teamsChats.postFromBot(person, catalogId, card('job-other'), new Date(sent.getTime() + 3_000));
    standIn().teamsChats.postFromBot(person, catalogId, card('job-old'), new Date(sent.getTime() - 3_600_000));
  });

  it('finds the card marked with the job among what arrived since the attempt began', async () => {
    expect(await check()(tenant(), person, 'job-arrived', sent)).toBe('arrived');
  });

  it('answers missing when no card of the job is there, or only one from long before the attempt', async () => {
    expect(await check()(tenant(), person, 'job-never-taken', sent)).toBe('missing');
    expect(await check()(tenant(), person, 'job-old', sent)).toBe('missing');
  });

  it('answers missing when Upward is not installed for the person (Teams would have refused the card)', async () => {
    expect(await check()(tenant(), DEMO_PERSONAS.seniorLeader.id, 'job-arrived', sent)).toBe('missing');
  });

  it('answers unknown, and warns, when Graph cannot be read, so the caller sends rather than loses the message', async () => {
    standIn().faults.add({ path: '^/chats/', status: 403 });
    expect(await check()(tenant(), person, 'job-arrived', sent)).toBe('unknown');
    expect(warnings).toHaveLength(1);
  });

  it('answers unknown without the Teams app catalog id (the chat cannot be found)', async () => {
    expect(await check('')(tenant(), person, 'job-arrived', sent)).toBe('unknown');
  });
});
