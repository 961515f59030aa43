import { DateTime } from 'luxon';
import { SchedulingError } from './errors';
import { plainUtcIso, plainUtcMillis } from './plainUtc';

/** A time range as it crosses the public surface: ISO 8601 instants, half-open [start, end). */
export interface BusyInterval {
  start: string;
  end: string;
}

/** The same range in epoch milliseconds, half-open: a range ending when another starts does not overlap it. */
export interface Span {
  start: number;
  end: number;
}

const explicitOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Epoch milliseconds of an ISO instant; the instant must carry its offset, so no machine zone leaks in. */
export function parseInstant(iso: string): number {
  // The instants slot finding passes around are `…Z`, as toIsoUtc writes them: read without luxon.
  const plain = plainUtcMillis(iso, { zulu: true });
  if (plain !== null) return plain;
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!explicitOffset.test(iso.trim()) || !parsed.isValid) {
    throw new SchedulingError('invalid-instant', `"${iso}" is not an ISO 8601 instant with an offset, such as 2025-03-10T09:00:00Z.`);
  }
  return parsed.toMillis();
}

/** An instant as ISO 8601 in UTC, without milliseconds when there are none (`2025-03-10T09:00:00Z`). */
export function toIsoUtc(millis: number): string {
  return plainUtcIso(millis) ?? DateTime.fromMillis(millis, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '';
}

export function spanOf(interval: BusyInterval): Span {
  return { start: parseInstant(interval.start), end: parseInstant(interval.end) };
}

/** Sorted, non-overlapping spans; touching spans are joined, empty ones dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Where two sets of spans overlap. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const left = mergeSpans(a);
  const right = mergeSpans(b);
  const result: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const l = left[i] as Span;
    const r = right[j] as Span;
    const start = Math.max(l.start, r.start);
    const end = Math.min(l.end, r.end);
    if (end > start) result.push({ start, end });
    if (l.end < r.end) i++;
    else j++;
  }
  return result;
}

/** The parts of `spans` not covered by `remove`. */
export function subtractSpans(spans: readonly Span[], remove: readonly Span[]): Span[] {
  const cuts = mergeSpans(remove);
  const result: Span[] = [];
  for (const span of mergeSpans(spans)) {
    let cursor = span.start;
    for (const cut of cuts) {
      if (cut.end <= cursor) continue;
      if (cut.start >= span.end) break;
      if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
    }
    if (cursor < span.end) result.push({ start: cursor, end: span.end });
  }
  return result;
}

/** Whether [start, end) overlaps any of the merged, sorted spans. */
export function overlapsAny(start: number, end: number, merged: readonly Span[]): boolean {
  let low = 0;
  let high = merged.length;
  // The first span ending after `start` is the only one that can overlap.
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((merged[mid] as Span).end <= start) low = mid + 1;
    else high = mid;
  }
  const candidate = merged[low];
  return candidate !== undefined && candidate.start < end;
}
