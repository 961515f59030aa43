import { workingSpans } from '../../../shared/scheduling';
import type { PersonHours } from '../../bot/mailboxSettings';

const weekMs = 7 * 86_400_000;

/**
 * When to message a person: now if they are at work, else when their next working day starts,
 * unless that is too late to be useful (after `latest`), in which case now.
 */
export function sendTimeFor(hours: PersonHours, now: Date, latest: Date | null): Date {
  if (!hours.workingHours) return now;
  const spans = workingSpans(hours.workingHours, now.getTime(), now.getTime() + weekMs);
  const first = spans[0];
  if (!first || first.start <= now.getTime()) return now;
  if (latest && first.start > latest.getTime()) return now;
  return new Date(first.start);
}
