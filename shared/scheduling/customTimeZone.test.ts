import { DateTime } from 'luxon';
import { SchedulingError } from './errors';
import { zoneOf } from './customTimeZone';
import { workingSpans } from './workingHours';

/** Eastern time written as Graph's customTimeZone: bias in minutes ahead of UTC, daylight adds daylightBias. */
const easternAsCustom = {
  '@odata.type': '#microsoft.graph.customTimeZone',
  name: 'Customized Time Zone',
  bias: -300,
  standardOffset: { time: '02:00:00.0000000', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11, year: 0 },
  daylightOffset: { daylightBias: 60, time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 3, year: 0 },
};
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();

describe('custom time zones from Graph', () => {
  it('applies the bias and the daylight rules exactly as the named zone they describe', () => {
    const custom = zoneOf(easternAsCustom);
    const named = zoneOf({ name: 'Eastern Standard Time' });
    for (let t = utc('2026-01-01T00:00:00'); t < utc('2027-01-01T00:00:00'); t += 3_600_000) {
      expect({ t, offset: custom.offset(t) }).toEqual({ t, offset: named.offset(t) });
    }
  });

  it("reads the documented example (bias -200, daylightBias -100, the fourth Sunday of May, the second of October)", () => {
    const documented = zoneOf({
      '@odata.type': '#microsoft.graph.customTimeZone',
      bias: -200,
      name: 'Customized Time Zone',
      standardOffset: { time: '02:00:00.0000000', dayOccurrence: 4, dayOfWeek: 'sunday', month: 5, year: 0 },
      daylightOffset: { daylightBias: -100, time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 10, year: 0 },
    });
    expect(documented.offset(utc('2026-07-01T12:00:00'))).toBe(-200);
    // Southern-hemisphere shape: daylight from October to May.
    expect(documented.offset(utc('2026-12-01T12:00:00'))).toBe(-300);
    expect(documented.offset(utc('2026-02-01T12:00:00'))).toBe(-300);
  });

  it('lays working days out in the custom zone, following the daylight change', () => {
    const hours = { daysOfWeek: ['monday'], startTime: '09:00:00.0000000', endTime: '17:00:00.0000000', timeZone: easternAsCustom };
    const winter = workingSpans(hours, utc('2026-03-02T00:00:00'), utc('2026-03-03T00:00:00'));
    const summer = workingSpans(hours, utc('2026-03-09T00:00:00'), utc('2026-03-10T00:00:00'));
    expect(winter).toEqual([{ start: utc('2026-03-02T14:00:00'), end: utc('2026-03-02T22:00:00') }]);
    expect(summer).toEqual([{ start: utc('2026-03-09T13:00:00'), end: utc('2026-03-09T21:00:00') }]);
  });

  it('a zone without daylight rules is a fixed offset; a rule without a weekday is refused clearly', () => {
    expect(zoneOf({ '@odata.type': '#microsoft.graph.customTimeZone', bias: 330, name: 'Customized Time Zone' }).offset(0)).toBe(330);
    expect(() => zoneOf({ ...easternAsCustom, daylightOffset: { ...easternAsCustom.daylightOffset, dayOfWeek: 'someday' } })).toThrow(SchedulingError);
  });
});
