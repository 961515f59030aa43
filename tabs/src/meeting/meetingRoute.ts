/**
 * The pair and session a meeting's side panel opens on: `#/meeting/<pairId>/<sessionId>`, the
 * content address Upward gives the tab it adds to the meeting's chat.
 */
export function meetingFromHash(hash: string): { pairId: string; sessionId: string } | null {
  const [route, pairId, sessionId] = hash.replace(/^#\/?/, '').split('/');
  return route === 'meeting' && pairId && sessionId ? { pairId: decodeURIComponent(pairId), sessionId: decodeURIComponent(sessionId) } : null;
}
