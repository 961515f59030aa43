import type english from '../locales/en.json';
import { pseudoLocale } from '../../shared/i18n/locales';
import { pageLanguage } from '../../shared/i18n/pageLanguage';

export type MessageKey = keyof typeof english;

// One chunk per language, fetched on demand (the pseudo-locale is generated from English).
const pane = pageLanguage<MessageKey>({
  en: () => import('../locales/en.json'),
  fr: () => import('../locales/fr.json'),
  de: () => import('../locales/de.json'),
  [pseudoLocale]: () => import('../locales/en.json'),
});

/** Loads the catalogue for Outlook's display language, then the browser's languages, and marks the page; runs before the pane renders. */
export const loadLanguage = (requested: readonly (string | undefined)[]): Promise<void> => pane.load(requested, document.documentElement);

export const { install: installCatalogue, t, label, currentLocale, intl } = pane;
