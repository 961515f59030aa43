import { DateTime } from 'luxon';
import type { DemoSeries } from '../demoOrg/types';
import { expandSeries } from './seriesExpansion';

const series: DemoSeries = {
  id: 's1',
  subject: 'Team meeting',
  organizerId: 'u1',
  attendeeIds: ['u1'],
  roomId: null,
  timeZone: 'GMT Standard Time',
  startDate: '2025-01-06',
  startTime: '10:00',
  durationMinutes: 60,
  daysOfWeek: ['tuesday'],
  intervalWeeks: 2,
  showAs: 'busy',
  isPrivate: false,
};

describe('expandSeries', () => {
  it('yields fortnightly occurrences at local wall-clock time across a daylight-saving change', () => {
    const from = DateTime.fromISO('2025-03-17T00:00:00Z');
    const to = DateTime.fromISO('2025-04-14T00:00:00Z');
    const starts = expandSeries(series, from, to).map((o) => o.start.toUTC().toISO());
    // 2025-01-07 is week 0; fortnights fall on 18 March (GMT) and 1 April (BST, an hour earlier in UTC).
    expect(starts).toEqual(['2025-03-18T10:00:00.000Z', '2025-04-01T09:00:00.000Z']);
  });

  it('has no occurrences before the series starts', () => {
    expect(expandSeries(series, DateTime.fromISO('2024-12-01T00:00:00Z'), DateTime.fromISO('2025-01-06T00:00:00Z'))).toEqual([]);
  });
});
