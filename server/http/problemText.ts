import { acceptedLanguages, pseudoLocale, resolveLocale, type Language } from '../../shared/i18n/locales';
import { createTranslator, type Translator } from '../../shared/i18n/translator';
import english from './locales/en.json';
import french from './locales/fr.json';
import german from './locales/de.json';

export type ProblemKey = keyof typeof english;

const catalogues: Record<Language, Readonly<Record<ProblemKey, string>>> = { en: english, fr: french, de: german, [pseudoLocale]: english };

/**
 * The problem catalogue in one reader's language (a locale tag, or an Accept-Language header);
 * English without one. Times are in UTC, and the messages say so: the server does not know the reader's zone.
 */
export function problemText(localeOrHeader: string | null | undefined): Translator<ProblemKey> {
  const { language, locale } = resolveLocale(acceptedLanguages(localeOrHeader ?? undefined));
  return createTranslator({ language, locale, catalogue: catalogues[language], timeZone: 'UTC' });
}
