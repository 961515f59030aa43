import { defaultSurveySchedule } from './schemas/programme';
import { surveyScheduleOf, surveysDue } from './surveySchedule';

const everything = { pairingFitAfterFirstSession: true, midPoint: true, end: true };
const base = { schedule: everything, relationshipMonths: 6, startedAt: '2026-02-01T09:00:00.000Z', firstSessionEndedAt: null };

describe('surveysDue', () => {
  it('asks nothing before the relationship has started or a session has ended', () => {
    expect(surveysDue({ ...base, startedAt: null, now: '2027-01-01T00:00:00.000Z' })).toEqual([]);
  });

  it('opens the pairing-fit survey an hour after the first session ended, not a minute before', () => {
    const firstSessionEndedAt = '2026-03-02T11:00:00.000Z';
    expect(surveysDue({ ...base, firstSessionEndedAt, now: '2026-03-02T11:59:00.000Z' })).toEqual([]);
    expect(surveysDue({ ...base, firstSessionEndedAt, now: '2026-03-02T12:00:00.000Z' })).toEqual([{ kind: 'pairing-fit', dueAt: '2026-03-02T12:00:00.000Z' }]);
  });

  it('opens the mid-point survey half way through the relationship (in days) and the end survey a week before it ends', () => {
    // 6 months = 183 days at 30.44 a month, half is 91 days after 2026-02-01.
    expect(surveysDue({ ...base, now: '2026-05-03T08:59:59.000Z' })).toEqual([]);
    expect(surveysDue({ ...base, now: '2026-05-03T09:00:00.000Z' })).toEqual([{ kind: 'mid-point', dueAt: '2026-05-03T09:00:00.000Z' }]);
    expect(surveysDue({ ...base, now: '2026-07-25T09:00:00.000Z' })).toEqual([
      { kind: 'mid-point', dueAt: '2026-05-03T09:00:00.000Z' },
      { kind: 'end', dueAt: '2026-07-25T09:00:00.000Z' },
    ]);
  });

  it('leaves out the surveys the programme’s schedule turns off', () => {
    const schedule = { pairingFitAfterFirstSession: false, midPoint: true, end: false };
    expect(surveysDue({ ...base, schedule, firstSessionEndedAt: '2026-03-02T11:00:00.000Z', now: '2026-12-01T00:00:00.000Z' })).toEqual([{ kind: 'mid-point', dueAt: '2026-05-03T09:00:00.000Z' }]);
  });

  it('follows the programme’s relationship length', () => {
    expect(surveysDue({ ...base, relationshipMonths: 2, now: '2026-03-25T09:00:00.000Z' })).toEqual([
      { kind: 'mid-point', dueAt: '2026-03-03T09:00:00.000Z' },
      { kind: 'end', dueAt: '2026-03-25T09:00:00.000Z' },
    ]);
  });
});

describe('surveyScheduleOf', () => {
  it('reads the programme’s schedule and falls back to the default when it is missing or malformed', () => {
    const quiet = { pairingFitAfterFirstSession: false, midPoint: false, end: false, pulseEveryDays: 0 };
    expect(surveyScheduleOf({ surveySchedule: quiet })).toEqual(quiet);
    expect(surveyScheduleOf({})).toEqual(defaultSurveySchedule);
    expect(surveyScheduleOf({ surveySchedule: { midPoint: 'yes' } })).toEqual(defaultSurveySchedule);
  });
});
