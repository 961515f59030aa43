import { pseudoLocale, resolveLocale, type Language } from '../shared/i18n/locales';
import { createTranslator, type Translator } from '../shared/i18n/translator';
import english from './locales/en.json';
import french from './locales/fr.json';
import german from './locales/de.json';

export type BotKey = keyof typeof english;

/** The bot's words in one person's language (cards are built on the server, so every catalogue is at hand). */
export type BotText = Translator<BotKey>;

const catalogues: Record<Language, Readonly<Record<BotKey, string>>> = { en: english, fr: french, de: german, [pseudoLocale]: english };

/**
 * The bot's text for a person, from the locale Teams gave with their activity (or stored with their
 * conversation, for proactive cards): fr-CA reads French, anything Upward does not speak English.
 */
export function botText(locale: string | null | undefined): BotText {
  const { language, locale: resolved } = resolveLocale([locale]);
  return createTranslator({ language, locale: resolved, catalogue: catalogues[language] });
}
