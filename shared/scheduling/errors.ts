export type SchedulingErrorCode = 'unknown-time-zone' | 'invalid-instant' | 'invalid-window' | 'invalid-working-hours' | 'invalid-option';

/** Thrown for input the scheduling functions cannot work with; the message says what to fix. */
export class SchedulingError extends Error {
  override readonly name = 'SchedulingError';
  constructor(
    readonly code: SchedulingErrorCode,
    message: string,
  ) {
    super(message);
  }
}
