/** Slot finding from Graph free/busy, pure: the server fetches, this decides. */
export type { SchedulingErrorCode } from './errors';
export { toIanaZone } from './timeZones';
export { zoneOf } from './customTimeZone';
export type { DaylightTransition, GraphTimeZone, TimeZoneTransition } from './customTimeZone';
export type { BusyInterval } from './intervals';
export { workingSpans } from './workingHours';
export type { WorkingHours } from './workingHours';
export { parseScheduleInformation, toDateTimeTimeZone } from './getSchedule';
export type { BusyOptions, DateTimeTimeZone, FreeBusyStatus, ScheduleBusy, ScheduleInformation, ScheduleItem } from './getSchedule';
export { collectScheduleResponses, planGetScheduleBatches } from './batching';
export type { BatchRequestBody, BatchResponseStep, CollectedSchedules, GetScheduleBatchStep, GetScheduleBody, GetSchedulePlanInput } from './batching';
export { findSlots } from './slots';
export type { SlotPerson, SlotSearch, SlotSuggestion } from './slots';
