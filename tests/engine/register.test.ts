import { describe, expect, it } from 'vitest';
import { builtinEngine } from '../../src/engine';
import { Engine } from '../../src/engine/engine';
import { PatternError } from '../../src/engine/types';
import { builtinEntries } from '../../src/phrasebook/builtin';
import { type MatchableEntry, REGISTERS } from '../../src/phrasebook/schema';

const ryoukai: MatchableEntry = {
  id: 'ja-ryoukai',
  lang: 'ja',
  category: 'etiquette',
  registers: ['manager', 'client'],
  patterns: ['了解です'],
  rewrites: ['承知しました。', 'かしこまりました。'],
  equivalent: 'Understood.',
  why: 'Peer talk upward.',
};
const request: MatchableEntry = {
  id: 'ja-kudasai',
  lang: 'ja',
  category: 'indirect-suggestion',
  patterns: ['{v|te}ください'],
  rewrites: ['{v|te}いただけますでしょうか。', '{v|te}いただけますと幸いです。'],
  byRegister: { teammate: { rewrites: ['{v|te}もらえますか。'] } },
  equivalent: 'Could you …?',
  why: 'A bare instruction.',
};

describe('the register', () => {
  const engine = new Engine([ryoukai, request]);
  const rewrites = (text: string, register?: (typeof REGISTERS)[number]) =>
    engine.analyze(text, register ? { register } : {}).map((f) => [f.entryId, f.rewrites]);

  it('writes to a manager unless told otherwise', () => {
    expect(rewrites('資料を送ってください。')).toEqual(rewrites('資料を送ってください。', 'manager'));
    expect(rewrites('了解です。')).toEqual([['ja-ryoukai', ['承知しました。', 'かしこまりました。']]]);
  });

  it('offers each reader the rewrites written for them, and the manager ones where none are', () => {
    expect(rewrites('資料を送ってください。', 'teammate')).toEqual([['ja-kudasai', ['送ってもらえますか。']]]);
    expect(rewrites('資料を送ってください。', 'client')).toEqual([
      ['ja-kudasai', ['送っていただけますでしょうか。', '送っていただけますと幸いです。']],
    ]);
  });

  it('flags what depends on the reader’s rank only for those readers', () => {
    expect(rewrites('了解です、じゃあ資料は私がまとめておきますね。', 'teammate')).toEqual([]);
    expect(rewrites('了解です、じゃあ資料は私がまとめておきますね。', 'client').map(([id]) => id)).toEqual(['ja-ryoukai']);
  });

  it('keeps one cached analysis per reader (switching back and forth re-offers the right rewrites)', () => {
    const text = '資料を送ってください。';
    const first = rewrites(text, 'teammate');
    const manager = rewrites(text, 'manager');
    expect(rewrites(text, 'teammate')).toEqual(first);
    expect(rewrites(text, 'manager')).toEqual(manager);
    expect(first).not.toEqual(manager);
  });

  it('applies the user’s own rewrites to every reader', () => {
    const own = new Engine([]);
    own.setCustomEntries([{ ...ryoukai, id: 'custom-1', category: 'custom', registers: undefined }]);
    for (const register of REGISTERS) expect(own.analyze('了解です。', { register }).map((f) => f.entryId), register).toEqual(['custom-1']);
  });

  it('refuses a reader’s rewrite that uses a slot the patterns do not bind, naming the field', () => {
    const bad = { ...request, byRegister: { teammate: { rewrites: ['{who}にもらえますか。'] } } };
    expect(() => new Engine([bad])).toThrow(PatternError);
    expect(() => new Engine([bad])).toThrow(/byRegister\.teammate\.rewrites\[0\]/);
  });

  it('finds the same in every register whether the phrasebook was precompiled or read from source', () => {
    const source = new Engine(builtinEntries());
    const precompiled = builtinEngine();
    const texts = builtinEntries().flatMap((e) => Object.values(e.byRegister ?? {}).flatMap((v) => v!.examples.map((x) => x.text)));
    expect(texts.length).toBeGreaterThan(50);
    for (const register of REGISTERS) {
      const differ = texts.filter((t) => JSON.stringify(precompiled.analyze(t, { register })) !== JSON.stringify(source.analyze(t, { register })));
      expect(differ, register).toEqual([]);
    }
  }, 120_000);
});
