import { useMemo, useState } from 'react';
import { workspaceApi } from '../../api/workspaceApi';
import { useApp } from '../../app/appContext';
import { useAsync } from '../../common/useAsync';

/** The caller's pairs, the chosen one, and its workspace. */
export function useWorkspace() {
  const { api, host } = useApp();
  const calls = useMemo(() => workspaceApi(api), [api]);
  const pairs = useAsync(() => calls.pairs().then((r) => r.pairs), [calls]);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = pairs.state.status === 'ready' ? pairs.state.data : [];
  const live = list.filter((p) => p.status !== 'ended');
  const requested = list.find((p) => p.id === host.requestedPairId)?.id;
  const pairId = chosen ?? requested ?? live[0]?.id ?? list[0]?.id ?? null;
  const workspace = useAsync(() => (pairId ? calls.workspace(pairId) : Promise.resolve(null)), [calls, pairId]);
  return { calls, pairs, pairId, choose: setChosen, workspace };
}
