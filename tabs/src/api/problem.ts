import { messages } from '../messages';

export interface FieldProblem {
  field: string;
  message: string;
}

/** An application/problem+json answer from the service, or a network failure, as one error type. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    /** The catalogue code (`interactionRequired`, ...) and, for that one, the claims challenge to pass on to sign-in. */
    readonly extensions: { code?: string; claims?: string } = {},
  ) {
    super(detail || title);
  }

  static network(): ApiProblem {
    return new ApiProblem(0, messages.errors.title, messages.errors.network);
  }
}

export async function problemFrom(response: Response): Promise<ApiProblem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: FieldProblem[]; code?: unknown; claims?: unknown };
    const extensions = { code: typeof body.code === 'string' ? body.code : undefined, claims: typeof body.claims === 'string' ? body.claims : undefined };
    return new ApiProblem(response.status, body.title ?? messages.errors.title, body.detail ?? '', Array.isArray(body.errors) ? body.errors : [], extensions);
  }
  return new ApiProblem(response.status, messages.errors.title, response.statusText || messages.errors.unknown);
}

/** Client-side validation with the shared zod schemas, reported like the server would. */
export function problemFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ApiProblem {
  const errors = issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  return new ApiProblem(400, messages.errors.title, errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '), errors);
}
