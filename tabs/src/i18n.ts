import type english from '../locales/en.json';
import { pseudoLocale } from '../../shared/i18n/locales';
import { pageLanguage } from '../../shared/i18n/pageLanguage';

export type MessageKey = keyof typeof english;

// One chunk per language, fetched on demand: the person's catalogue alone loads (the pseudo-locale is generated from English).
const tab = pageLanguage<MessageKey>({
  en: () => import('../locales/en.json'),
  fr: () => import('../locales/fr.json'),
  de: () => import('../locales/de.json'),
  [pseudoLocale]: () => import('../locales/en.json'),
});

/** Loads the catalogue for Teams' `app.locale`, then the browser's languages, and marks the page; runs before the tab renders. */
export const loadLanguage = (requested: readonly (string | undefined)[]): Promise<void> => tab.load(requested, document.documentElement);

export const { install: installCatalogue, t, label, currentLocale, intl } = tab;
