import net from 'node:net';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startTestService, type TestService } from '../harness/testService';

/** Opens a raw connection and reports what the server sent and when it closed the connection. */
function rawConnection(url: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  const startedAt = Date.now();
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<{ afterMs: number; received: string }>((resolve) => socket.on('close', () => resolve({ afterMs: Date.now() - startedAt, received })));
  return { socket, closed };
}

describe('slow and piling-up clients are cut off', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ env: { HTTP_REQUEST_TIMEOUT_SECONDS: '2', HTTP_HEADERS_TIMEOUT_SECONDS: '1', HTTP_MAX_CONNECTIONS: '4' } });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('answers 408 and closes a connection whose body trickles in past the request timeout', async () => {
    const token = await service.tokenFor(DEMO_PERSONAS.seniorLeader.id);
    const { socket, closed } = rawConnection(service.url);
    const host = new URL(service.url).host;
    // Signed in, so the body is read (a request without a token is refused before its body).
    socket.write(`POST /api/programmes HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
    const outcome = await closed;
    clearInterval(trickle);
    expect(outcome.received).toMatch(/^HTTP\/1\.1 408/);
    expect(outcome.afterMs).toBeLessThan(6000);
  });

  it('closes a connection whose headers never finish', async () => {
    const { socket, closed } = rawConnection(service.url);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    const trickle = setInterval(() => socket.writable && socket.write('a'), 200);
    const outcome = await closed;
    clearInterval(trickle);
    expect(outcome.afterMs).toBeLessThan(5000);
    expect(outcome.received).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('refuses connections beyond the cap and serves again once they are gone', async () => {
    const held = Array.from({ length: 4 }, () => rawConnection(service.url));
    await Promise.all(held.map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))));
    // Let the server accept all four before the fifth arrives.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = rawConnection(service.url);
    const refused = await extra.closed;
    expect(refused.received).toBe('');
    expect(refused.afterMs).toBeLessThan(1000);
    for (const { socket } of held) socket.destroy();
    await Promise.all(held.map(({ closed }) => closed));
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
