import { DateTime } from 'luxon';
import type { Role, SurveyKind } from '../glossary';
import { clampMonth, monthOf, monthsBetween, recodeDepartments } from './dimensions';
import { earlyEndReasons, insightTables, type InsightTableId } from './insightTables';
import { releasedCubes, type Contribution, type InsightBatch } from './releases';
import type { Fact } from './safeCube';
import { batchedTableView, type TableView, type ViewFilter } from './tableView';

/*
 * The programme dashboard's tables, built from records that carry no free text at all: the
 * server loads ids, statuses, dates and survey scores, never a reflection, agenda item,
 * take-away, commitment or comment.
 */

export interface InsightParticipant {
  id: string;
  role: Role;
  department: string | null;
  /** From Entra ID; null when the person is no longer in the synced directory. */
  accountEnabled: boolean | null;
  status: 'enrolled' | 'withdrawn';
  enrolledAt: string;
}

export interface InsightPair {
  id: string;
  mentorParticipantId: string;
  menteeParticipantId: string;
  status: 'proposed' | 'accepted' | 'active' | 'paused' | 'ended';
  matchedAt: string;
  startedAt: string | null;
  endReason: string | null;
}

export interface InsightSession {
  id: string;
  pairId: string;
  startsAt: string;
}

export interface InsightItem {
  id: string;
  pairId: string;
  status: string;
  createdAt: string;
}

export interface InsightSurveyResponse {
  participantId: string;
  kind: SurveyKind;
  submittedAt: string;
  /** Scores only: the numeric answers (1 to 5) of the survey card. */
  scores: Partial<Record<'rating' | 'fit' | 'progress' | 'before' | 'after', number>>;
}

export interface ProgrammeInsightInput {
  startsOn: string;
  endsOn: string;
  threshold: number;
  participants: InsightParticipant[];
  pairs: InsightPair[];
  /** Sessions that were held (not cancelled, and over). */
  heldSessions: InsightSession[];
  takeaways: InsightItem[];
  commitments: InsightItem[];
  surveyResponses: InsightSurveyResponse[];
}


/** The survey answer each survey kind is summarised by. */
const surveyScore: Record<SurveyKind, 'rating' | 'fit' | 'progress' | 'after'> = { pulse: 'rating', 'pairing-fit': 'fit', 'mid-point': 'progress', end: 'after' };

function participationOf(p: InsightParticipant, pairs: InsightPair[]): string {
  if (p.status === 'withdrawn') return 'withdrawn';
  const mine = pairs.filter((pair) => pair.endReason !== 'declined');
  if (mine.some((pair) => pair.status === 'active' || pair.status === 'paused')) return 'active';
  if (mine.some((pair) => pair.status === 'proposed' || pair.status === 'accepted')) return 'matched';
  const last = mine.sort((a, b) => b.matchedAt.localeCompare(a.matchedAt))[0];
  if (!last) return 'unmatched';
  return earlyEndReasons.includes(last.endReason as (typeof earlyEndReasons)[number]) ? `ended-early:${last.endReason}` : 'completed';
}

const bucket = (value: number, bounds: [number, string][], last: string) => bounds.find(([max]) => value <= max)?.[1] ?? last;
const days = (from: string, to: string) => Math.max(0, Math.floor(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days));

/** The contributions of every table, with months clamped into the programme. */
export function programmeContributions(input: ProgrammeInsightInput) {
  const months = monthsBetween(monthOf(input.startsOn), monthOf(input.endsOn));
  const coding = recodeDepartments(input.participants.map((p) => ({ unit: p.id, department: p.department })), input.threshold);
  const participants = new Map(input.participants.map((p) => [p.id, p]));
  const pairs = new Map(input.pairs.map((p) => [p.id, p]));
  const departmentOf = (participantId: string) => participants.get(participantId)?.department ?? '';
  /** A pair is counted in its mentee's department: the leadership the programme reaches. */
  const pairDepartment = (pairId: string) => departmentOf(pairs.get(pairId)?.menteeParticipantId ?? '');
  const at = (iso: string) => clampMonth(monthOf(iso), months);
  const facts = Object.fromEntries(Object.keys(insightTables).map((id) => [id, [] as Contribution[]])) as Record<InsightTableId, Contribution[]>;

  for (const p of input.participants) {
    const base = { id: p.id, unit: p.id, department: departmentOf(p.id), month: at(p.enrolledAt) };
    const theirs = input.pairs.filter((pair) => pair.mentorParticipantId === p.id || pair.menteeParticipantId === p.id);
    facts.participation.push({ ...base, category: participationOf(p, theirs) });
    facts.retention.push({ ...base, category: p.accountEnabled ? 'still-with-organisation' : 'left-organisation' });
  }
  const held = new Map<string, string[]>();
  for (const s of input.heldSessions) {
    if (!pairs.has(s.pairId)) continue;
    held.set(s.pairId, [...(held.get(s.pairId) ?? []), s.startsAt]);
    facts.sessionsHeld.push({ id: s.id, unit: s.pairId, department: pairDepartment(s.pairId), month: at(s.startsAt), category: 'held' });
  }
  for (const pair of input.pairs) {
    const sessions = (held.get(pair.id) ?? []).sort();
    const base = { id: pair.id, unit: pair.id, department: pairDepartment(pair.id) };
    if (pair.startedAt) {
      const n = sessions.length;
      facts.sessionsPerPair.push({ ...base, month: at(pair.startedAt), category: bucket(n, [[0, '0'], [1, '1'], [3, '2-3'], [6, '4-6']], '7+'), value: n });
    }
    if (sessions[0]) {
      const d = days(pair.matchedAt, sessions[0]);
      facts.daysToFirstSession.push({ ...base, month: at(pair.matchedAt), category: bucket(d, [[7, '0-7'], [14, '8-14'], [30, '15-30']], '31+'), value: d });
    }
  }
  for (const r of input.surveyResponses) {
    const p = participants.get(r.participantId);
    if (!p) continue;
    const base = { id: `${p.id}:${r.kind}:${r.submittedAt}`, unit: p.id, department: departmentOf(p.id), month: at(r.submittedAt) };
    const score = r.scores[surveyScore[r.kind]];
    if (score !== undefined) facts[`survey:${r.kind}`].push({ ...base, category: String(score), value: score });
    const { before, after } = r.scores;
    if (r.kind === 'end' && before !== undefined && after !== undefined) {
      const change = after - before;
      facts[`selfAssessment:${p.role}`].push({ ...base, category: change > 0 ? 'improved' : change < 0 ? 'declined' : 'unchanged', value: change });
    }
  }
  for (const [table, items] of [['takeaways', input.takeaways], ['commitments', input.commitments]] as const) {
    for (const item of items) {
      if (pairs.has(item.pairId)) facts[table].push({ id: item.id, unit: item.pairId, department: pairDepartment(item.pairId), month: at(item.createdAt), category: item.status });
    }
  }
  return { months, departments: coding.offered, coding, contributions: facts };
}

/** Facts of every table as they stand now, with departments recoded. */
export function programmeFacts(input: ProgrammeInsightInput) {
  const { months, departments, coding, contributions } = programmeContributions(input);
  const recoded = (list: readonly Contribution[]): Fact[] => list.map((f) => ({ ...f, department: coding.code(f.department || null) }));
  const facts = Object.fromEntries(Object.entries(contributions).map(([id, list]) => [id, recoded(list)])) as Record<InsightTableId, Fact[]>;
  return { months, departments, facts };
}

export interface ProgrammeInsight {
  threshold: number;
  departments: string[];
  months: string[];
  filter: ViewFilter;
  tables: TableView[];
}

/** The filter with its defaults (the whole programme, every department), or which part of it is not valid. */
export function insightFilter(input: ProgrammeInsightInput, filter: Partial<ViewFilter>): ViewFilter | { invalid: string } {
  const { months, departments } = programmeContributions(input);
  const applied: ViewFilter = { department: filter.department ?? null, from: filter.from ?? months[0]!, to: filter.to ?? months[months.length - 1]! };
  if (applied.department !== null && !departments.includes(applied.department)) return { invalid: 'department' };
  if (!months.includes(applied.from)) return { invalid: 'from' };
  if (!months.includes(applied.to) || applied.to < applied.from) return { invalid: 'to' };
  return applied;
}

/**
 * The dashboard for one filter, drawn only from released batches (see releases.ts), never from
 * the data as it stands; the filter comes checked from `insightFilter`.
 */
export function releasedInsight(input: ProgrammeInsightInput, batches: readonly InsightBatch[], applied: ViewFilter): ProgrammeInsight {
  const { months, departments, coding } = programmeContributions(input);
  const tables = (Object.keys(insightTables) as InsightTableId[]).map((id) => {
    const spec = insightTables[id];
    const { cubes, directoryDepartments } = releasedCubes(batches.filter((b) => b.table === id), months, spec.categories);
    const covered = applied.department === null ? null : directoryDepartments.filter((d) => coding.code(d || null) === applied.department);
    return batchedTableView(spec, cubes, months, covered, applied);
  });
  return { threshold: input.threshold, departments, months, filter: applied, tables };
}
