import type { BookedSession, NoSlotReason } from '../../../shared/api/booking';
import type { MeetingMode } from '../api/bookingApi';

const dayFormat: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const timeFormat: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** A time span in the person's own time zone (the device's, as Outlook uses it), naming the zone so nobody has to guess. */
export function when(s: { start: string; end: string }): string {
  const start = new Date(s.start);
  const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(start).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const time = (d: Date) => d.toLocaleTimeString(undefined, timeFormat);
  return `${start.toLocaleDateString(undefined, dayFormat)}, ${time(start)}–${time(new Date(s.end))} ${zone}`.trim();
}

export const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { ...dayFormat, year: 'numeric' });

export const sessionWhen = (s: BookedSession) => when({ start: s.startsAt, end: s.endsAt });

/** What the partner receives for a session: the private invitation with the neutral subject, from whose calendar. */
export function invitationText(s: BookedSession): string {
  const { partner, subject, organizer } = s.invitation;
  const contents = `the time, the place${s.joinUrl ? ', the Teams join link' : ''} and a link to your private workspace; its subject says nothing about what you discuss`;
  return organizer === 'me'
    ? `${partner.displayName} receives a private invitation “${subject}” from your calendar, with ${contents}.`
    : `The event is in ${partner.displayName}’s calendar; you both receive the private invitation “${subject}”, with ${contents}.`;
}

const otherModes: Record<MeetingMode, MeetingMode[]> = {
  room: ['offsite', 'online'],
  offsite: ['room', 'online'],
  online: ['room', 'offsite'],
  'in-person': ['online'],
  any: [],
};

/** Why nothing was suggested, and what would help, in words; `retryFrom` and `modes` are what the pane offers to try. */
export function noSlotText(reason: NoSlotReason, mode: MeetingMode): { title: string; text: string; retryFrom: string | null; modes: MeetingMode[] } {
  switch (reason.reason) {
    case 'no-shared-free-time':
      return {
        title: 'No time is free for both of you',
        text: `Your working hours and calendars leave no common free time in these two weeks. Free up time in either calendar, or look at the two weeks from ${day(reason.retryFrom)}.`,
        retryFrom: reason.retryFrom,
        modes: [],
      };
    case 'cadence':
      return {
        title: 'Your next session is already booked',
        text: `You have a session on ${day(reason.session)}, and the programme spaces sessions apart, so the one after it can be from ${day(reason.retryFrom)}. Move that session if you need to meet sooner, or look from ${day(reason.retryFrom)}.`,
        retryFrom: reason.retryFrom,
        modes: [],
      };
    case 'spacing':
      return {
        title: 'Too soon after your last session',
        text: `Your last session was on ${day(reason.session)}, and the programme spaces sessions apart, so the next can be from ${day(reason.retryFrom)}. Look from then.`,
        retryFrom: reason.retryFrom,
        modes: [],
      };
    case 'no-neutral-place':
      return {
        title: 'No neutral place is free',
        text: 'You are both free, but no place neutral for both of you is free then (a room in your own area is never offered).' + (otherModes[mode].length > 0 ? ' Try another way of meeting.' : ' Ask your programme admin to list an off-site venue.'),
        retryFrom: null,
        modes: otherModes[mode],
      };
  }
}
