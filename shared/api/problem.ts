/** One field a request got wrong, as the service names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An application/problem+json answer (RFC 9457) from the Upward API. `code` is the catalogue's
 * stable code; some problems carry more members (the claims challenge of `interactionRequired`,
 * the next free suggestion of a booking conflict).
 */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** Words for the problems the client makes itself, in the reader's language. */
export interface ProblemTexts {
  /** The heading of any problem the service did not title. */
  title: string;
  /** Upward could not be reached at all. */
  network: string;
  /** The service answered an error without a problem document. */
  unknown: string;
}

/** A problem from the service, or a failure to reach it (status 0, code `network`), as one error type that keeps the code. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly code: string = 'error',
    /** The problem document's other members, as sent (`claims`, `next`, ...). */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail || title);
  }

  static network(texts: ProblemTexts): ApiProblem {
    return new ApiProblem(0, texts.title, texts.network, [], 'network');
  }

  /** A string extension member, if the problem has it. */
  text(member: string): string | undefined {
    const value = this.extensions[member];
    return typeof value === 'string' ? value : undefined;
  }
}

const documentMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']);

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter((e): e is FieldProblem => typeof e === 'object' && e !== null && typeof (e as FieldProblem).field === 'string' && typeof (e as FieldProblem).message === 'string');
}

/** Reads a failed response's problem document; anything else becomes a problem with the status. */
export async function problemFrom(response: Response, texts: ProblemTexts): Promise<ApiProblem> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return new ApiProblem(response.status, texts.title, response.statusText || texts.unknown);
  const body: unknown = await response.json().catch(() => ({}));
  const doc = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const extensions = Object.fromEntries(Object.entries(doc).filter(([k]) => !documentMembers.has(k)));
  return new ApiProblem(response.status, str(doc.title) ?? texts.title, str(doc.detail) ?? '', fieldProblems(doc.errors), str(doc.code) ?? 'error', extensions);
}
