import { describe, expect, it } from 'vitest';
import { builtinEntries } from '../../src/phrasebook/builtin';
import { entrySchema, examplesByRegister, examplesRegister, rewritesFor } from '../../src/phrasebook/schema';

const base = {
  id: 'ja-test-entry',
  lang: 'ja',
  category: 'etiquette',
  patterns: ['了解です'],
  rewrites: ['承知しました。', 'かしこまりました。'],
  equivalent: 'Understood.',
  why: 'A test entry.',
  examples: [
    { text: '了解です。', after: '承知しました。' },
    { text: 'はい、了解です。', after: 'はい、承知しました。' },
  ],
  nearMisses: ['承知しました。'],
};
const teammate = { rewrites: ['わかりました。'], examples: [{ text: '了解です。', after: 'わかりました。' }] };

describe('registers in the phrasebook schema', () => {
  it('keeps an entry without register fields valid, for every reader', () => {
    const entry = entrySchema.parse(base);
    expect(rewritesFor(entry, 'teammate')).toEqual(base.rewrites);
    expect(examplesRegister(entry)).toBe('manager');
  });

  it('reads the readers an entry is for, and rewrites per reader', () => {
    const entry = entrySchema.parse({ ...base, registers: ['teammate', 'manager'], byRegister: { teammate } });
    expect(rewritesFor(entry, 'teammate')).toEqual(['わかりました。']);
    expect(rewritesFor(entry, 'manager')).toEqual(base.rewrites);
    expect(examplesByRegister(entry).map((x) => [x.register, x.example.after])).toEqual([
      ['manager', '承知しました。'],
      ['manager', 'はい、承知しました。'],
      ['teammate', 'わかりました。'],
    ]);
  });

  it('gives an entry not for managers its own examples in its first reader without rewrites of their own', () => {
    const entry = entrySchema.parse({ ...base, registers: ['teammate', 'client'], byRegister: { teammate } });
    expect(examplesRegister(entry)).toBe('client');
  });

  it.each([
    [{ registers: [] }, 'registers'],
    [{ registers: ['boss'] }, 'registers'],
    [{ registers: ['client', 'client'] }, 'registers'],
    [{ registers: ['manager'], byRegister: { teammate } }, 'byRegister'],
    [{ byRegister: { teammate: { rewrites: [], examples: teammate.examples } } }, 'byRegister'],
    [{ byRegister: { teammate: { rewrites: teammate.rewrites, examples: [] } } }, 'byRegister'],
    [{ byRegister: { peer: teammate } }, 'byRegister'],
    [{ byRegister: { teammate: { ...teammate, note: 'x' } } }, 'byRegister'],
  ])('refuses %j, naming the field', (extra, field) => {
    const result = entrySchema.safeParse({ ...base, ...extra });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toContain(field);
  });
});

// Japanese to a teammate is です・ます with a light cushion: no ございます, and no
// いただけますでしょうか (the stack that reads as 慇懃無礼 in a chat).
const STIFF = /ございま|いただけますでしょうか/;

describe('the shipped rewrites for each reader', () => {
  const entries = builtinEntries();

  it('write to a teammate without ございます or いただけますでしょうか', () => {
    const stiff = entries.flatMap((e) => (e.byRegister?.teammate?.rewrites ?? []).filter((r) => STIFF.test(r)).map((r) => `${e.id}: ${r}`));
    expect(stiff).toEqual([]);
  });

  it('differ from the manager rewrites wherever they are given', () => {
    const same = entries.flatMap((e) =>
      Object.entries(e.byRegister ?? {})
        .filter(([, v]) => JSON.stringify(v!.rewrites) === JSON.stringify(e.rewrites))
        .map(([r]) => `${e.id} (${r})`),
    );
    expect(same).toEqual([]);
  });

  it('leave 了解しました, 参考になりました, なるほどです and お世話様です to teammates alone', () => {
    const forTeammates = (id: string) => {
      const e = entries.find((x) => x.id === id)!;
      return !e.registers || e.registers.includes('teammate');
    };
    expect(['ja-ryoukai-shimashita', 'ja-sankou-ni-narimashita', 'ja-naruhodo-desu-ne', 'ja-osewasama-desu'].filter(forTeammates)).toEqual([]);
  });
});
