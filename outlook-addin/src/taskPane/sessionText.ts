import type { BookedSession, NoSlotReason } from '../../../shared/api/booking';
import type { MeetingMode } from '../api/bookingApi';
import { intl, t } from '../i18n';

const dayFormat: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const timeFormat: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** A time span in the person's locale and own time zone (the device's, as Outlook uses it), naming the zone so nobody has to guess. */
export function when(s: { start: string; end: string }): string {
  const start = new Date(s.start);
  const zone = intl().date(start, { timeZoneName: 'short' }).split(' ').pop() ?? '';
  return t('when', { day: intl().date(start, dayFormat), start: intl().date(start, timeFormat), end: intl().date(new Date(s.end), timeFormat), zone }).trim();
}

export const day = (iso: string) => intl().date(new Date(iso), { ...dayFormat, year: 'numeric' });

export const sessionWhen = (s: BookedSession) => when({ start: s.startsAt, end: s.endsAt });

/** What the partner receives for a session: the private invitation with the neutral subject, from whose calendar. */
export function invitationText(s: BookedSession): string {
  const { partner, subject, organizer } = s.invitation;
  const values = { partner: partner.displayName, subject, join: s.joinUrl ? 'yes' : 'no' };
  return organizer === 'me' ? t('invitation.fromMe', values) : t('invitation.fromPartner', values);
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
      return { title: t('noSlot.noSharedFreeTime.title'), text: t('noSlot.noSharedFreeTime.text', { retryFrom: day(reason.retryFrom) }), retryFrom: reason.retryFrom, modes: [] };
    case 'cadence':
      return { title: t('noSlot.cadence.title'), text: t('noSlot.cadence.text', { session: day(reason.session), retryFrom: day(reason.retryFrom) }), retryFrom: reason.retryFrom, modes: [] };
    case 'spacing':
      return { title: t('noSlot.spacing.title'), text: t('noSlot.spacing.text', { session: day(reason.session), retryFrom: day(reason.retryFrom) }), retryFrom: reason.retryFrom, modes: [] };
    case 'no-neutral-place':
      return {
        title: t('noSlot.noNeutralPlace.title'),
        text: t('noSlot.noNeutralPlace.text', { otherModes: otherModes[mode].length > 0 ? 'yes' : 'no' }),
        retryFrom: null,
        modes: otherModes[mode],
      };
  }
}
