import { describe, expect, it } from 'vitest';
import { builtinEntries } from '../../src/phrasebook/builtin';
import { CATEGORIES } from '../../src/phrasebook/schema';

// The built-in phrasebook's bar is higher than the schema's (which users' own rewrites share).
const entries = builtinEntries();
const MIN_ENTRIES = { en: 120, ja: 80 } as const;
const MIN_PER_FAMILY = 3;
// Families about one language's own grammar: 敬語 slips (了解しました, 二重敬語, ら抜き) have no
// English form to flag.
const ONE_LANGUAGE: Partial<Record<(typeof CATEGORIES)[number], 'en' | 'ja'>> = { etiquette: 'ja' };

describe('built-in phrasebook coverage', () => {
  it.each(Object.entries(MIN_ENTRIES))('has at least %s entries in %s', (lang, min) => {
    expect(entries.filter((e) => e.lang === lang).length).toBeGreaterThanOrEqual(min);
  });

  it('gives every entry 2 rewrites, 3 examples and 2 near-misses at least', () => {
    const short = entries.filter((e) => e.rewrites.length < 2 || e.examples.length < 3 || e.nearMisses.length < 2);
    expect(short.map((e) => e.id)).toEqual([]);
  });

  it(`covers every family with ${MIN_PER_FAMILY} entries or more in both languages`, () => {
    const thin = CATEGORIES.filter((c) => c !== 'custom').flatMap((category) =>
      (['en', 'ja'] as const)
        .filter((lang) => !ONE_LANGUAGE[category] || ONE_LANGUAGE[category] === lang)
        .filter((lang) => entries.filter((e) => e.lang === lang && e.category === category).length < MIN_PER_FAMILY)
        .map((lang) => `${category} (${lang})`),
    );
    expect(thin).toEqual([]);
  });
});
