import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remap } from '../../src/engine/remap';

const at = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, text: phrase };
};

describe('remap', () => {
  const old = 'Hi. This is wrong. Bye now. Send it ASAP.';
  const items = [at(old, 'This is wrong.'), at(old, 'ASAP')];

  it('keeps findings before the edit and shifts those after it', () => {
    const now = old.replace('Bye now', 'Bye for now');
    expect(remap(old, now, items)).toEqual([at(now, 'This is wrong.'), at(now, 'ASAP')]);
  });

  it('drops findings the edit touched', () => {
    const now = old.replace('wrong', 'right');
    expect(remap(old, now, items)).toEqual([at(now, 'ASAP')]);
  });

  it('always yields items whose text is where they say', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), fc.string(), (base, a, b, insert) => {
        const text = `x${base}This is wrong.${base}ASAP`;
        const from = a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        const now = text.slice(0, from) + insert + text.slice(to);
        for (const r of remap(text, now, [at(text, 'This is wrong.'), at(text, 'ASAP')]))
          expect(now.slice(r.start, r.end)).toBe(r.text);
      }),
    );
  });
});
