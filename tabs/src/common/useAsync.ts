import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../api/problem';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; problem: ApiProblem } | { status: 'ready'; data: T };

export function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : new ApiProblem(0, 'Error', error instanceof Error ? error.message : String(error));
}

/** Loads data once and on demand (reload), keeping the last data visible while reloading. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    try {
      const data = await run();
      setState({ status: 'ready', data });
    } catch (error) {
      setState({ status: 'error', problem: asProblem(error) });
    }
  }, [run]);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    run().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', problem: asProblem(error) }),
    );
    return () => {
      live = false;
    };
  }, [run]);
  return { state, reload };
}

/** Runs one action at a time and keeps its problem to show next to the control that caused it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(asProblem(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, run, clear: () => setProblem(null) };
}
