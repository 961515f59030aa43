import { useMemo } from 'react';
import { surveyApi } from '../../api/surveyApi';
import { useApp } from '../../app/appContext';
import { useAsync } from '../../common/useAsync';

/** The surveys waiting for me across my pairs, and the call to answer one. */
export function useSurveys() {
  const { api } = useApp();
  const calls = useMemo(() => surveyApi(api), [api]);
  const waiting = useAsync(() => calls.mine(), [calls]);
  return { calls, waiting };
}
