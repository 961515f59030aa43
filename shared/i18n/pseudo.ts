import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * The pseudo-locale (Windows' qps-ploc): every letter of Upward's own words accented and each
 * message about 40 % longer, in brackets, so a test sees at once text that skipped the catalogue
 * (plain ASCII) and layouts that truncate or overflow longer languages (a missing bracket).
 */
const accents: Record<string, string> = {
  a: 'à', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'À', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** Text accented letter by letter (also used for dates and numbers Intl wrote in English). */
export function accented(text: string): string {
  return text.replace(/[a-zA-Z]/g, (letter) => accents[letter] ?? letter);
}

const escapeLiteral = (text: string) => text.replace(/'/g, "''").replace(/[{}#<>]/g, (c) => `'${c}'`);

function print(elements: MessageFormatElement[], inPlural: boolean): string {
  return elements
    .map((element) => {
      switch (element.type) {
        case TYPE.literal:
          return escapeLiteral(accented(element.value));
        case TYPE.argument:
          return `{${element.value}}`;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          return `{${element.value}, ${['', '', 'number', 'date', 'time'][element.type]}${element.style && typeof element.style === 'string' ? `, ${element.style}` : ''}}`;
        case TYPE.pound:
          return inPlural ? '#' : '';
        case TYPE.select:
        case TYPE.plural: {
          const kind = element.type === TYPE.select ? 'select' : element.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
          const offset = element.type === TYPE.plural && element.offset ? ` offset:${element.offset}` : '';
          const options = Object.entries(element.options).map(([key, option]) => `${key} {${print(option.value, element.type === TYPE.plural)}}`);
          return `{${element.value}, ${kind},${offset} ${options.join(' ')}}`;
        }
        case TYPE.tag:
          return `<${element.value}>${print(element.children, inPlural)}</${element.value}>`;
      }
    })
    .join('');
}

/** One message pseudo-localised: accented, padded to about 140 % of its length, bracketed. */
export function pseudoMessage(message: string): string {
  const body = print(parse(message), false);
  // Breakable (a zero-width space every few marks), as the words of a longer language are.
  const padding = '~'.repeat(Math.max(1, Math.round(message.length * 0.4))).replace(/~{5}(?=~)/g, '$&\u200b');
  return `[${body}${padding}]`;
}

/** A whole catalogue pseudo-localised, generated from the English one (never kept by hand). */
export function pseudoCatalogue<K extends string>(english: Readonly<Record<K, string>>): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(english).map(([key, message]) => [key, pseudoMessage(message)])) as Record<K, string>;
}
