/** At most `requests` in any `windowMs`. */
interface Window {
  requests: number;
  windowMs: number;
}

/**
 * Teams' documented limits on what a bot sends
 * (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit): per app per tenant, and
 * per bot per conversation ("thread") for sending to a conversation.
 */
export const teamsBotLimits = {
  perAppPerTenant: [{ requests: 50, windowMs: 1_000 }],
  perConversation: [
    { requests: 7, windowMs: 1_000 },
    { requests: 8, windowMs: 2_000 },
    { requests: 60, windowMs: 30_000 },
    { requests: 1_800, windowMs: 3_600_000 },
  ],
} as const satisfies Record<string, readonly Window[]>;

/**
 * Counts a bot's posts the way Teams limits them: sliding windows per tenant and per
 * conversation. A post over any window is refused with the seconds until it would fit.
 */
export function teamsRateLimiter(clock: () => number = Date.now) {
  const taken = new Map<string, number[]>();

  /** Milliseconds until one more post fits in every window of this key (0: it fits now). */
  function waitFor(key: string, windows: readonly Window[], now: number): number {
    const times = taken.get(key) ?? [];
    let wait = 0;
    for (const { requests, windowMs } of windows) {
      const inWindow = times.filter((t) => t > now - windowMs);
      const oldest = inWindow[inWindow.length - requests];
      if (oldest !== undefined) wait = Math.max(wait, oldest + windowMs - now);
    }
    return wait;
  }

  function record(key: string, windows: readonly Window[], now: number): void {
    const longest = Math.max(...windows.map((w) => w.windowMs));
    const times = (taken.get(key) ?? []).filter((t) => t > now - longest);
    times.push(now);
    taken.set(key, times);
  }

  return {
    /** Takes the post, or answers the Retry-After (whole seconds, at least 1) Teams would send. */
    admit(tenantId: string, conversationId: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
      const now = clock();
      const tenantKey = `tenant:${tenantId}`;
      const conversationKey = `conversation:${conversationId}`;
      const wait = Math.max(waitFor(tenantKey, teamsBotLimits.perAppPerTenant, now), waitFor(conversationKey, teamsBotLimits.perConversation, now));
      if (wait > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
      record(tenantKey, teamsBotLimits.perAppPerTenant, now);
      record(conversationKey, teamsBotLimits.perConversation, now);
      return { ok: true };
    },
  };
}
