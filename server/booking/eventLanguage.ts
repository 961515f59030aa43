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
 */
export function languageOf(deps: { graph: GraphGateway; db: Db }): LanguageOf {
  const readMailboxLocale = async (tenantId: string, userId: string) => {
    try {
      const settings = await deps.graph.forApp(tenantId).get<{ language?: { locale?: string | null } | null }>(`/users/${encodeURIComponent(userId)}/mailboxSettings`);
      return settings.language?.locale ?? null;
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
