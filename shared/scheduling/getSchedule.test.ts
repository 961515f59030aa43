import { busyFromAvailabilityView, busyFromScheduleItems, parseScheduleInformation } from './getSchedule';

const request = { startTime: { dateTime: '2025-03-10T09:00:00', timeZone: 'UTC' }, availabilityViewInterval: 30 };

describe('getSchedule parsing', () => {
  it('reads scheduleItems in the zone Graph states (Windows names, seven-digit fractions) as UTC busy intervals', () => {
    const busy = busyFromScheduleItems([
      { status: 'busy', start: { dateTime: '2025-03-10T08:00:00.0000000', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2025-03-10T09:00:00.0000000', timeZone: 'Pacific Standard Time' } },
      { status: 'oof', start: { dateTime: '2025-03-11T09:00:00.0000000', timeZone: 'W. Europe Standard Time' }, end: { dateTime: '2025-03-11T10:00:00.0000000', timeZone: 'W. Europe Standard Time' } },
    ]);
    expect(busy).toEqual([
      { start: '2025-03-10T15:00:00Z', end: '2025-03-10T16:00:00Z' },
      { start: '2025-03-11T08:00:00Z', end: '2025-03-11T09:00:00Z' },
    ]);
  });

  it('counts busy, away and tentative time as busy, and free or working-elsewhere time as free; merges what touches', () => {
    const at = (h: number) => ({ dateTime: `2025-03-10T${String(h).padStart(2, '0')}:00:00.0000000`, timeZone: 'UTC' });
    const items = [
      { status: 'free', start: at(8), end: at(9) },
      { status: 'tentative', start: at(9), end: at(10) },
      { status: 'busy', start: at(10), end: at(11) },
      { status: 'workingElsewhere', start: at(12), end: at(13) },
      { status: 'unknown', start: at(14), end: at(15) },
    ];
    expect(busyFromScheduleItems(items)).toEqual([
      { start: '2025-03-10T09:00:00Z', end: '2025-03-10T11:00:00Z' },
      { start: '2025-03-10T14:00:00Z', end: '2025-03-10T15:00:00Z' },
    ]);
    expect(busyFromScheduleItems(items, { tentativeIsBusy: false })[0]).toEqual({ start: '2025-03-10T10:00:00Z', end: '2025-03-10T11:00:00Z' });
  });

  it('reads availabilityView digits from the request start, one per interval', () => {
    expect(busyFromAvailabilityView('0021043', request.startTime, 30)).toEqual([
      { start: '2025-03-10T10:00:00Z', end: '2025-03-10T11:00:00Z' },
      { start: '2025-03-10T12:00:00Z', end: '2025-03-10T12:30:00Z' },
    ]);
    expect(busyFromAvailabilityView('02', { dateTime: '2025-03-10T09:00:00', timeZone: 'Eastern Standard Time' }, 15)).toEqual([
      { start: '2025-03-10T13:15:00Z', end: '2025-03-10T13:30:00Z' },
    ]);
  });

  it('prefers exact scheduleItems, falls back to the view, and marks a schedule it could not read', () => {
    const items = parseScheduleInformation({ scheduleId: 'a@x.test', availabilityView: '2222', scheduleItems: [] }, request);
    expect(items).toEqual({ scheduleId: 'a@x.test', readable: true, busy: [] });
    const view = parseScheduleInformation({ scheduleId: 'room@x.test', availabilityView: '20' }, request);
    expect(view).toEqual({ scheduleId: 'room@x.test', readable: true, busy: [{ start: '2025-03-10T09:00:00Z', end: '2025-03-10T09:30:00Z' }] });
    const failed = parseScheduleInformation({ scheduleId: 'ghost@x.test', error: { message: 'not found', responseCode: 'ErrorMailRecipientNotFound' } }, request);
    expect(failed).toEqual({ scheduleId: 'ghost@x.test', readable: false, reason: 'ErrorMailRecipientNotFound' });
    expect(parseScheduleInformation({ scheduleId: 'x@x.test' }, request).readable).toBe(false);
  });
});
