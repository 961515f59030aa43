/**
 * Rate limits count in fixed one-minute windows; a test that counts hits waits out the last
 * seconds of a window so its requests all land in one.
 */
export async function awayFromWindowEdge(windowMs = 60_000, marginMs = 10_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
