/**
 * Packing a list into `storage.sync` items under its quotas. Pure: no `browser.*`.
 *
 * Each record is one JSON line; lines are joined with "\n" and the text is cut into string
 * chunks, each small enough for one sync item (its key plus its JSON value, in UTF-8 bytes,
 * under QUOTA_BYTES_PER_ITEM). A record bigger than one item simply continues in the next chunk,
 * and a line that cannot be read later fails alone, not the whole list.
 */

/** chrome.storage.sync and Firefox's storage.sync share these limits. */
export const SYNC_QUOTA = { total: 102_400, perItem: 8_192, maxItems: 512 } as const;

const encoder = new TextEncoder();

/** Bytes one stored item costs against the sync quota: its key plus its JSON value (UTF-8). */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length;
}

/** Bytes a whole area's items cost. */
export function areaBytes(items: Record<string, unknown>): number {
  return Object.entries(items).reduce((n, [key, value]) => n + itemBytes(key, value), 0);
}

/** FNV-1a over UTF-16 units: enough to notice chunks that do not belong together. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export interface PackOptions {
  /** Key of chunk i. */
  keyOf(index: number): string;
  /** Most bytes one chunk item may cost (key + JSON value). */
  perItem: number;
  /** Most bytes all chunks together may cost. */
  budget: number;
  /** Most chunks. */
  maxChunks: number;
}

export interface Packed {
  chunks: string[];
  /** Indices of the lines stored in the chunks. */
  kept: number[];
  /** Indices of the lines that did not fit (in order). */
  left: number[];
}

/** The longest prefix of `text` (in whole code points) whose chunk item fits in `limit` bytes. */
function fittingPrefix(text: string, key: string, limit: number): string {
  let lo = 0;
  let hi = text.length;
  // Binary search on length; JSON escaping makes bytes grow monotonically with length.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (itemBytes(key, text.slice(0, mid)) <= limit) lo = mid;
    else hi = mid - 1;
  }
  // Never split a surrogate pair.
  const last = text.charCodeAt(lo - 1);
  if (lo > 0 && last >= 0xd800 && last <= 0xdbff) lo--;
  return text.slice(0, lo);
}

/** Cuts text into chunks that each fit one item; the first gets key `keyOf(first)`. */
export function splitText(text: string, options: Pick<PackOptions, 'keyOf' | 'perItem'>, first = 0): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length) {
    const piece = fittingPrefix(rest, options.keyOf(first + chunks.length), options.perItem);
    if (!piece.length) throw new Error('a chunk item cannot hold even one character');
    chunks.push(piece);
    rest = rest.slice(piece.length);
  }
  return chunks;
}

/**
 * Packs lines in order, first fit: a line that would break the budget is left out (for the
 * caller to keep elsewhere) and later, smaller lines may still fit. Only the last chunk is
 * re-cut for each line, so packing stays linear in the stored size.
 */
export function packLines(lines: readonly string[], options: PackOptions): Packed {
  const kept: number[] = [];
  const left: number[] = [];
  let chunks: string[] = [];
  let cost = 0;
  lines.forEach((line, i) => {
    const lastIndex = Math.max(chunks.length - 1, 0);
    const last = chunks[lastIndex];
    const tail = last === undefined ? line : `${last}\n${line}`;
    const tailChunks = splitText(tail, options, lastIndex);
    const count = lastIndex + tailChunks.length;
    const nextCost =
      cost -
      (last === undefined ? 0 : itemBytes(options.keyOf(lastIndex), last)) +
      tailChunks.reduce((n, c, j) => n + itemBytes(options.keyOf(lastIndex + j), c), 0);
    if (count <= options.maxChunks && nextCost <= options.budget) {
      chunks = [...chunks.slice(0, lastIndex), ...tailChunks];
      cost = nextCost;
      kept.push(i);
    } else {
      left.push(i);
    }
  });
  return { chunks, kept, left };
}

/** Splits stored text back into its lines (an empty text has none). */
export function joinChunks(chunks: readonly string[]): { text: string; lines: string[] } {
  const text = chunks.join('');
  return { text, lines: text ? text.split('\n') : [] };
}
