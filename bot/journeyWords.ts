import { pseudoLocale, type Language } from '../shared/i18n/locales';
import { createTranslator, type Translator } from '../shared/i18n/translator';
import english from '../tabs/locales/en.json';
import french from '../tabs/locales/fr.json';
import german from '../tabs/locales/de.json';
import type { BotText } from './botText';

type TabKey = keyof typeof english;

const catalogues: Record<Language, Readonly<Record<TabKey, string>>> = { en: english, fr: french, de: german, [pseudoLocale]: english };

/**
 * The words of the training modules and the conversation prompts, which the tab's catalogues hold
 * (decision 0070): the bot names a module or quotes a prompt in exactly the words the workspace
 * shows, in the person's language, rather than keeping a second copy.
 */
export function journeyWords(text: Pick<BotText, 'language' | 'locale'>): Translator<TabKey> {
  return createTranslator({ language: text.language, locale: text.locale, catalogue: catalogues[text.language] });
}
