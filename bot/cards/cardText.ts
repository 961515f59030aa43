/**
 * People's words go into cards only as TextRuns (never as a TextBlock, which Teams reads as
 * markdown) and with "{{" broken up, so nobody can inject links, formatting or date functions
 * into their partner's card.
 */
export function safeText(value: string): string {
  return value.replace(/\{\{/g, '{\u200B{').replace(/\$\{/g, '$\u200B{');
}

/** A paragraph of someone's own words, rendered verbatim. */
export function userText(value: string, options: { italic?: boolean } = {}): Record<string, unknown> {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: safeText(value), ...(options.italic ? { italic: true } : {}) }] };
}

/** Text Upward wrote itself (headings, explanations); may use the card's markdown subset. */
export function heading(text: string): Record<string, unknown> {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
}

export function paragraph(text: string, options: { subtle?: boolean } = {}): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true, isSubtle: options.subtle ?? false };
}

export type Card = Record<string, unknown> & { type: 'AdaptiveCard'; version: string; body: unknown[] };

/** Version 1.5 is what Teams renders on desktop, web and mobile. */
export function adaptiveCard(body: unknown[], actions: unknown[] = []): Card {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...(actions.length ? { actions } : {}) };
}

/**
 * The id a proactive card carries for the job that sent it: invisible to the person, kept by
 * Teams in the card's JSON (which Graph returns as the chat message's attachment content), so a
 * run after a crash can see whether the card already arrived.
 */
export const jobMarker = (jobId: string) => `upward-job-${jobId}`;

export function markedCard(card: Card, jobId: string): Card {
  return { ...card, id: jobMarker(jobId) };
}

/**
 * A button as a Universal Action (Action.Execute): Teams sends it to the bot as an invoke, and the
 * card the bot answers with replaces this one for the person who pressed it.
 */
export function execute(title: string, verb: string, data: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'Action.Execute', title, verb, data };
}

/**
 * The card as sent once: every button carries this sending's id, so an answer to it is recorded
 * once however often the card is pressed (another device, a replay).
 */
export function withCardId(card: Card, cardId: string): Card {
  const stamp = (actions: unknown) =>
    Array.isArray(actions)
      ? actions.map((action: Record<string, unknown>) => (action.type === 'Action.Execute' ? { ...action, data: { ...(action.data as object), cardId } } : action))
      : actions;
  return card.actions ? { ...card, actions: stamp(card.actions) } : card;
}
