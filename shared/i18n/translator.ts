import { type Formats, IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { accented, pseudoCatalogue } from './pseudo';
import { formattingLocale, pseudoLocale, type Language } from './locales';

export type MessageValues = Record<string, PrimitiveType>;

export interface Translator<K extends string> {
  /** The BCP 47 locale the person reads (fr-CA), for `lang` and Intl. */
  readonly locale: string;
  readonly language: Language;
  /** A catalogue message in ICU syntax (plurals, selections, numbers), with its values. */
  t(key: K, values?: MessageValues): string;
  /** A catalogue message chosen by a value from the data (a status, a kind); the value itself when the catalogue has no such message. */
  label(prefix: string, value: string, values?: MessageValues): string;
  /** Dates, times, numbers and lists through Intl, in the person's locale and (for times) time zone. */
  date(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
}

/**
 * Formats one catalogue's messages for one locale. Messages are compiled once, on first use. The
 * catalogues of a front door are complete (a test compares every language's keys and arguments
 * with English's), so a missing key is a programming error and shows as the key.
 */
export function createTranslator<K extends string>(options: { language: Language; locale: string; catalogue: Readonly<Record<K, string>>; timeZone?: string }): Translator<K> {
  const { language, locale } = options;
  const pseudo = language === pseudoLocale;
  const catalogue: Readonly<Record<string, string>> = pseudo ? pseudoCatalogue(options.catalogue) : options.catalogue;
  const intlLocale = formattingLocale(locale);
  // Intl's English words (months, "and") are accented in the pseudo-locale like the catalogue's.
  const finish = pseudo ? accented : (text: string) => text;
  // A message's {when, date, medium} and {when, time, short} are in the person's time zone too, like date().
  const zoned = options.timeZone === undefined ? undefined : inTimeZone(options.timeZone);
  const compiled = new Map<string, IntlMessageFormat>();
  const format = (key: string, values?: MessageValues) => {
    const message = catalogue[key];
    if (message === undefined) return key;
    let formatter = compiled.get(key);
    if (!formatter) {
      formatter = new IntlMessageFormat(message, intlLocale, zoned);
      compiled.set(key, formatter);
    }
    return String(formatter.format(values));
  };
  return {
    locale,
    language,
    t: format,
    label: (prefix, value, values) => (catalogue[`${prefix}.${value}`] === undefined ? value : format(`${prefix}.${value}`, values)),
    date: (value, dateOptions = { dateStyle: 'medium' }) => finish(new Intl.DateTimeFormat(intlLocale, { timeZone: options.timeZone, ...dateOptions }).format(value)),
    number: (value, numberOptions) => new Intl.NumberFormat(intlLocale, numberOptions).format(value),
    list: (items, type = 'conjunction') => finish(new Intl.ListFormat(intlLocale, { style: 'long', type }).format(items)),
  };
}

/** ICU's named date and time formats (short, medium, long, full), each in one time zone. */
function inTimeZone(timeZone: string): Pick<Formats, 'date' | 'time'> {
  const zone = (styles: Record<string, Intl.DateTimeFormatOptions>) => Object.fromEntries(Object.entries(styles).map(([name, style]) => [name, { ...style, timeZone }]));
  return { date: zone(IntlMessageFormat.formats.date), time: zone(IntlMessageFormat.formats.time) };
}
