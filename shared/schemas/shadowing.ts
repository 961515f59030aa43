import { z } from 'zod';
import { says } from './messages';
import { idSchema, text } from './common';

/** An Outlook event id: long, opaque, URL-safe base64. */
const eventId = z
  .string()
  .min(16, says('schema.calendarEventId'))
  .max(512, says('schema.tooLong'))
  .regex(/^[A-Za-z0-9_\-+/=]+$/, says('schema.calendarEventId'));

export const shadowingOfferParams = z.object({ id: idSchema, offerId: idSchema });

export const shadowingOfferSchema = z.object({ eventId, note: text(500).nullable().optional() }).strict();
export type ShadowingOfferInput = z.infer<typeof shadowingOfferSchema>;

export const observationsSchema = z.object({ saw: text(2000), effect: text(2000), tryNext: text(1000) }).strict();
export type ObservationsInput = z.infer<typeof observationsSchema>;
