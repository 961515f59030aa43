import type { Logger } from './logger';

/** Faults that reached the process itself instead of the request's or job's own handler. */
export interface ProcessFaults {
  unhandledRejections: number;
}

const faults: ProcessFaults = { unhandledRejections: 0 };

export function processFaults(): Readonly<ProcessFaults> {
  return faults;
}

/**
 * Node ends the process on a rejected promise nobody handles; one forgotten `await` in Upward or a
 * library must not take everyone's requests and jobs down with it. Each is logged with its stack
 * and counted in /healthz, so it is seen and fixed rather than survived silently.
 */
export function surviveUnhandledRejections(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    faults.unhandledRejections += 1;
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
}
