import { describe, expect, it } from 'vitest';
import { predicateEnd, startsOnWord } from '../../../src/engine/japanese/boundary';

describe('Japanese word edges', () => {
  it.each([
    ['部長はもう出発なさいましたか？', 'なさい', null],
    ['書類をお送りくださいませ。', 'ください', null],
    ['この数字、違いますか？', '違います', null],
    ['早く送ってくださいね。', 'ください', '早く送ってくださいね'],
    ['この案はやめるべきですが、予算次第です。', 'べき', 'この案はやめるべきです'],
    ['遅いですよね', '遅い', '遅いですよね'],
    ['至急でお願いします', '至急', '至急'],
  ])('ends a phrase on its predicate in %s', (sentence, phrase, upTo) => {
    const end = predicateEnd(sentence, sentence.indexOf(phrase) + phrase.length);
    expect(end === null ? null : sentence.slice(0, end)).toBe(upTo);
  });

  it.each([
    ['書類は受付にお出しになってください', 'てください', false],
    ['送らないでください', 'ないでください', false],
    ['資料をください', 'ください', true],
    ['送ってください', 'ください', true],
    ['ないでしょう', 'ないでしょう', true],
    ['最大の課題は人員不足だ。', 'だ', true],
    ['場所はBルームだった。', 'だった', true],
    ['資料はもう読んだ。', 'だ', false],
  ])('starts a phrase on a word in %s', (sentence, phrase, ok) => {
    expect(startsOnWord(sentence, sentence.indexOf(phrase))).toBe(ok);
  });
});
