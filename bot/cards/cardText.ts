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

export function submit(title: string, verb: string, data: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'Action.Submit', title, data: { verb, ...data } };
}
