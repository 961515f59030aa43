import type { PairEndReason } from '../pairLifecycle';
import type { TableSpec } from './tableView';

/* The programme dashboard's tables: what each counts and its categories (the tables are built in programmeTables.ts). */

export const earlyEndReasons: readonly Exclude<PairEndReason, 'declined' | 'completed'>[] = ['no-fault-repair', 'reporting-line-change', 'withdrawn'];
const ratings = ['1', '2', '3', '4', '5'];

/** Every table of the dashboard, in display order. */
export const insightTables = {
  participation: {
    id: 'participation',
    counts: 'participants',
    categories: ['unmatched', 'matched', 'active', 'completed', ...earlyEndReasons.map((r) => `ended-early:${r}`), 'withdrawn'],
    withMean: false,
  },
  retention: { id: 'retention', counts: 'participants', categories: ['still-with-organisation', 'left-organisation'], withMean: false },
  sessionsHeld: { id: 'sessionsHeld', counts: 'sessions', categories: ['held'], withMean: false },
  sessionsPerPair: { id: 'sessionsPerPair', counts: 'pairs', categories: ['0', '1', '2-3', '4-6', '7+'], withMean: true },
  daysToFirstSession: { id: 'daysToFirstSession', counts: 'pairs', categories: ['0-7', '8-14', '15-30', '31+'], withMean: true },
  'survey:pulse': { id: 'survey:pulse', counts: 'responses', categories: ratings, withMean: true },
  'survey:pairing-fit': { id: 'survey:pairing-fit', counts: 'responses', categories: ratings, withMean: true },
  'survey:mid-point': { id: 'survey:mid-point', counts: 'responses', categories: ratings, withMean: true },
  'survey:end': { id: 'survey:end', counts: 'responses', categories: ratings, withMean: true },
  'selfAssessment:mentee': { id: 'selfAssessment:mentee', counts: 'responses', categories: ['improved', 'unchanged', 'declined'], withMean: true },
  'selfAssessment:mentor': { id: 'selfAssessment:mentor', counts: 'responses', categories: ['improved', 'unchanged', 'declined'], withMean: true },
  takeaways: { id: 'takeaways', counts: 'take-aways', categories: ['agreed', 'proposed'], withMean: false },
  commitments: { id: 'commitments', counts: 'commitments', categories: ['kept', 'open', 'dropped'], withMean: false },
} satisfies Record<string, TableSpec>;

export type InsightTableId = keyof typeof insightTables;
