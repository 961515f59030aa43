import type english from '../locales/en.json';
import { directionOf, pseudoLocale, resolveLocale, type Language } from '../../shared/i18n/locales';
import { createTranslator, type MessageValues, type Translator } from '../../shared/i18n/translator';

export type MessageKey = keyof typeof english;

type Catalogue = Readonly<Record<MessageKey, string>>;

// One chunk per language, fetched on demand: the person's catalogue alone loads (the pseudo-locale is generated from English).
const catalogues: Record<Language, () => Promise<{ default: Catalogue }>> = {
  en: () => import('../locales/en.json'),
  fr: () => import('../locales/fr.json'),
  de: () => import('../locales/de.json'),
  [pseudoLocale]: () => import('../locales/en.json'),
};

let active: Translator<MessageKey> | null = null;

function translator(): Translator<MessageKey> {
  if (!active) throw new Error('The tab’s language is not loaded yet (loadLanguage runs before the first render).');
  return active;
}

/**
 * Loads the catalogue for the first of the host's locales Upward speaks (Teams' `app.locale`, then
 * the browser's languages) and marks the page's language and direction. Runs once, before the
 * tab renders; the language does not change while the tab is open (Teams reloads it).
 */
export async function loadLanguage(requested: readonly (string | undefined)[]): Promise<void> {
  const { language, locale } = resolveLocale(requested);
  if (active?.language === language && active.locale === locale) return;
  installCatalogue(language, locale, (await catalogues[language]()).default);
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

/** Makes a loaded catalogue the tab's (tests render components with one directly). */
export function installCatalogue(language: Language, locale: string, catalogue: Catalogue): void {
  active = createTranslator({ language, locale, catalogue });
}

/** A message from the person's catalogue. */
export const t = (key: MessageKey, values?: MessageValues): string => translator().t(key, values);

/** A message chosen by a value from the data (`pairStatus.active`); the value itself if the catalogue has none. */
export const label = (prefix: string, value: string, values?: MessageValues): string => translator().label(prefix, value, values);

/** The person's locale (fr-CA), for Intl and for the API's Accept-Language. */
export const currentLocale = (): string => translator().locale;

/** Intl in the person's locale and the device's time zone. */
export const intl = (): Pick<Translator<MessageKey>, 'date' | 'number' | 'list'> => translator();
