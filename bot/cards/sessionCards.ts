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

export function noSessionCard(): Card {
  return adaptiveCard([heading('No session booked'), paragraph('Book your next session from the Upward tab or the Outlook add-in: it finds a time that suits you both and a neutral place.')]);
}
