import type { ReactNode } from 'react';
import { useFormStyles } from '../forms/useFormStyles.styles';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage/ProblemMessage';
import type { AsyncState } from '../useAsync';

type Props<T> = {
  /** What useAsync returns: its state, and the reload that Retry runs. */
  result: { state: AsyncState<T>; reload: () => Promise<unknown> };
  /** For a part of the page that says what it is waiting for; the spinner's own words otherwise. */
  loadingLabel?: string;
  /** Said instead of rendering an empty list. */
  empty?: string;
  children: (data: T) => ReactNode;
};

/** A useAsync result drawn the same way everywhere: a spinner, the problem with Retry, an empty list's message, or the data. */
export function Loaded<T>({ result: { state, reload }, loadingLabel, empty, children }: Props<T>) {
  const styles = useFormStyles();
  if (state.status === 'loading') return <Loading label={loadingLabel} />;
  if (state.status === 'error') return <ProblemMessage problem={state.problem} onRetry={() => void reload()} />;
  if (empty !== undefined && Array.isArray(state.data) && state.data.length === 0) return <p className={styles.empty}>{empty}</p>;
  return children(state.data);
}
