import type english from '../locales/en.json';
import type sharedEnglish from '../../shared/locales/en.json';
import { pseudoLocale } from '../../shared/i18n/locales';
import { pageLanguage } from '../../shared/i18n/pageLanguage';

/** The tab's messages and the shared domain's (the schemas' field messages, the CSV import's row messages). */
export type MessageKey = keyof typeof english | keyof typeof sharedEnglish;

type Chunk<T> = Promise<{ default: T }>;
const withShared = async (own: Chunk<Record<string, string>>, shared: Chunk<Record<string, string>>) => {
  const [tabMessages, sharedMessages] = await Promise.all([own, shared]);
  return { default: { ...tabMessages.default, ...sharedMessages.default } as Record<MessageKey, string> };
};

// One chunk per language, fetched on demand: the person's catalogue alone loads (the pseudo-locale is generated from English).
const tab = pageLanguage<MessageKey>({
  en: () => withShared(import('../locales/en.json'), import('../../shared/locales/en.json')),
  fr: () => withShared(import('../locales/fr.json'), import('../../shared/locales/fr.json')),
  de: () => withShared(import('../locales/de.json'), import('../../shared/locales/de.json')),
  [pseudoLocale]: () => withShared(import('../locales/en.json'), import('../../shared/locales/en.json')),
});

/** Loads the catalogue for Teams' `app.locale`, then the browser's languages, and marks the page; runs before the tab renders. */
export const loadLanguage = (requested: readonly (string | undefined)[]): Promise<void> => tab.load(requested, document.documentElement);

export const { install: installCatalogue, t, label, currentLocale, intl } = tab;
