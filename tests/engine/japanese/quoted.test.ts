import { describe, expect, it } from 'vitest';
import { bracketPairs, notOwnWords } from '../../../src/engine/japanese/quoted';

const pieces = (text: string) => notOwnWords(text).map(([s, e]) => text.slice(s, e));

describe('notOwnWords', () => {
  it('finds quotations reported with と, って or との', () => {
    expect(pieces('先方に「無理です」と伝えました。')).toEqual(['「無理です」']);
    expect(pieces('課長は『それはできない』って言ってた。')).toEqual(['『それはできない』']);
    expect(pieces('「至急対応して」とのことです。')).toEqual(['「至急対応して」']);
  });

  it('finds 【】 headers, whatever follows them', () => {
    expect(pieces('【至急】見積書を送ってください。')).toEqual(['【至急】']);
  });

  it('leaves the writer\'s own bracketed words alone: quotations not reported, parentheses', () => {
    expect(pieces('「早くして」')).toEqual([]);
    expect(pieces('「新機能」を追加しました。')).toEqual([]);
    expect(pieces('明日（金曜）までに送って。')).toEqual([]);
  });

  it('pairs nested and unclosed brackets sensibly', () => {
    expect(bracketPairs('「彼は『無理』と言った」と聞いた').map(([o, c]) => [o, c])).toEqual([
      [3, 6],
      [0, 11],
    ]);
    expect(bracketPairs('「閉じない')).toEqual([]);
    expect(bracketPairs('閉じる」だけ')).toEqual([]);
  });
});
