/**
 * Which of Upward's languages a person reads, from what their host says (Teams' `app.locale`, the
 * bot activity's `locale`, Office's `displayLanguage`, the browser's Accept-Language). Pure: the
 * tab, the bot and the add-in all resolve the same way.
 */

/** The languages with a complete catalogue, and Windows' pseudo-locale (accented, lengthened English) for testing. */
export const languages = ['en', 'fr', 'de'] as const;
export const pseudoLocale = 'qps-ploc';
/**
 * Windows' mirrored pseudo-locale: the pseudo-locale's words laid out right to left, so a test
 * sees a layout that is not ready for Arabic or Hebrew without a real catalogue in either.
 */
export const mirroredPseudoLocale = 'qps-plocm';
export type Language = (typeof languages)[number] | typeof pseudoLocale;

export const defaultLanguage: Language = 'en';

/** Scripts written right to left (by primary language subtag): Upward has no such catalogue yet, but the layout is ready for one. */
const rightToLeft = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The first of the requested tags Upward has a catalogue for, each tag tried from most to least
 * specific (fr-CA, then fr); English when none matches. The tag is kept (fr-CA) for dates and
 * numbers, so a Canadian reads French words with Canadian formats.
 */
export function resolveLocale(requested: readonly (string | null | undefined)[]): { language: Language; locale: string } {
  for (const raw of requested) {
    const tag = raw ? canonical(raw) : null;
    if (!tag) continue;
    if (tag.toLowerCase() === pseudoLocale || tag.toLowerCase() === mirroredPseudoLocale) return { language: pseudoLocale, locale: tag.toLowerCase() };
    const primary = tag.split('-')[0]!.toLowerCase();
    const language = languages.find((l) => l === primary);
    // English without a region is the catalogue's own, British English (dates as 5 October 2026).
    if (language) return { language, locale: tag === 'en' ? 'en-GB' : tag };
  }
  return { language: defaultLanguage, locale: 'en-GB' };
}

/** The tags of an Accept-Language header, most preferred first (RFC 9110 quality values; `*` and q=0 ignored). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The writing direction of a locale, for `dir` on the page's root. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  if (locale.toLowerCase() === mirroredPseudoLocale) return 'rtl';
  return rightToLeft.has(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** The locale whose dates and numbers Intl uses: the pseudo-locale formats as English and is then accented. */
export function formattingLocale(locale: string): string {
  return locale === pseudoLocale || locale === mirroredPseudoLocale ? 'en-GB' : locale;
}
