import { z } from 'zod';
import { says } from './messages';

export const idSchema = z.uuid({ message: says('schema.id') });

/** Free text from people: trimmed, bounded, and never empty where it is required. */
export const text = (max: number) => z.string().trim().min(1, says('schema.empty')).max(max, says('schema.tooLong'));

export const isoDate = z.iso.date({ message: says('schema.date') });

export const isoDateTime = z.iso.datetime({ offset: true, message: says('schema.dateTime') });

export const idParams = z.object({ id: idSchema });
