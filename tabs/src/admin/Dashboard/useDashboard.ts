import { useMemo, useState } from 'react';
import { useAction, useAsync } from '../../common/useAsync';
import type { AdminApi, InsightFilter } from '../adminApi';
import { saveFile } from '../saveFile';

/** The dashboard's data for the chosen filters, and the CSV export of the same view. */
export function useDashboard(calls: AdminApi, programmeId: string) {
  const [filter, setFilter] = useState<InsightFilter>({ department: null, from: null, to: null });
  const insight = useAsync(() => calls.insight(programmeId, filter), [calls, programmeId, filter]);
  const exporting = useAction();
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const download = () =>
    void exporting.run(async () => setDownloaded(saveFile(await calls.insightCsv(programmeId, filter))));
  const change = useMemo(() => (next: Partial<InsightFilter>) => setFilter((f) => ({ ...f, ...next })), []);
  return { filter, change, insight, download, exporting, downloaded };
}
