import type { SessionView } from '../botBackend';
import { adaptiveCard, type Card, heading, paragraph, execute, userText } from './cardText';

function when(session: SessionView): string {
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: session.timeZone });
  return `${format.format(new Date(session.startsAt))} (${session.timeZone})`;
}

function agendaBlock(session: SessionView): unknown[] {
  if (session.agenda.length > 0) return [paragraph('**Agenda**'), ...session.agenda.map((item, i) => userText(`${i + 1}. ${item}`))];
  return session.role === 'mentee'
    ? [paragraph('The agenda is empty. You set the agenda: add what you want to learn about.')]
    : [paragraph('No agenda yet. Your mentee sets it; you can suggest an item.')];
}

function addAgendaItem(session: SessionView): unknown[] {
  return [
    { type: 'Input.Text', id: 'text', label: session.role === 'mentee' ? 'Add an agenda item' : 'Suggest an agenda item', maxLength: 500, isRequired: true, errorMessage: 'Write the item first.' },
  ];
}

/** The next session: when, where, the agenda, and a way to add to it. Also the 24-hour reminder. */
export function sessionCard(session: SessionView, options: { reminder: boolean }): Card {
  const actions = [execute(session.role === 'mentee' ? 'Set your agenda' : 'Suggest an item', 'agenda.add', { pairId: session.pairId })];
  if (session.joinUrl) actions.push({ type: 'Action.OpenUrl', title: 'Join online', url: session.joinUrl });
  return adaptiveCard(
    [
      heading(options.reminder ? 'Your session is coming up' : 'Your next session'),
      { type: 'FactSet', facts: [{ title: 'When', value: when(session) }, { title: 'Where', value: session.venue }, { title: 'With', value: session.partnerName }].map((f) => ({ ...f, value: f.value.replace(/\{\{/g, '{\u200B{') })) },
      ...agendaBlock(session),
      ...addAgendaItem(session),
    ],
    actions,
  );
}

/**
 * A booked room declined the session after the booking (Exchange rooms answer later, and
 * facilities can take a room back): where the session is now, or that the pair should choose
 * another time or place.
 */
export function roomDeclinedCard(input: { startsAt: string; timeZone: string; movedTo: string | null; workspaceUrl: string }): Card {
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: input.timeZone });
  const at = `${format.format(new Date(input.startsAt))} (${input.timeZone})`;
  const body: unknown[] = [heading('The room for your session declined'), paragraph(`The room booked for your session on ${at} is no longer available.`)];
  if (input.movedTo) {
    body.push(paragraph('Upward moved the session to another neutral room that is free at the same time:'), userText(input.movedTo), paragraph('Your calendar invitation shows the new room.', { subtle: true }));
  } else {
    body.push(paragraph('No other neutral room is free at that time. Choose another time or place in your workspace, or meet online.'));
  }
  return adaptiveCard(body, [{ type: 'Action.OpenUrl', title: 'Open your workspace', url: input.workspaceUrl }]);
}

export function noSessionCard(): Card {
  return adaptiveCard([heading('No session booked'), paragraph('Book your next session from the Upward tab or the Outlook add-in: it finds a time that suits you both and a neutral place.')]);
}
