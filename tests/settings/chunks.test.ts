import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYNC_QUOTA, checksum, itemBytes, joinChunks, packLines, splitText } from '../../src/settings/chunks';

const keyOf = (i: number) => `customRewrites:${i}`;
const options = { keyOf, perItem: 8000, budget: 90_000, maxChunks: 64 };

describe('chunks', () => {
  it('counts bytes as sync does: key plus JSON value, in UTF-8', () => {
    expect(itemBytes('k', 'ab')).toBe(1 + 4);
    expect(itemBytes('k', 'あ')).toBe(1 + 2 + 3);
    expect(itemBytes('k', 'a"b')).toBe(1 + 6);
  });

  it('splits text so that every chunk fits one item, and joins it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.integer({ min: 40, max: 400 }), (text, perItem) => {
        const chunks = splitText(text, { keyOf, perItem });
        chunks.forEach((c, i) => expect(itemBytes(keyOf(i), c)).toBeLessThanOrEqual(perItem));
        expect(chunks.join('')).toBe(text);
      }),
    );
  });

  it('never splits a surrogate pair', () => {
    const chunks = splitText('😀'.repeat(50), { keyOf, perItem: 40 });
    for (const c of chunks) expect(c).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('packs lines in order and leaves out those past the budget, first fit', () => {
    const lines = ['a'.repeat(500), 'b'.repeat(3000), 'c'.repeat(100)];
    const packed = packLines(lines, { keyOf, perItem: 1000, budget: 1500, maxChunks: 10 });
    expect(packed.kept).toEqual([0, 2]);
    expect(packed.left).toEqual([1]);
    expect(joinChunks(packed.chunks).lines).toEqual([lines[0], lines[2]]);
  });

  it('keeps within the budget and the chunk count, whatever the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 600 }).map((s) => s.replace(/\n/g, ' ')), { maxLength: 60 }), (lines) => {
        const packed = packLines(lines, { keyOf, perItem: 500, budget: 5000, maxChunks: 8 });
        const cost = packed.chunks.reduce((n, c, i) => n + itemBytes(keyOf(i), c), 0);
        expect(cost).toBeLessThanOrEqual(5000);
        expect(packed.chunks.length).toBeLessThanOrEqual(8);
        expect([...packed.kept, ...packed.left].sort((a, b) => a - b)).toEqual(lines.map((_, i) => i));
        expect(joinChunks(packed.chunks).lines).toEqual(packed.kept.map((i) => lines[i]));
      }),
    );
  });

  it('packs 300 rewrites quickly', () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `r${i}`, text: 'やわらかい'.repeat(40) }));
    const started = performance.now();
    packLines(lines, { ...options, perItem: SYNC_QUOTA.perItem });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('has a checksum that notices a changed or missing chunk', () => {
    expect(checksum('abc')).toBe(checksum('abc'));
    expect(checksum('abc')).not.toBe(checksum('abd'));
    expect(checksum('')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('reads an empty store as no lines', () => {
    expect(joinChunks([]).lines).toEqual([]);
  });
});
