import english from '../../tabs/locales/en.json';
import french from '../../tabs/locales/fr.json';
import german from '../../tabs/locales/de.json';
import { trainingModules } from './curriculum';
import { maxModuleWords, wordCount } from './readingLength';

const catalogues = { en: english, fr: french, de: german };

describe('the shipped training modules', () => {
  it.each(Object.entries(catalogues))('each read in a few minutes in %s: reading and exercise within the word limit', (_language, catalogue) => {
    const lengths = trainingModules.map((m) => {
      const words = wordCount(`${catalogue[`training.module.${m.id}.reading`]} ${catalogue[`training.module.${m.id}.exercise`]}`);
      expect(words).toBeGreaterThan(60); // a module, not a placeholder
      return [m.id, words] as const;
    });
    expect(lengths.filter(([, words]) => words > maxModuleWords)).toEqual([]);
  });
});

describe('wordCount', () => {
  it('counts words as a reader meets them, in any language, ignoring punctuation and formatting marks', () => {
    expect(wordCount('**Listen** first: ask, then — only then — answer.')).toBe(7);
    expect(wordCount('Qu’est-ce que l’on garde ? Über Grenzen hinweg, 3 Mal.')).toBe(9);
    expect(wordCount('  ')).toBe(0);
  });
});
