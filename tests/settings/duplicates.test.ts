import { describe, expect, it } from 'vitest';
import type { MatchableEntry } from '../../src/phrasebook/schema';
import { PhraseIndex, phraseVariants } from '../../src/settings/duplicates';

const entry = (over: Partial<MatchableEntry>): MatchableEntry => ({
  id: 'ja-x',
  lang: 'ja',
  category: 'refusal',
  patterns: ['x'],
  rewrites: ['a', 'b'],
  equivalent: 'e',
  why: 'w',
  ...over,
});

describe('duplicates', () => {
  it('spells out the phrases a pattern stands for', () => {
    expect(phraseVariants('(それは|)無理(です|)')).toEqual(['それは無理です', 'それは無理', '無理です', '無理']);
    expect(phraseVariants('Per my LAST email.')).toEqual(['per my last email']);
    expect(phraseVariants('a ~ b')).toEqual(['a ~ b']);
    expect(phraseVariants('^了解です$')).toEqual(['了解です']);
    expect(phraseVariants('a [b')).toEqual([]);
  });

  it('finds built-in Japanese phrases, plain English ones, and custom ones', () => {
    const index = PhraseIndex.of(
      [
        entry({ id: 'ja-muri', patterns: ['(それは|)(無理|できません)(です|)'] }),
        entry({ id: 'en-asap', lang: 'en', patterns: ['(asap|a s a p)'] }),
        entry({ id: 'en-tagged', lang: 'en', patterns: ['this is #Adjective'] }),
      ],
      [{ id: 'c1', patterns: ['per my last (email|message)'] }],
    );
    expect(index.find('無理です')).toMatchObject({ source: 'builtin', id: 'ja-muri' });
    expect(index.find('ＡＳＡＰ')).toMatchObject({ source: 'builtin', id: 'en-asap' });
    expect(index.find('this is #Adjective')).toBeUndefined();
    expect(index.find('(per my last message|fyi)')).toMatchObject({ source: 'custom', id: 'c1', phrase: 'per my last message' });
    expect(index.find('per my last message', 'c1')).toBeUndefined();
    expect(index.find('something new')).toBeUndefined();
  });
});
