import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy on 127.0.0.1 in front of another server (here the Graph stand-in). Armed for a
 * request, it forwards it, lets the server do the work, and keeps the answer from the caller:
 * the moment a caller dies after the work was done but before it learnt so.
 */
export async function startHoldingProxy(target: string) {
  let armed: { method: string; path: RegExp } | null = null;
  const held: { method: string; path: string; status: number }[] = [];
  const body = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const payload = await body(req);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value;
      const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: payload.length > 0 ? new Uint8Array(payload) : undefined });
      const answerBody = Buffer.from(await answer.arrayBuffer());
      const path = new URL(req.url ?? '/', target).pathname;
      if (armed && armed.method === req.method && armed.path.test(path)) {
        armed = null;
        held.push({ method: req.method, path, status: answer.status });
        return;
      }
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
      });
      res.writeHead(answer.status, out).end(answerBody);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Requests the target answered but whose answers were kept from the caller. */
    held,
    /** The next request with this method and a path matching the pattern is forwarded, and its answer held. */
    holdNextAnswer(method: string, path: RegExp) {
      armed = { method, path };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
