import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisjointRanges, RangeIndex } from '../../src/engine/intervals';

const range = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 12 })).map(([start, n]) => ({ start, end: start + n }));
const naive = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

describe('range sets', () => {
  it('RangeIndex answers like checking every range', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), range, (ranges, r) => {
        expect(new RangeIndex(ranges).overlaps(r)).toBe(ranges.some((x) => naive(x, r)));
      }),
      { numRuns: 500 },
    );
  });

  it('DisjointRanges keeps the first of overlapping ranges, in order, like checking every range', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), (ranges) => {
        const set = new DisjointRanges();
        const kept: typeof ranges = [];
        for (const r of ranges) {
          expect(set.overlaps(r)).toBe(kept.some((k) => naive(k, r)));
          if (!set.overlaps(r)) {
            set.add(r);
            kept.push(r);
          }
        }
        expect(set.items).toEqual([...kept].sort((a, b) => a.start - b.start));
      }),
      { numRuns: 500 },
    );
  });
});
