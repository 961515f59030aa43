/**
 * The meeting tab Upward pins to a session's meeting chat, whether its tab job pins it or a
 * person adds it on the configuration page: the same entity and addresses, so both are one tab.
 * `tabBase` is the tab page's address (`…/tab/index.html`).
 */
export function meetingTabConfiguration(tabBase: string, pairId: string, sessionId: string) {
  const pair = encodeURIComponent(pairId);
  return {
    entityId: `upward-meeting-${sessionId}`,
    contentUrl: `${tabBase}#/meeting/${pair}/${encodeURIComponent(sessionId)}`,
    websiteUrl: `${tabBase}#/workspace/${pair}`,
  };
}

/**
 * The chat thread of a Teams meeting, read from its join address
 * (`https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`); null
 * for an address of another form.
 */
export function meetingThreadOf(joinUrl: string): string | null {
  const segment = /\/l\/meetup-join\/([^/?#]+)/.exec(joinUrl)?.[1];
  if (!segment) return null;
  try {
    const thread = decodeURIComponent(segment);
    return thread.startsWith('19:') ? thread : null;
  } catch {
    return null;
  }
}
