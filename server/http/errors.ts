/**
 * The catalogue of errors the API answers with. Each has a stable code, an HTTP status and a
 * message that tells a person what to do; they leave the server as RFC 9457 problem+json.
 */
export const errorCatalogue = {
  invalidRequest: { status: 400, title: 'The request is not valid', detail: 'Correct the fields listed in "errors" and try again.' },
  invalidJson: { status: 400, title: 'The request body is not valid JSON', detail: 'Send a JSON object with Content-Type: application/json.' },
  unsupportedMediaType: { status: 415, title: 'Unsupported content type', detail: 'Send the body as JSON with Content-Type: application/json.' },
  undecodableBody: { status: 400, title: 'The request body could not be decoded', detail: 'Send the body uncompressed, or compressed as its Content-Encoding says (gzip, deflate or br).' },
  payloadTooLarge: { status: 413, title: 'The request body is too large', detail: 'Send less data in one request.' },
  unauthenticated: { status: 401, title: 'Sign-in required', detail: 'Sign in to Upward again; your token is missing, expired or not for Upward.' },
  forbidden: { status: 403, title: 'Not allowed', detail: 'Your account does not have the role this needs. Ask a programme admin.' },
  notFound: { status: 404, title: 'Not found', detail: 'It does not exist, or you do not have access to it.' },
  routeNotFound: { status: 404, title: 'No such API route', detail: 'Check the address and the method.' },
  alreadyEnrolled: { status: 409, title: 'Already enrolled', detail: 'This person is already in the programme.' },
  programmeNotOpen: { status: 409, title: 'The programme is not open for enrolment', detail: 'Ask a programme admin to open it, or to invite you.' },
  importRejected: { status: 422, title: 'Nothing was imported', detail: 'Fix the rows listed in "errors", or import only the valid rows with ?mode=valid-rows.' },
  invalidTransition: { status: 409, title: 'That change is not possible now', detail: 'Reload to see where things stand.' },
  notYourRole: { status: 403, title: 'Your role in this pair does not do this', detail: 'Ask your partner, or see what your role can do in the workspace.' },
  pairEnded: { status: 409, title: 'This pair has ended', detail: 'Its workspace is kept to read, but nothing in it can change.' },
  takeawayLimit: { status: 409, title: 'Up to three take-aways per session', detail: 'Each person proposes at most three take-aways for a session; keep the ones that matter most.' },
  roomTaken: { status: 409, title: 'The room was booked meanwhile', detail: 'Nothing was booked. Choose the next suggestion ("next") or ask for fresh suggestions.' },
  slotTaken: { status: 409, title: 'One of you is no longer free then', detail: 'Nothing was booked. Choose the next suggestion ("next") or ask for fresh suggestions.' },
  sessionExists: { status: 409, title: 'You already have a session then', detail: 'Nothing new was booked. Move or cancel the session you have ("session") instead of booking another.' },
  venueNotAllowed: { status: 422, title: 'That place is not one Upward suggests for you', detail: 'Book one of the suggested places: they are neutral for both of you and allowed by the programme.' },
  conflict: { status: 409, title: 'Conflict', detail: 'It was changed meanwhile; reload and try again.' },
  tooManyRequests: { status: 429, title: 'Too many requests', detail: 'Wait a moment and try again.' },
  interactionRequired: { status: 403, title: 'Microsoft 365 needs you to confirm', detail: 'Microsoft 365 asks for your consent or another check (such as multi-factor authentication) before Upward may act for you. Sign in again when asked, then try again.' },
  upstreamUnavailable: { status: 503, title: 'Microsoft 365 is not answering', detail: 'Try again in a minute.' },
  databaseUnavailable: { status: 503, title: 'Upward cannot reach its database just now', detail: 'Try again in a minute; reload first if you were saving something, in case it was saved.' },
  internal: { status: 500, title: 'Something went wrong on our side', detail: 'Try again; if it keeps happening, tell your programme admin the request id.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string = errorCatalogue[code].detail,
    readonly errors: FieldError[] = [],
    /** Extension members of the problem document, such as the next suggestion after a conflict. */
    readonly extensions: Record<string, unknown> = {},
    /** When trying again makes sense, sent as Retry-After (an upstream that said when it will answer). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(detail);
    this.status = errorCatalogue[code].status;
  }
}

/** One way to say "missing or not yours": a refused record and an absent one read the same. */
export const notFound = () => new ApiError('notFound');
