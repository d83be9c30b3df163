import { bracketPairs } from './japanese/quoted';

/** A sentence of the analysed text: [start, end) in UTF-16 units, whitespace trimmed. */
export interface Span {
  start: number;
  end: number;
}

// A sentence ends after . ! ? (when followed by space or Japanese: "I can't.それは…") or 。！？
// (always), with any closing quotes or brackets that follow; lines always end sentences.
const SENTENCE_END =
  /[.!?]+["'”’)\]]*(?=\s|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])|[。！？!?]+[」』）)"'”’]*/gu;
const QUOTED_LINE = /^[ \t]*>/;
// The sentence goes on after a quotation: 「…」と, 「…」を.
const CONTINUES = /^[\p{Script=Han}\p{Script=Hiragana}]/u;
// A full stop after these ends no sentence: "Ms. Park", "e.g. the API", "approx. 20".
const ABBREVIATION =
  /(?:^|[\s("'“‘])(?:mr|mrs|ms|mx|dr|prof|sr|jr|st|mt|vs|etc|e\.g|i\.e|cf|approx|inc|ltd|co|corp|dept|fig|ref|vol|ave|rd|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i;

/**
 * A "sentence" longer than this is cut at its last clause break (a comma, semicolon, 、) before
 * the limit, else at a space, else at the limit: tagging a run-on text as one sentence costs more
 * than linear time, and no blunt phrase is this long.
 */
export const MAX_SENTENCE = 400;
const CLAUSE_BREAK = /[,;:、，；：](?=\s|[^\s,;:])/gu;

function cutAt(text: string, start: number, end: number): number {
  const limit = start + MAX_SENTENCE;
  const window = text.slice(start, limit);
  let cut = -1;
  for (const m of window.matchAll(CLAUSE_BREAK)) if (m.index >= MAX_SENTENCE / 4) cut = m.index + 1;
  if (cut < 0) {
    const space = window.lastIndexOf(' ');
    cut = space >= MAX_SENTENCE / 4 ? space + 1 : MAX_SENTENCE;
  }
  // Never between the two halves of a surrogate pair.
  const at = Math.min(end, start + cut);
  return (text.charCodeAt(at) & 0xfc00) === 0xdc00 ? at + 1 : at;
}

function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (end - start > MAX_SENTENCE) {
    const cut = cutAt(text, start, end);
    pushTrimmed(out, text, start, cut);
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push({ start, end });
}

/** Splits text into sentences; lines quoted from a reply ("> …") are skipped. */
export function segment(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (!QUOTED_LINE.test(line)) {
      let from = 0;
      // A 。 inside a quotation that closes on this line (「はい。」と言った) ends no sentence.
      const quotes = bracketPairs(line).filter(([, , o]) => o === '「' || o === '『');
      for (const m of line.matchAll(SENTENCE_END)) {
        const to = m.index + m[0].length;
        if (quotes.some(([open, close]) => open < m.index && to <= close + 1 && CONTINUES.test(line.slice(close + 1)))) continue;
        if (m[0] === '.' && ABBREVIATION.test(line.slice(Math.max(0, to - 8), to))) continue;
        pushTrimmed(out, text, lineStart + from, lineStart + to);
        from = to;
      }
      pushTrimmed(out, text, lineStart + from, lineEnd);
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
