import { intl } from './i18n';

/** Dates and times in the person's own locale and time zone; a date without a time is that calendar day. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const dateOnly = iso.length === 10;
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return intl().date(date, { day: 'numeric', month: 'short', year: 'numeric', ...(dateOnly ? { timeZone: 'UTC' } : {}) });
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : intl().date(date, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A calendar month (`2026-03`) as the person writes it. */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : intl().date(date, { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string => intl().number(value, options);
