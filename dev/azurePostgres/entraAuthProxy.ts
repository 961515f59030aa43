import net, { type AddressInfo, type Socket } from 'node:net';

/**
 * Azure Database for PostgreSQL with Microsoft Entra authentication only, in front of a local
 * Postgres: it asks every connection for a cleartext password (as Azure does, over TLS there),
 * accepts only an Entra access token that `verify` accepts for the role the client names, and
 * refuses anything else with Azure's FATAL 28P01. An accepted connection is handed to the local
 * server as `targetUser` and piped through untouched.
 */
export interface EntraAuthProxyOptions {
  /** Checks the token presented as the password of `role`; throws to refuse it. */
  verify(role: string, token: string): Promise<void>;
  target: { host: string; port: number; user: string };
}

export interface EntraAuthProxy {
  port: number;
  /** Every authentication attempt, in order: the role asked for and whether it was let in. */
  attempts: { role: string; accepted: boolean }[];
  stop(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSS_ENCRYPTION_REQUEST = 80877104;
const PROTOCOL_3 = 196608;

function startupMessage(parameters: Record<string, string>): Buffer {
  const body = Buffer.concat([...Object.entries(parameters).flatMap(([key, value]) => [Buffer.from(`${key}\0${value}\0`)]), Buffer.from([0])]);
  const header = Buffer.alloc(8);
  header.writeInt32BE(body.length + 8, 0);
  header.writeInt32BE(PROTOCOL_3, 4);
  return Buffer.concat([header, body]);
}

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const cleartextPasswordRequest = () => message('R', Buffer.from([0, 0, 0, 3]));
const fatal = (code: string, text: string) => message('E', Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0\0`));

/** Reads the socket as length-prefixed frames: `untyped` for the startup phase, then typed messages. */
function frames(socket: Socket) {
  let buffered = Buffer.alloc(0);
  const waiting: ((frame: Buffer) => void)[] = [];
  let nextLength: (data: Buffer) => number | undefined = () => undefined;
  const drain = () => {
    for (;;) {
      const length = nextLength(buffered);
      if (length === undefined || buffered.length < length || waiting.length === 0) return;
      const frame = buffered.subarray(0, length);
      buffered = buffered.subarray(length);
      waiting.shift()!(frame);
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    drain();
  });
  const read = (lengthOf: (data: Buffer) => number | undefined) =>
    new Promise<Buffer>((resolve) => {
      nextLength = lengthOf;
      waiting.push(resolve);
      drain();
    });
  return {
    untyped: () => read((data) => (data.length >= 4 ? data.readInt32BE(0) : undefined)),
    typed: () => read((data) => (data.length >= 5 ? data.readInt32BE(1) + 1 : undefined)),
    /** What arrived beyond the frames read, to pass on once the socket is piped. */
    rest: () => buffered,
  };
}

function parametersOf(startup: Buffer): Record<string, string> {
  const parts = startup.subarray(8).toString('utf8').split('\0');
  const parameters: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length && parts[i]; i += 2) parameters[parts[i]!] = parts[i + 1]!;
  return parameters;
}

export async function startEntraAuthProxy(options: EntraAuthProxyOptions): Promise<EntraAuthProxy> {
  const attempts: EntraAuthProxy['attempts'] = [];
  const sockets = new Set<Socket>();

  async function admit(client: Socket): Promise<void> {
    const reader = frames(client);
    let startup = await reader.untyped();
    while (startup.readInt32BE(4) === SSL_REQUEST || startup.readInt32BE(4) === GSS_ENCRYPTION_REQUEST) {
      // Azure requires TLS; this local stand-in offers none, and a client that insists stops here.
      client.write('N');
      startup = await reader.untyped();
    }
    const parameters = parametersOf(startup);
    const role = parameters.user ?? '';
    client.write(cleartextPasswordRequest());
    const password = await reader.typed();
    const token = password.subarray(5).toString('utf8').replace(/\0$/, '');
    const accepted = await options.verify(role, token).then(
      () => true,
      () => false,
    );
    attempts.push({ role, accepted });
    if (!accepted) {
      client.end(fatal('28P01', `password authentication failed for user "${role}"`));
      return;
    }
    const server = net.connect(options.target.port, options.target.host);
    sockets.add(server);
    server.on('close', () => sockets.delete(server));
    server.on('error', () => client.destroy());
    client.removeAllListeners('data');
    server.write(startupMessage({ ...parameters, user: options.target.user }));
    if (reader.rest().length) server.write(reader.rest());
    client.pipe(server);
    server.pipe(client);
  }

  const listener = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    admit(client).catch(() => client.destroy());
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return {
    port: (listener.address() as AddressInfo).port,
    attempts,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        listener.close(() => resolve());
      }),
  };
}
