/** A sentence of the analysed text: [start, end) in UTF-16 units, whitespace trimmed. */
export interface Span {
  start: number;
  end: number;
}

// A sentence ends after . ! ? (when followed by space) or 。！？ (always), with any closing
// quotes or brackets that follow; lines always end sentences.
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s)|[。！？!?]+[」』）)"'”’]*/gu;
const QUOTED_LINE = /^[ \t]*>/;

function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
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
      for (const m of line.matchAll(SENTENCE_END)) {
        const to = m.index + m[0].length;
        pushTrimmed(out, text, lineStart + from, lineStart + to);
        from = to;
      }
      pushTrimmed(out, text, lineStart + from, lineEnd);
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
