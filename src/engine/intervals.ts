/** Half-open ranges [start, end), as findings and hits have them. */
export interface Range {
  start: number;
  end: number;
}

/** The first index in `sorted` (ascending by key) whose key is ≥ `value`. */
function lowerBound<T>(sorted: readonly T[], value: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranges that never overlap, kept in order: "does this overlap one of them?" in O(log n), so
 * choosing among thousands of candidates in one sentence stays near-linear.
 */
export class DisjointRanges<T extends Range> {
  private readonly sorted: T[] = [];

  overlaps(r: Range): boolean {
    const i = lowerBound(this.sorted, r.start + 1, (x) => x.end);
    const next = this.sorted[i];
    return !!next && next.start < r.end;
  }

  add(r: T): void {
    this.sorted.splice(lowerBound(this.sorted, r.start, (x) => x.start), 0, r);
  }

  get items(): readonly T[] {
    return this.sorted;
  }
}

/** Answers "does this overlap any of the ranges?" for a fixed set of ranges, which may overlap each other. */
export class RangeIndex {
  private readonly byStart: Range[];
  /** The largest end among byStart[0..i]. */
  private readonly maxEnd: number[];

  constructor(ranges: readonly Range[]) {
    this.byStart = [...ranges].sort((a, b) => a.start - b.start);
    let max = -Infinity;
    this.maxEnd = this.byStart.map((r) => (max = Math.max(max, r.end)));
  }

  overlaps(r: Range): boolean {
    // Ranges starting before r ends overlap it if one of them ends after r starts.
    const k = lowerBound(this.byStart, r.end, (x) => x.start) - 1;
    return k >= 0 && this.maxEnd[k]! > r.start;
  }
}
