import type { WorkspaceApi } from '../api/workspaceApi';

/** What every workspace section gets: the calls it may make and a way to refresh the page after one. */
export interface SectionProps {
  calls: WorkspaceApi;
  reload: () => Promise<unknown>;
}
