import { DateTime } from 'luxon';
import { SchedulingError } from './errors';
import { intersectSpans } from './intervals';
import type { WorkingHours } from './workingHours';
import { workingSpans } from './workingHours';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const hours = (zone: string, startTime = '09:00:00.0000000', endTime = '17:00:00.0000000', daysOfWeek = weekdays): WorkingHours => ({
  daysOfWeek,
  startTime,
  endTime,
  timeZone: { name: zone },
});
const ms = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const iso = (span: { start: number; end: number }) => [span.start, span.end].map((t) => DateTime.fromMillis(t, { zone: 'utc' }).toFormat("ccc dd HH:mm'Z'"));
const overlap = (fromIso: string, toIso: string) =>
  intersectSpans(workingSpans(hours('GMT Standard Time'), ms(fromIso), ms(toIso)), workingSpans(hours('Eastern Standard Time'), ms(fromIso), ms(toIso))).map(iso);

describe('workingSpans', () => {
  it('shares 3 hours between London and New York in winter (5 hours apart)', () => {
    expect(overlap('2025-03-07T00:00Z', '2025-03-08T00:00Z')).toEqual([['Fri 07 14:00Z', 'Fri 07 17:00Z']]);
  });

  it('shares 4 hours in the March weeks when New York has changed its clocks and London has not (4 hours apart)', () => {
    expect(overlap('2025-03-10T00:00Z', '2025-03-11T00:00Z')).toEqual([['Mon 10 13:00Z', 'Mon 10 17:00Z']]);
    expect(overlap('2025-03-28T00:00Z', '2025-03-29T00:00Z')).toEqual([['Fri 28 13:00Z', 'Fri 28 17:00Z']]);
  });

  it('shares 3 hours again once London has changed its clocks too', () => {
    expect(overlap('2025-03-31T00:00Z', '2025-04-01T00:00Z')).toEqual([['Mon 31 13:00Z', 'Mon 31 16:00Z']]);
  });

  it('lays each day out in the person’s own zone across a daylight saving change', () => {
    const berlin = workingSpans(hours('W. Europe Standard Time'), ms('2025-03-28T00:00Z'), ms('2025-04-01T00:00Z')).map(iso);
    expect(berlin).toEqual([
      ['Fri 28 08:00Z', 'Fri 28 16:00Z'],
      ['Mon 31 07:00Z', 'Mon 31 15:00Z'],
    ]);
  });

  it('keeps only the working days, intersected between the two people', () => {
    const from = ms('2025-03-10T00:00Z');
    const to = ms('2025-03-17T00:00Z');
    const a = workingSpans(hours('UTC', '09:00:00', '17:00:00', ['monday', 'tuesday', 'wednesday', 'thursday']), from, to);
    const b = workingSpans(hours('UTC', '09:00:00', '17:00:00', ['Tuesday', 'Wednesday', 'Thursday', 'Friday']), from, to);
    expect(intersectSpans(a, b).map(iso).map(([start]) => start)).toEqual(['Tue 11 09:00Z', 'Wed 12 09:00Z', 'Thu 13 09:00Z']);
  });

  it('clips to the window, and reaches back for a working day that runs past midnight', () => {
    const night = workingSpans(hours('UTC', '22:00:00', '06:00:00', ['monday']), ms('2025-03-11T00:00Z'), ms('2025-03-11T12:00Z'));
    expect(night.map(iso)).toEqual([['Tue 11 00:00Z', 'Tue 11 06:00Z']]);
    const clipped = workingSpans(hours('UTC'), ms('2025-03-10T12:30Z'), ms('2025-03-10T15:00Z'));
    expect(clipped.map(iso)).toEqual([['Mon 10 12:30Z', 'Mon 10 15:00Z']]);
  });

  it('refuses a time of day it cannot read', () => {
    expect(() => workingSpans(hours('UTC', '9am'), 0, 1)).toThrow(SchedulingError);
    expect(() => workingSpans(hours('UTC', '09:00', '25:00'), 0, 1)).toThrow(/must look like 08:30:00/);
  });
});
