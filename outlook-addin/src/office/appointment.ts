/// <reference types="office-js" />

/** What the task pane writes into the appointment being organised. */
export interface AppointmentFill {
  start: Date;
  end: Date;
  /** The room's or venue's name; for online sessions the Teams meeting is added by Outlook's own button. */
  location: string;
  partner: { displayName: string; mail: string };
  subject: string;
}

type Callback = (result: Office.AsyncResult<void>) => void;

/** Office.js reports through callbacks; this turns one call into a promise that fails with Office's message. */
function officeCall(run: (done: Callback) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    run((result) => {
      // At run time Office.AsyncResultStatus is the string "succeeded" or "failed".
      if ((result.status as unknown) === 'failed') reject(new Error(result.error?.message ?? 'Outlook refused the change.'));
      else resolve();
    });
  });
}

/**
 * Fills the open appointment (organizer view): time, place, the partner as a required attendee
 * and the neutral subject. Outlook asks the organizer to send it, so nothing leaves without them.
 */
export async function fillAppointment(item: Office.AppointmentCompose, fill: AppointmentFill): Promise<void> {
  await officeCall((done) => item.start.setAsync(fill.start, done));
  await officeCall((done) => item.end.setAsync(fill.end, done));
  await officeCall((done) => item.location.setAsync(fill.location, done));
  await officeCall((done) => item.subject.setAsync(fill.subject, done));
  await officeCall((done) => item.requiredAttendees.addAsync([{ displayName: fill.partner.displayName, emailAddress: fill.partner.mail }], done));
}
