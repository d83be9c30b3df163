/**
 * Where a Japanese phrase may start and end: on the edges of whole words and predicates, never
 * inside a conjugation. なさい in 出発なさいましたか is not the imperative なさい (the predicate
 * goes on: ましたか), and てください after お出しになっ is not a span of its own (it starts inside
 * the verb). Matches that break these rules are dropped; a sentence-final particle after a
 * predicate (ね, よ, よね) belongs to it and joins the span.
 */

const HAN_OR_KANA = /[\p{Script=Han}\u3041-\u3096\u30A1-\u30FA\u30FC々]/u;
const HIRAGANA = /[\u3041-\u3096]/;
const PARTICLE = /[をはがにへとでもやのかよね]/;
// Kana that continue a stem or a conjugation rather than start a word.
const INFLECTION_START = /^[てでただっまなられろんずぬせさばうよ]/;
// A predicate's polite or sentence-final tail: it belongs to the predicate, and joins its span.
const TAIL = /^(?:ですよね|でしょう|でしょ|です|だよね|だよ|だね|だ|じゃん|よね|ね|よ|な|わ|ぞ|ぜ|さ|[ーっぇ〜~])*/u;
// Words that may follow a finished predicate inside the sentence (a new clause starts there).
const CLAUSE_LINK = /^(?:けれども|けれど|けど|が|から|ので(?!は)|のに|し(?![\p{L}]))/u;
// A phrase ending in one of these ends in a conjugation, which may go on past it.
const CONJUGATED = /[いすただるうろんてで]$/;

/** False when a phrase starting at `start` would begin inside a word (送っ|てください). */
export function startsOnWord(text: string, start: number): boolean {
  if (start === 0 || !INFLECTION_START.test(text.slice(start))) return true;
  const before = text[start - 1]!;
  if (!HAN_OR_KANA.test(before)) return true;
  // After a noun, で, って and まで are particles (メールで, 15時って, 金曜まで), and だ is the
  // copula (人員不足だ), not a verb's ending: a verb's だ follows kana (読んだ, 泳いだ).
  if (/^(?:で|って|まで|だ)/.test(text.slice(start)) && !HIRAGANA.test(before)) return true;
  return HIRAGANA.test(before) && PARTICLE.test(before);
}

/**
 * Where a phrase ending at `end` really ends: after the polite or sentence-final tail of its
 * predicate (です, よね), or null when the predicate goes on into something else
 * (なさい|ましたか, ください|ませ, ます|か, だ|った).
 */
export function predicateEnd(text: string, end: number): number | null {
  if (end === 0 || !HIRAGANA.test(text[end - 1]!)) return end;
  const rest = text.slice(end);
  const tail = TAIL.exec(rest)![0];
  const after = rest.slice(tail.length);
  if (!after || !HIRAGANA.test(after[0]!) || CLAUSE_LINK.test(after)) return end + tail.length;
  // Kana that is not a conjugation (a particle, the end of a noun) may run into the next word.
  return CONJUGATED.test(text.slice(0, end)) ? null : end;
}

/** The phrase is followed by a word that links it to the next clause (が, けど, ので…). */
export const linksClause = (text: string, end: number) => CLAUSE_LINK.test(text.slice(end));
