/**
 * Folding for matching: NFKC (full/half width), lower case, typographic apostrophes, katakana as
 * hiragana.
 * Keeps a map back to the original so offsets found in the folded text stay UTF-16-correct.
 */
export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`: where its source cluster starts in the original. */
  starts: Uint32Array;
  /** …and where it ends. */
  ends: Uint32Array;
}

// A starter with its combining marks (and half-width kana voicing marks, which NFKC composes).
const CLUSTER = /\P{M}[\p{M}\uFF9E\uFF9F]*|[\p{M}\uFF9E\uFF9F]+/gsu;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
// Invisible format characters (zero-width space and joiners, soft hyphen, BOM, word joiner, bidi
// marks) say nothing about a phrase: matching skips them, offsets still point into the original.
const INVISIBLE = /^[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]+$/;
const ASCII = /^[\x00-\x7F]*$/;

// Katakana written where hiragana is usual (ﾜｶﾘﾏｾﾝ, ワカリマセン) reads the same; fold it.
const KATAKANA = /[\u30A1-\u30F6]/g;
const toHiragana = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0x60);

export function foldChars(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'").replace(KATAKANA, toHiragana);
}

export function fold(original: string): FoldedText {
  if (ASCII.test(original)) {
    const starts = new Uint32Array(original.length);
    const ends = new Uint32Array(original.length);
    for (let i = 0; i < original.length; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return { text: original.toLowerCase(), starts, ends };
  }
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of original.matchAll(CLUSTER)) {
    const from = m.index;
    const to = from + m[0].length;
    if (INVISIBLE.test(m[0])) continue;
    const folded = foldChars(m[0]);
    text += folded;
    for (let i = 0; i < folded.length; i++) {
      starts.push(from);
      ends.push(to);
    }
  }
  return { text, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** Maps a [start, end) range of folded text back to the original. */
export function toOriginal(f: FoldedText, start: number, end: number): [number, number] {
  return [f.starts[start] ?? 0, f.ends[end - 1] ?? 0];
}

/** How "never flag this" phrases and duplicates are compared: folded, final punctuation ignored. */
export function phraseKey(phrase: string): string {
  return foldChars(phrase)
    .replace(/[\s.!?。！？]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
