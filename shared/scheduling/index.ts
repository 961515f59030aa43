/** Slot finding from Graph free/busy, pure: the server fetches, this decides. */
export { toIanaZone } from './timeZones';
export { zoneOf } from './customTimeZone';
export type { BusyInterval } from './intervals';
export { workingSpans } from './workingHours';
export type { WorkingHours } from './workingHours';
export { parseScheduleInformation, toDateTimeTimeZone } from './getSchedule';
export { collectScheduleResponses, planGetScheduleBatches } from './batching';
export type { BatchResponseStep } from './batching';
export { explainNoSlot, findSlots } from './slots';
export type { NoSlotFinding, SlotSearch, SlotSuggestion } from './slots';
