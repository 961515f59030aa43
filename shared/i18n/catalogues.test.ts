import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { acceptedLanguages, directionOf, languages, resolveLocale } from './locales';
import { accented, pseudoMessage } from './pseudo';
import { createTranslator } from './translator';

const root = path.resolve(__dirname, '../..');
/** Every front door's catalogues: one JSON file per language beside English's. */
const catalogueDirs = ['tabs/locales', 'outlook-addin/locales', 'bot/locales', 'server/http/locales', 'server/booking/locales', 'shared/locales'].filter((dir) => readdirSync(path.join(root, path.dirname(dir))).includes(path.basename(dir)));
const read = (dir: string, language: string) => JSON.parse(readFileSync(path.join(root, dir, `${language}.json`), 'utf8')) as Record<string, string>;

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value);
    if (e.type === TYPE.select || e.type === TYPE.plural) {
      into.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

describe.each(catalogueDirs)('the catalogues in %s', (dir) => {
  const english = read(dir, 'en');
  it.each(languages.filter((l) => l !== 'en'))('%s has every English message, with the same arguments, and no other', (language) => {
    const other = read(dir, language);
    expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    for (const [key, message] of Object.entries(english)) {
      expect([key, [...argumentsOf(parse(other[key]!))].sort()]).toEqual([key, [...argumentsOf(parse(message))].sort()]);
    }
  });
  it.each(languages.filter((l) => l !== 'en'))('%s is translated (no message left as its English text, beyond names and symbols)', (language) => {
    const other = read(dir, language);
    const same = Object.keys(english).filter((key) => other[key] === english[key] && /[a-z]{4,}/i.test(english[key]!.replace(/\{[^}]*\}/g, '')));
    expect(same.filter((key) => !/^(appName|meetingSetup\.tabName|admin\.tabs\.training|dashboard\.training\.module|agenda\.heading|admin\.column\.actions|(admin|concerns)\.column\.status|admin\.status|admin\.name|dashboard\.total|admin\.tabs\.dashboard|admin\.column\.person|dashboard\.filters|guides\.heading|session\.agenda$|nav\.guides|.*\.online|noPair\.programmesHeading|admin\.programmesHeading|admin\.tabs\.programmes|admin\.tabs\.participants|admin\.participantsHeading|dashboard\.charts\.participation|admin\.chooseProgramme|admin\.mentee|concerns\.column\.action|audit\.column\.action|dashboard\.mean\.|admin\.score|admin\.column\.actions)/.test(key))).toEqual([]);
  });
});

describe('the locale a person reads', () => {
  it('falls back from a regional tag to its language, then to English, keeping the region for formats', () => {
    expect(resolveLocale(['fr-CA'])).toEqual({ language: 'fr', locale: 'fr-CA' });
    expect(resolveLocale(['de-at'])).toEqual({ language: 'de', locale: 'de-AT' });
    expect(resolveLocale(['ja-JP', 'de-DE'])).toEqual({ language: 'de', locale: 'de-DE' });
    expect(resolveLocale(['ja-JP'])).toEqual({ language: 'en', locale: 'en-GB' });
    expect(resolveLocale(['en'])).toEqual({ language: 'en', locale: 'en-GB' });
    expect(resolveLocale(['en-US'])).toEqual({ language: 'en', locale: 'en-US' });
    expect(resolveLocale([undefined, '', 'not a tag!', 'fr_FR'])).toEqual({ language: 'fr', locale: 'fr-FR' });
    expect(resolveLocale(['qps-ploc'])).toEqual({ language: 'qps-ploc', locale: 'qps-ploc' });
    expect(resolveLocale(['qps-plocm'])).toEqual({ language: 'qps-ploc', locale: 'qps-plocm' });
  });
  it('reads Accept-Language by quality, ignoring * and q=0', () => {
    expect(acceptedLanguages('en;q=0.5, de-DE, fr;q=0.8, *;q=0.1, es;q=0')).toEqual(['de-DE', 'fr', 'en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
  it('writes Arabic and Hebrew right to left', () => {
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('fr-FR')).toBe('ltr');
    // The mirrored pseudo-locale (pseudo-localised words) is right to left, to test the layout without an RTL catalogue.
    expect(directionOf('qps-plocm')).toBe('rtl');
    expect(directionOf('qps-ploc')).toBe('ltr');
  });
});

describe('messages', () => {
  it('plural and select through ICU, numbers and lists through Intl in the locale', () => {
    const fr = createTranslator({ language: 'fr', locale: 'fr-FR', catalogue: { n: '{count, plural, one {# ligne} other {# lignes}} pour {role, select, mentor {le mentor} other {le mentoré}}' } });
    expect(fr.t('n', { count: 1, role: 'mentor' })).toBe('1 ligne pour le mentor');
    expect(fr.t('n', { count: 1200, role: 'mentee' })).toBe('1\u202f200 lignes pour le mentoré');
    expect(fr.list(['a', 'b', 'c'])).toBe('a, b et c');
    expect(fr.date(Date.UTC(2026, 2, 5, 14, 30), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })).toBe('5 mars 2026 à 15:30');
  });
  it('the pseudo-locale accents every letter, lengthens by about 40 % and keeps arguments and plurals working', () => {
    const message = 'Propose a take-away ({left, plural, one {# left} other {# left}}) for {name}';
    expect(pseudoMessage(message).replace(/\{\w+/g, '')).not.toMatch(/\b(Propose|take|away|left|for)\b/);
    const ps = createTranslator({ language: 'qps-ploc', locale: 'qps-ploc', catalogue: { m: message } });
    const text = ps.t('m', { left: 2, name: 'Jun' });
    expect(text).toMatch(/^\[Þŕöþöšé à ţàķé-àŵàý \(2 ļéƒţ\) ƒöŕ Jun[~\u200b]+\]$/);
    expect(text.length).toBeGreaterThanOrEqual(Math.round('Propose a take-away (2 left) for Jun'.length * 1.3));
    expect(ps.date(Date.UTC(2026, 11, 3), { month: 'long', timeZone: 'UTC' })).toBe(accented('December'));
  });
});
