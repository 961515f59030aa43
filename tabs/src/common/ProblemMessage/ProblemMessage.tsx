import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiProblem } from '../../api/problem';
import { t } from '../../i18n';

/** A problem+json answer in words a person understands: its title, its detail, and field messages. */
export function ProblemMessage({ problem, onRetry }: { problem: ApiProblem; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        {problem.detail || t('errors.unknown')}
        {problem.errors.length > 0 && (
          <ul>
            {problem.errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>{e.field ? t('errors.field', { field: e.field, message: e.message }) : e.message}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
