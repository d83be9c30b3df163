import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { keepOveruse } from '../../src/engine/overuse';

describe('keepOveruse', () => {
  const limit = (id: string) => (id === 'pile' ? 3 : undefined);
  const f = (entryId: string) => ({ entryId });

  it('keeps an overuse entry only when the message holds enough of it, and other entries always', () => {
    expect(keepOveruse([f('pile'), f('other'), f('pile')], limit)).toEqual([f('other')]);
    expect(keepOveruse([f('pile'), f('pile'), f('pile'), f('other')], limit)).toEqual([f('pile'), f('pile'), f('pile'), f('other')]);
    expect(keepOveruse([], limit)).toEqual([]);
  });
});

describe('overuse in the engine', () => {
  const engine = new Engine([
    {
      id: 'ja-test-pile',
      lang: 'ja',
      category: 'etiquette',
      perMessage: 3,
      patterns: ['{n=送付|説明|調整}させていただきま{t=す|した}'],
      rewrites: ['{n}いたしま{t}', '{n}しま{t}'],
      equivalent: 'test',
      why: 'test',
    },
  ]);

  it('counts across the sentences of one message', () => {
    const two = '資料を送付させていただきます。明日ご説明させていただきます。';
    expect(engine.analyze(two)).toEqual([]);
    const three = `${two}日程は調整させていただきます。`;
    expect(engine.analyze(three).map((x) => x.text)).toEqual([
      '送付させていただきます。',
      '説明させていただきます。',
      '調整させていただきます。',
    ]);
    // Sentences are cached one by one: the count is the message's, not the cache's.
    expect(engine.analyze(two)).toEqual([]);
  });
});
