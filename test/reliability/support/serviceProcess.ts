import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface ServiceProcess {
  url: string;
  /** SIGKILL: no shutdown hook runs, as when a container is killed or a machine dies. */
  kill(): Promise<void>;
  /** SIGTERM: the service's own graceful stop. */
  stop(): Promise<void>;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Everything it printed so far (its log, one JSON object a line). */
  output(): string;
}

const repoRoot = path.resolve(__dirname, '../../..');

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * The real service (`server/main.ts`, the production entry point) as a child process, configured
 * only through its environment. Resolves once it logs that it listens, with the address it chose.
 */
export async function startServiceProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The service did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output += `${line}\n`;
        const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)".*"msg":"Upward is listening"/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The service exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });
  return {
    url,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
