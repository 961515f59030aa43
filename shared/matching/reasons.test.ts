import { createTranslator } from '../i18n/translator';
import type { Language } from '../i18n/locales';
import english from '../../tabs/locales/en.json';
import french from '../../tabs/locales/fr.json';
import german from '../../tabs/locales/de.json';
import { wordPairReason, wordUnmatchedReason, type PairReason } from './reasons';

const admin = (language: Language, locale: string, catalogue: typeof english) => createTranslator({ language, locale, catalogue });

describe('the engine’s reasons, worded for the reader', () => {
  it('words a pair’s reasons in English, French and German, joining lists as each language does', () => {
    const goals: PairReason = { code: 'goalMatch', values: { goals: ['AI', 'data', 'Gen Z views'] } };
    expect(wordPairReason(goals, admin('en', 'en-GB', english))).toBe('The mentor offers what the mentee wants to learn: AI, data and Gen Z views.');
    expect(wordPairReason(goals, admin('fr', 'fr-FR', french))).toBe('Le mentor propose ce que le mentoré souhaite apprendre\u00a0: AI, data et Gen Z views.');
    expect(wordPairReason(goals, admin('de', 'de-DE', german))).toBe('Der Mentor bietet, was die Mentee lernen möchte: AI, data und Gen Z views.');
    expect(wordPairReason({ code: 'seniorityGap', values: { levels: 1 } }, admin('fr', 'fr-FR', french))).toContain('(1 niveau)');
    expect(wordPairReason({ code: 'sharedLanguage', values: { languages: ['en', 'fr'] } }, admin('en', 'en-GB', english))).toBe('They share a language (en and fr).');
  });

  it('words why a person is unmatched, naming rules (never a reporting line) with plurals in the reader’s language', () => {
    const fr = admin('fr', 'fr-FR', french);
    expect(wordUnmatchedReason({ code: 'noneEligible', values: { partner: 'mentor', topics: ['admin-block', 'already-paired'] } }, fr)).toBe(
      'Aucun mentor inversé inscrit ne remplit les règles d’appariement, notamment pour des appariements bloqués par un administrateur et des appariements antérieurs.',
    );
    expect(wordUnmatchedReason({ code: 'noneEligible', values: { partner: 'mentee', topics: [] } }, admin('en', 'en-GB', english))).toBe('No enrolled mentee is eligible under the pairing rules.');
    expect(wordUnmatchedReason({ code: 'capacityTaken', values: { eligible: 3 } }, admin('de', 'de-DE', german))).toMatch(/^Jeder der 3 nach den Regeln möglichen Reverse Mentoren hat bereits/);
    expect(wordUnmatchedReason({ code: 'betterElsewhere', values: { eligible: 1 } }, admin('en', 'en-GB', english))).toMatch(/^The one mentee the rules allow is paired/);
  });

  it('shows a sentence stored in English before reasons were codes as written, saying so in the reader’s language', () => {
    const old = { code: 'recorded', values: { text: 'Both are happy to meet online.' } } as const;
    expect(wordPairReason(old, admin('de', 'de-DE', german))).toBe('Both are happy to meet online. (von einer früheren Version von Upward auf Englisch gespeichert)');
    expect(wordUnmatchedReason(old, admin('fr', 'fr-FR', french))).toBe('Both are happy to meet online. (enregistré en anglais par une version antérieure d’Upward)');
  });
});
