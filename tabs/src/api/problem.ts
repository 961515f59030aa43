import { ApiProblem } from '../../../shared/api/problem';
import { t } from '../i18n';

export { ApiProblem };

/** Client-side validation with the shared zod schemas, reported like the server would. */
export function problemFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ApiProblem {
  const errors = issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  return new ApiProblem(400, t('errors.title'), errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '), errors, 'invalidRequest');
}
