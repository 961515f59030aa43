import { ApiProblem } from '../../../shared/api/problem';
import { schemaMessageOf, wordMessage } from '../../../shared/schemas/messages';
import { intl, t } from '../i18n';

export { ApiProblem };

type Issue = Parameters<typeof schemaMessageOf>[0] & { path: readonly PropertyKey[] };

/**
 * What a shared schema says is wrong, in the person's language: its message is a catalogue key.
 * Zod's own words (English in the browser) are never shown; a check without a message of its own says the value is not valid.
 */
export function issueText(issue: Issue): string {
  return wordMessage(schemaMessageOf(issue) ?? { key: 'schema.invalid' }, { t, list: (items) => intl().list(items) });
}

/** Client-side validation with the shared zod schemas, reported like the server would. */
export function problemFromIssues(issues: readonly Issue[]): ApiProblem {
  const errors = issues.map((i) => ({ field: i.path.map(String).join('.'), message: issueText(i) }));
  return new ApiProblem(400, t('errors.title'), errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '), errors, 'invalidRequest');
}
