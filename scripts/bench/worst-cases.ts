/**
 * Input shapes that once made the engine superlinear (issue: "No input can stall Kuuki"), each
 * built at any size: the scale test asserts their growth, `npm run bench` prints it.
 */
export interface WorstCase {
  name: string;
  /** The size the bench calls 1×. */
  base: number;
  make(n: number): string;
}

const repeat = (n: number, piece: (i: number) => string) => Array.from({ length: n }, (_, i) => piece(i)).join('');

export const WORST_CASES: readonly WorstCase[] = [
  {
    name: 'one run-on sentence (no . ! ? or line break)',
    base: 100,
    // Numbered so no two pieces are alike (the sentence cache would hide the work).
    make: (n) => repeat(n, (i) => `we should move launch ${i} because the API is down and `),
  },
  { name: 'a run of symbols after Japanese', base: 1000, make: (n) => `お疲れ様です${'━'.repeat(n)}` },
  { name: 'a run of brackets before Japanese', base: 1000, make: (n) => `${'「'.repeat(n)}それはできません。` },
  { name: 'many phrases in one sentence', base: 250, make: (n) => repeat(n, (i) => `それは${i}無理です、`) },
];
