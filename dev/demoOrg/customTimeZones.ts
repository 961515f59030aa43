import type { CustomTimeZone } from '@microsoft/microsoft-graph-types';

/**
 * Working-hours zones as Exchange reports them for a mailbox whose zone Outlook saved as custom
 * rules rather than a Windows name: `customTimeZone` "Customized Time Zone" with offsets in
 * minutes ahead of UTC and the daylight rules of the building's city (the shape of the
 * `get_mailboxsettings_3` example, https://learn.microsoft.com/graph/api/user-get-mailboxsettings).
 */
const CUSTOM_ZONES: Record<string, CustomTimeZone & { '@odata.type': string }> = {
  'GMT Standard Time': {
    '@odata.type': '#microsoft.graph.customTimeZone',
    name: 'Customized Time Zone',
    bias: 0,
    standardOffset: { time: '02:00:00.0000000', dayOccurrence: 5, dayOfWeek: 'sunday', month: 10, year: 0 },
    daylightOffset: { daylightBias: 60, time: '01:00:00.0000000', dayOccurrence: 5, dayOfWeek: 'sunday', month: 3, year: 0 },
  },
  'W. Europe Standard Time': {
    '@odata.type': '#microsoft.graph.customTimeZone',
    name: 'Customized Time Zone',
    bias: 60,
    standardOffset: { time: '03:00:00.0000000', dayOccurrence: 5, dayOfWeek: 'sunday', month: 10, year: 0 },
    daylightOffset: { daylightBias: 60, time: '02:00:00.0000000', dayOccurrence: 5, dayOfWeek: 'sunday', month: 3, year: 0 },
  },
  'Eastern Standard Time': {
    '@odata.type': '#microsoft.graph.customTimeZone',
    name: 'Customized Time Zone',
    bias: -300,
    standardOffset: { time: '02:00:00.0000000', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11, year: 0 },
    daylightOffset: { daylightBias: 60, time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 3, year: 0 },
  },
};

/** What Exchange shows as `mailboxSettings.timeZone` when the mailbox's zone is custom. */
export const CUSTOM_MAILBOX_TIME_ZONE = 'tzone://Microsoft/Custom';

export function customZoneFor(windowsZone: string): CustomTimeZone {
  const zone = CUSTOM_ZONES[windowsZone];
  if (!zone) throw new Error(`No custom time zone for ${windowsZone}`);
  return structuredClone(zone);
}
