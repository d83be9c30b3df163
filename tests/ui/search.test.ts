import { describe, expect, it } from 'vitest';
import { builtinEntries } from '../../src/phrasebook/builtin';
import { shownEntries } from '../../src/phrasebook/shown';
import { browsableEntries } from '../../src/ui/phrasebook';
import {
  type BrowsableEntry,
  PhrasebookSearch,
  type SearchFilters,
  bluntOf,
  displayRewrite,
  readablePattern,
  searchFold,
} from '../../src/ui/search';

const all: SearchFilters = { category: 'all', lang: 'all' };

describe('readable patterns', () => {
  it.each([
    ['(this|that|it|the) [<thing>#Noun]? (does|did|will|is|was|do) not (work|working|worked)', 'this/that/it/the … does/did/will/is/was/do not work/working/worked'],
    ['why {do} you !not #Verb .* $', 'why do you …'],
    ['^ please (send|share) it asap', 'please send/share it asap'],
  ])('compromise: %s', (pattern, readable) => {
    expect(readablePattern(pattern, 'compromise')).toBe(readable);
  });

  it('phrase patterns: groups and gaps', () => {
    expect(readablePattern('(それは|これは|)(できません|無理)(。|!|)', 'phrase')).toBe('(それは/これは)できません/無理(。/!)');
    expect(readablePattern('前にも~言いました', 'phrase')).toBe('前にも … 言いました');
    expect(readablePattern('^了解(です|)$', 'phrase')).toBe('了解(です)');
  });
});

describe('search folding', () => {
  it('folds width, case, apostrophes and contractions', () => {
    expect(searchFold('Doesn’t WORK')).toBe('does not work');
    expect(searchFold("can't / won't")).toBe('can not will not');
    expect(searchFold('ＡＢＣ　できません。')).toBe('abc できません');
  });
});

describe('phrasebook search', () => {
  const search = new PhrasebookSearch(browsableEntries(shownEntries(), []));
  const ids = (q: string, filters = all) => search.search(q, filters).map((e) => e.id);

  it('finds English by its blunt form, contracted or not, first', () => {
    expect(ids("doesn't work").slice(0, 3)).toContain('en-this-doesnt-work');
    expect(ids('does not work').slice(0, 3)).toContain('en-this-doesnt-work');
  });

  it('finds Japanese by its blunt form, in full or half width', () => {
    expect(ids('できません')[0]).toBe('ja-dekimasen');
    expect(ids('ﾃﾞｷﾏｾﾝ')).toContain('ja-dekimasen');
  });

  it('finds an entry by words of a rewrite or of its equivalent', () => {
    // Whatever the entry's wording is today: two words of its rewrite, and part of its equivalent.
    const entry = builtinEntries().find((e) => e.id === 'en-this-doesnt-work')!;
    const words = displayRewrite(entry.rewrites[0]!).split(/[^A-Za-z']+/).filter((w) => w.length > 3);
    expect(ids(words.slice(0, 2).join(' '))).toContain('en-this-doesnt-work');
    expect(ids(entry.equivalent.slice(0, 6))).toContain('en-this-doesnt-work');
  });

  it('needs every word of the query', () => {
    expect(ids('approach zzqx')).toEqual([]);
  });

  it('filters by category and language', () => {
    expect(ids('', { category: 'refusal', lang: 'all' }).every((id) => builtinEntries().find((e) => e.id === id)?.category === 'refusal')).toBe(true);
    expect(ids('', { category: 'all', lang: 'ja' }).every((id) => id.startsWith('ja-'))).toBe(true);
    expect(ids('', all)).toHaveLength(builtinEntries().length);
  });

  it('lists the user’s own rewrites too, by their phrase', () => {
    const custom: BrowsableEntry = {
      id: 'en-custom-x',
      lang: 'en',
      category: 'custom',
      patterns: ['kuuki memo (email|message)'],
      rewrites: ['As I mentioned'],
      equivalent: '',
      why: '',
      custom: true,
    };
    const withCustom = new PhrasebookSearch([...browsableEntries(shownEntries(), []), custom]);
    expect(withCustom.search('kuuki memo message', all)[0]?.id).toBe('en-custom-x');
    expect(bluntOf(custom)).toBe('kuuki memo email/message');
  });
});

describe('display', () => {
  it('shows words a rewrite reuses from the text as …', () => {
    expect(displayRewrite('I think {subj} might need another look.')).toBe('I think … might need another look.');
  });
});
