import { z } from 'zod';

export const idSchema = z.uuid({ message: 'must be an id (a UUID)' });

/** Free text from people: trimmed, bounded, and never empty where it is required. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const isoDate = z.iso.date({ message: 'must be a date like 2026-01-31' });

export const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time like 2026-01-31T09:00:00Z' });

export const idParams = z.object({ id: idSchema });
