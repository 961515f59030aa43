import type { PrimitiveType } from 'intl-messageformat';
import { problemText, type ProblemKey } from './problemText';
import { wordMessage } from '../../shared/schemas/messages';

/**
 * The catalogue of errors the API answers with. Each has a stable code and an HTTP status; its
 * title and detail, which tell a person what to do, are in the message catalogues
 * (`locales/<language>.json`, `<code>.title` and `<code>.detail`) and are sent in the reader's
 * language. They leave the server as RFC 9457 problem+json.
 */
export const errorCatalogue = {
  invalidRequest: { status: 400 },
  invalidJson: { status: 400 },
  unsupportedMediaType: { status: 415 },
  undecodableBody: { status: 400 },
  payloadTooLarge: { status: 413 },
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  notFound: { status: 404 },
  routeNotFound: { status: 404 },
  alreadyEnrolled: { status: 409 },
  programmeNotOpen: { status: 409 },
  importRejected: { status: 422 },
  invalidTransition: { status: 409 },
  notYourRole: { status: 403 },
  pairEnded: { status: 409 },
  takeawayLimit: { status: 409 },
  roomTaken: { status: 409 },
  slotTaken: { status: 409 },
  sessionExists: { status: 409 },
  venueNotAllowed: { status: 422 },
  conflict: { status: 409 },
  tooManyRequests: { status: 429 },
  interactionRequired: { status: 403 },
  upstreamUnavailable: { status: 503 },
  databaseUnavailable: { status: 503 },
  internal: { status: 500 },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** What is wrong with one field: a catalogue message (`field.*`) worded for the reader when sent, like the detail. */
export interface FieldError {
  field: string;
  message: ProblemDetail;
}

/**
 * A refusal's own detail: a catalogue message (`locales/<language>.json`) and its values, never
 * words of its own, so it is worded in the reader's language when sent. Dates and numbers go as
 * values (formatted in the reader's locale, times in UTC); a list of names as an array (joined
 * as the reader's language joins them).
 */
export interface ProblemDetail {
  key: ProblemKey;
  values?: Readonly<Record<string, PrimitiveType | readonly string[]>>;
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** A detail of the refusal's own, or (the default) the catalogue's. */
    readonly detail: ProblemDetail = { key: `${code}.detail` },
    readonly errors: FieldError[] = [],
    /** Extension members of the problem document, such as the next suggestion after a conflict. */
    readonly extensions: Record<string, unknown> = {},
    /** When trying again makes sense, sent as Retry-After (an upstream that said when it will answer). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    // The English words for logs; the person reads them in their language (problem.ts).
    super(problemDetailText(detail, null));
    this.status = errorCatalogue[code].status;
  }
}

/** One way to say "missing or not yours": a refused record and an absent one read the same. */
export const notFound = () => new ApiError('notFound');

/** A detail worded for one reader (a locale tag or Accept-Language header; English without one). */
export function problemDetailText(detail: ProblemDetail, reader: string | null | undefined): string {
  return wordMessage(detail, problemText(reader));
}
