import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { builtinEntries } from '../../src/phrasebook/builtin';

// The Japanese Kuuki itself writes (Japanese rewrites, and English entries' Japanese
// equivalents) must be correct business Japanese: the etiquette family flags nothing in it, and
// slips its patterns cannot see (they need the context) stay out.
const shipped = builtinEntries().flatMap((e) =>
  e.lang === 'ja'
    ? [...e.rewrites, ...Object.values(e.byRegister ?? {}).flatMap((v) => v!.rewrites)].map((text) => ({
        id: e.id,
        text: text.replace(/\{[^}]*\}/g, ''),
      }))
    : [{ id: e.id, text: e.equivalent }],
);

const KNOWN_SLIPS: [RegExp, string][] = [
  [/お急ぎ立て/, 'not a word: 急き立てる (or 急かす)'],
  [/ご共有済み|ご共有(します|いたします)/, 'ご on one\'s own sharing'],
  [/ご遠慮させ/, 'ご on one\'s own refraining'],
  [/存じ上げ(ない|ません|ておりません)/, '存じ上げる is said of people; of a matter, 存じません'],
  [/お手すきの際に.*いただけましたでしょうか/, 'tense: お手すきの際に looks ahead, いただけました back'],
  [/なるほど/, 'なるほど judges what a superior said'],
  [/当初のご依頼/, 'the writer\'s own request is not ご依頼'],
  [/お時間をいただくのが難しい/, 'says the opposite of what is meant'],
];

describe('the Japanese Kuuki ships', () => {
  it('gives the etiquette family nothing to flag', () => {
    const flagged = shipped.flatMap(({ id, text }) =>
      analyze(text, { langs: ['ja'] })
        .filter((f) => f.category === 'etiquette')
        .map((f) => `${id}: ${f.entryId} "${f.text}" in ${text}`),
    );
    expect(flagged).toEqual([]);
  });

  it('holds none of the known slips', () => {
    const found = shipped.flatMap(({ id, text }) =>
      KNOWN_SLIPS.filter(([re]) => re.test(text)).map(([, why]) => `${id}: ${text} (${why})`),
    );
    expect(found).toEqual([]);
  });
});
