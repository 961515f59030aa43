import { directionOf, resolveLocale, type Language } from './locales';
import { createTranslator, type MessageValues, type Translator } from './translator';

type Catalogue<K extends string> = Readonly<Record<K, string>>;

/** Where a page marks its language and direction (the document's root element). */
export interface PageRoot {
  lang: string;
  dir: string;
}

/** One page's language: its catalogue, loaded once before the first render, and the messages and Intl formats read from it. */
export interface PageLanguage<K extends string> {
  /**
   * Loads the catalogue for the first of the requested locales Upward speaks (the host's, then
   * the browser's) and marks the page's root with its language and direction. The language does
   * not change while the page is open (Teams and Outlook reload it when the person changes it).
   */
  load: (requested: readonly (string | undefined)[], root: PageRoot) => Promise<void>;
  /** Makes a loaded catalogue the page's (tests render components with one directly). */
  install: (language: Language, locale: string, catalogue: Catalogue<K>) => void;
  /** A message from the person's catalogue. */
  t: (key: K, values?: MessageValues) => string;
  /** A message chosen by a value from the data (`pairStatus.active`); the value itself if the catalogue has none. */
  label: (prefix: string, value: string, values?: MessageValues) => string;
  /** The person's locale (fr-CA), for Intl and for the API's Accept-Language. */
  currentLocale: () => string;
  /** Intl in the person's locale and the device's time zone. */
  intl: () => Pick<Translator<K>, 'date' | 'number' | 'list'>;
}

/** A page's language from its catalogues, one lazily imported chunk per language (the pseudo-locale's is English's). */
export function pageLanguage<K extends string>(catalogues: Record<Language, () => Promise<{ default: Catalogue<K> }>>): PageLanguage<K> {
  let active: Translator<K> | null = null;
  const translator = (): Translator<K> => {
    if (!active) throw new Error('The page’s language is not loaded yet (load runs before the first render).');
    return active;
  };
  const install = (language: Language, locale: string, catalogue: Catalogue<K>) => {
    active = createTranslator({ language, locale, catalogue });
  };
  return {
    load: async (requested, root) => {
      const { language, locale } = resolveLocale(requested);
      if (active?.language !== language || active.locale !== locale) install(language, locale, (await catalogues[language]()).default);
      root.lang = locale;
      root.dir = directionOf(locale);
    },
    install,
    t: (key, values) => translator().t(key, values),
    label: (prefix, value, values) => translator().label(prefix, value, values),
    currentLocale: () => translator().locale,
    intl: () => translator(),
  };
}
