/// <reference types="office-js" />
import type { VenueKind } from '../../../shared/glossary';
import { t } from '../i18n';

/** What the task pane writes into the appointment being organised. */
export interface AppointmentFill {
  start: Date;
  end: Date;
  /** A room by its mailbox (`ref`), an off-site venue by name and address, or a Teams meeting. */
  venue: { kind: VenueKind; ref: string | null; displayName: string; address: string | null };
  partner: { displayName: string; mail: string };
  subject: string;
  /** The pair's private workspace, linked from the body. */
  workspaceUrl: string;
}

/** What is left for the organizer to do by hand before sending, because this Outlook cannot do it through Office.js. */
export interface FillResult {
  /** Outlook older than Mailbox 1.14 has no sensitivity API. */
  setPrivateByHand: boolean;
  /** Office.js cannot turn an appointment into a Teams meeting; Outlook's own Teams meeting button does. */
  turnOnTeamsMeeting: boolean;
}

type Callback = (result: Office.AsyncResult<void>) => void;

// Office's enums are plain strings at run time ("room", "custom", "private", "html"); naming the
// values keeps this module usable before Office.js has defined its globals (and in tests).
const roomLocation = 'room' as Office.MailboxEnums.LocationType.Room;
const customLocation = 'custom' as Office.MailboxEnums.LocationType.Custom;
const privateSensitivity = 'private' as Office.MailboxEnums.AppointmentSensitivityType.Private;
const html = 'html' as Office.CoercionType.Html;

/** Office.js reports through callbacks; this turns one call into a promise that fails with Office's message. */
function officeCall(run: (done: Callback) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    run((result) => {
      // At run time Office.AsyncResultStatus is the string "succeeded" or "failed".
      if ((result.status as unknown) === 'failed') reject(new Error(result.error?.message ?? t('outlookRefused')));
      else resolve();
    });
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The location entry: a room by its mailbox, so Exchange invites it as a resource and books it; an off-site venue as text with its address. */
function locationOf(venue: AppointmentFill['venue']): Office.LocationIdentifier | null {
  if (venue.kind === 'room' && venue.ref) return { id: venue.ref, type: roomLocation };
  if (venue.kind === 'offsite') return { id: venue.address ? `${venue.displayName}, ${venue.address}` : venue.displayName, type: customLocation };
  return null;
}

/**
 * Fills the open appointment (organizer view): time, the neutral subject, the partner as a
 * required attendee, the room as an enhanced location of type room (Exchange adds it as a resource
 * and books it; plain location text would not), sensitivity private, and the workspace link at the
 * top of the body (whatever Outlook put there, such as a Teams meeting block, stays). Outlook asks
 * the organizer to send it, so nothing leaves without them.
 */
export async function fillAppointment(item: Office.AppointmentCompose, fill: AppointmentFill): Promise<FillResult> {
  await officeCall((done) => item.start.setAsync(fill.start, done));
  await officeCall((done) => item.end.setAsync(fill.end, done));
  await officeCall((done) => item.subject.setAsync(fill.subject, done));
  await officeCall((done) => item.requiredAttendees.addAsync([{ displayName: fill.partner.displayName, emailAddress: fill.partner.mail }], done));
  const location = locationOf(fill.venue);
  if (location) await officeCall((done) => item.enhancedLocation.addAsync([location], done));
  // Mailbox 1.14 and later; on an older Outlook the pane asks for it by hand.
  const sensitivity = (item as Partial<Office.AppointmentCompose>).sensitivity;
  if (sensitivity) await officeCall((done) => sensitivity.setAsync(privateSensitivity, done));
  const link = escapeHtml(fill.workspaceUrl);
  await officeCall((done) => item.body.prependAsync(`<p>${escapeHtml(t('appointment.workspace'))} <a href="${link}">${link}</a></p>`, { coercionType: html }, done));
  return { setPrivateByHand: !sensitivity, turnOnTeamsMeeting: fill.venue.kind === 'online' };
}
