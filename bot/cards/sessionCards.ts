import type { SessionView } from '../botBackend';
import type { BotText } from '../botText';
import { adaptiveCard, type Card, heading, paragraph, execute, userText } from './cardText';

function when(text: BotText, session: SessionView): string {
  const at = text.date(new Date(session.startsAt), { dateStyle: 'full', timeStyle: 'short', timeZone: session.timeZone });
  return text.t('session.at', { when: at, timeZone: session.timeZone });
}

function agendaBlock(text: BotText, session: SessionView): unknown[] {
  if (session.agenda.length > 0) return [paragraph(text.t('session.agenda')), ...session.agenda.map((item, i) => userText(`${text.number(i + 1)}. ${item}`))];
  return [paragraph(text.t(session.role === 'mentee' ? 'session.agendaEmptyMentee' : 'session.agendaEmptyMentor'))];
}

function addAgendaItem(text: BotText, session: SessionView): unknown[] {
  return [{ type: 'Input.Text', id: 'text', label: text.t('session.addLabel', { role: session.role }), maxLength: 500, isRequired: true, errorMessage: text.t('session.addMissing') }];
}

/** Where the session is: the room's own name, or the kind of place in the person's words. */
function venueOf(text: BotText, session: SessionView): string {
  if (session.venue.name) return session.venue.name;
  return text.t(session.venue.kind === 'online' ? 'session.online' : 'session.undecided');
}

/** The next session: when, where, the agenda, and a way to add to it. Also the 24-hour reminder. */
export function sessionCard(text: BotText, session: SessionView, options: { reminder: boolean }): Card {
  const actions = [execute(text.t('session.addAction', { role: session.role }), 'agenda.add', { pairId: session.pairId })];
  if (session.joinUrl) actions.push({ type: 'Action.OpenUrl', title: text.t('session.join'), url: session.joinUrl });
  const facts = [
    { title: text.t('session.when'), value: when(text, session) },
    { title: text.t('session.where'), value: venueOf(text, session) },
    { title: text.t('session.with'), value: session.partnerName },
  ];
  return adaptiveCard(
    [
      heading(text.t(options.reminder ? 'session.reminderHeading' : 'session.heading')),
      { type: 'FactSet', facts: facts.map((f) => ({ ...f, value: f.value.replace(/\{\{/g, '{\u200B{') })) },
      ...agendaBlock(text, session),
      ...addAgendaItem(text, session),
    ],
    actions,
  );
}

/**
 * A booked room declined the session after the booking (Exchange rooms answer later, and
 * facilities can take a room back): where the session is now, or that the pair should choose
 * another time or place.
 */
export function roomDeclinedCard(text: BotText, input: { startsAt: string; timeZone: string; movedTo: string | null; workspaceUrl: string }): Card {
  const at = text.t('session.at', { when: text.date(new Date(input.startsAt), { dateStyle: 'full', timeStyle: 'short', timeZone: input.timeZone }), timeZone: input.timeZone });
  const body: unknown[] = [heading(text.t('roomDeclined.heading')), paragraph(text.t('roomDeclined.text', { when: at }))];
  if (input.movedTo) {
    body.push(paragraph(text.t('roomDeclined.moved')), userText(input.movedTo), paragraph(text.t('roomDeclined.movedHint'), { subtle: true }));
  } else {
    body.push(paragraph(text.t('roomDeclined.notMoved')));
  }
  return adaptiveCard(body, [{ type: 'Action.OpenUrl', title: text.t('roomDeclined.open'), url: input.workspaceUrl }]);
}

export function noSessionCard(text: BotText): Card {
  return adaptiveCard([heading(text.t('session.noneHeading')), paragraph(text.t('session.noneText'))]);
}
