import { resolveLocale } from '../../shared/i18n/locales';
import { createTranslator, type Translator } from '../../shared/i18n/translator';
import { storedLocaleOf } from '../bot/conversationStore';
import type { GraphGateway } from '../graph/graphGateway';
import type { Db } from '../store/database';
import english from './locales/en.json';
import french from './locales/fr.json';
import german from './locales/de.json';

type EventKey = keyof typeof english;

const catalogues: Readonly<Record<'en' | 'fr' | 'de', Readonly<Record<EventKey, string>>>> = { en: english, fr: french, de: german };

/** The words of a session's invitation in one locale (a tag such as fr-CH; English for any language Upward does not speak). */
export function eventText(locale: string | null): Translator<EventKey> {
  const { language, locale: resolved } = resolveLocale([locale ?? undefined]);
  return createTranslator({ language, locale: resolved, catalogue: language === 'fr' || language === 'de' ? catalogues[language] : catalogues.en });
}

/** The subject of a session's event, in the locale it was (or will be) worded in: its partner's. */
export const eventSubject = (locale: string | null): string => eventText(locale).t('event.subject');

/**
 * A person's language, as a BCP 47 tag, or null when nothing says which. `mailboxLocale` is their
 * mailbox's language when it was already read (null: none set); undefined reads it now.
 */
export type LanguageOf = (tenantId: string, userId: string, mailboxLocale?: string | null) => Promise<string | null>;

/**
 * The language a person reads their mail in (decision 0056): the mailbox's own setting
 * (`mailboxSettings.language.locale`, which Outlook shows them), else the locale Teams last gave
 * the bot for them, else nothing (English). A mailbox Graph will not show, or a Graph that fails
 * after its retries, only falls back: the wording of an invitation never stops a booking.
 *
 * Each answer is kept for a person for `ttlMs` (decision 0071): a booking and the suggestions
 * before it ask for the same two people, and a language changed in Outlook may take that long to
 * reach the next invitation. A fallen-back answer is not kept, so the next booking asks Graph again.
 */
export function languageOf(deps: { graph: GraphGateway; db: Db; clock: () => Date }, ttlMs = 10 * 60_000): LanguageOf {
  const known = new Map<string, { locale: string; until: number }>();
  const keep = (key: string, locale: string, now: number) => {
    // Forgotten once stale, so an organisation's people are never all held at once for long.
    if (known.size >= 5000) for (const [k, v] of known) if (v.until <= now) known.delete(k);
    known.set(key, { locale, until: now + ttlMs });
  };
  const readMailboxLocale = async (tenantId: string, userId: string) => {
    const key = `${tenantId}/${userId}`;
    const now = deps.clock().getTime();
    const kept = known.get(key);
    if (kept && kept.until > now) return kept.locale;
    try {
      const settings = await deps.graph.forApp(tenantId).get<{ language?: { locale?: string | null } | null }>(`/users/${encodeURIComponent(userId)}/mailboxSettings`);
      const locale = settings.language?.locale ?? null;
      if (locale) keep(key, locale, now);
      return locale;
    } catch {
      // Falls back below.
      return null;
    }
  };
  return async (tenantId, userId, mailboxLocale) => {
    const locale = mailboxLocale === undefined ? await readMailboxLocale(tenantId, userId) : mailboxLocale;
    if (locale) return locale;
    return storedLocaleOf(deps.db, tenantId, userId);
  };
}
