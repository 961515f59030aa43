import { acceptedLanguages, pseudoLocale, resolveLocale, type Language } from '../../shared/i18n/locales';
import { createTranslator, type Translator } from '../../shared/i18n/translator';
import english from './locales/en.json';
import french from './locales/fr.json';
import german from './locales/de.json';
import sharedEnglish from '../../shared/locales/en.json';
import sharedFrench from '../../shared/locales/fr.json';
import sharedGerman from '../../shared/locales/de.json';

/** The server's own messages, and the shared domain's (the schemas' field messages, the CSV import's row messages). */
export type ProblemKey = keyof typeof english | keyof typeof sharedEnglish;

const catalogues: Record<Language, Readonly<Record<ProblemKey, string>>> = {
  en: { ...english, ...sharedEnglish },
  fr: { ...french, ...sharedFrench },
  de: { ...german, ...sharedGerman },
  [pseudoLocale]: { ...english, ...sharedEnglish },
};

/**
 * The problem catalogue in one reader's language (a locale tag, or an Accept-Language header);
 * English without one. Times are in UTC, and the messages say so: the server does not know the reader's zone.
 */
export function problemText(localeOrHeader: string | null | undefined): Translator<ProblemKey> {
  const { language, locale } = resolveLocale(acceptedLanguages(localeOrHeader ?? undefined));
  return createTranslator({ language, locale, catalogue: catalogues[language], timeZone: 'UTC' });
}
