/**
 * Brackets in Japanese text: which parts of a sentence are not the writer's own words, and
 * which 。 sit inside a quotation rather than end a sentence. Pure; offsets in UTF-16 units.
 */

const PAIRS: Record<string, string> = { '「': '」', '『': '』', '【': '】', '（': '）', '(': ')' };
const OPENERS = /[「『【（(]/u;
// A quotation followed by one of these reports what someone said: 「無理です」と伝えました.
const REPORTING = /^(?:とのこと|という|っていう|との|とか|って|と)/u;

/** Bracket pairs of a text, [open, close] (close is the index of the closing bracket). Unclosed brackets are ignored. */
export function bracketPairs(text: string): [number, number, string][] {
  const pairs: [number, number, string][] = [];
  if (!OPENERS.test(text)) return pairs;
  const open: [number, string][] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (PAIRS[c]) open.push([i, c]);
    else {
      // Close the innermost bracket of this kind (a stray closer closes nothing).
      const k = open.findLastIndex(([, o]) => PAIRS[o] === c);
      if (k >= 0) {
        pairs.push([open[k]![0], i, open[k]![1]]);
        open.length = k;
      }
    }
  }
  return pairs;
}

/**
 * The ranges [start, end) of a sentence that are someone else's words or a label: a 「…」 or
 * 『…』 quotation reported with と / って / との, and a 【…】 header. A blunt phrase there is
 * not the writer's own and is not rewritten as if it were.
 */
export function notOwnWords(text: string): [number, number][] {
  return bracketPairs(text)
    .filter(([, close, o]) => o === '【' || ((o === '「' || o === '『') && REPORTING.test(text.slice(close + 1))))
    .map(([open, close]): [number, number] => [open, close + 1]);
}
