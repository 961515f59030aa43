/**
 * Waits for a condition in tests that watch something happen in the background (a worker, a
 * child process, a restarted database), polling instead of sleeping a fixed time.
 */
export function waitForWithin(timeoutMs: number) {
  return async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false> | T | null | undefined | false): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
}

export const waitFor = waitForWithin(15_000);
