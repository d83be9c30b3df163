import { linksClause } from './japanese/boundary';
import type { Lang } from '../phrasebook/schema';
import type { Slot } from './sentence';
import { type Rendered, renderTemplate } from './template';

/**
 * Fits a rewrite to the place it will be inserted: fills its slots with the writer's words,
 * keeps a sentence-initial capital (or lowers one mid-sentence) and keeps final punctuation only
 * where the replaced phrase ended its sentence.
 */
export interface Placement {
  lang: Lang;
  /** The whole sentence, and where the phrase sits in it. */
  sentence: string;
  start: number;
  end: number;
  /** The phrase starts its sentence. */
  atSentenceStart: boolean;
  /** The phrase runs to the end of its sentence (its final punctuation is replaced too). */
  atSentenceEnd: boolean;
  /** The replaced phrase's final punctuation, if it had any. */
  finalPunctuation: string;
  slots: Record<string, Slot>;
  /** The user's own rewrites: braces the pattern does not bind stay as typed. */
  custom?: boolean;
  /**
   * The rest of the sentence after the phrase, to carry into the rewrite: English only, so that a
   * rewrite asking a question ends its sentence with "?".
   */
  tail?: string;
}

export interface Fitted extends Rendered {
  /** The rewrite asks a question but its phrase does not end the sentence (its "?" was dropped). */
  asks: boolean;
}

const FINAL_PUNCTUATION = /[.!?。！？]+$/u;
// A rewrite opening with one of these is a clause of its own ("I'm worried …", "Could you …")…
const CLAUSE_OPENER = /^(?:i|i'm|i’m|i'd|i’d|i've|i’ve|i'll|i’ll|perhaps|maybe|could|would|can|it|it's|it’s|what|is|are|did|was|just|sorry|let's|let’s|please|there|we|you|if|as)\b/i;
// …which cannot follow a word that leaves a phrase open ("the estimate for | I'm worried …").
const OPEN_PHRASE = new Set(
  'of for to in on at with by from about into onto over under than the a an your my our their his her its these those'.split(' '),
);

/** A clause-opening rewrite would be spliced into the middle of a phrase at `start`. */
function splicesIntoPhrase(rewrite: string, sentence: string, start: number): boolean {
  if (!CLAUSE_OPENER.test(rewrite)) return false;
  const before = sentence.slice(0, start);
  if (/[,;:(—–-]\s*$/.test(before) || !/\p{L}/u.test(before)) return false;
  const previous = /([\p{L}']+)\s*$/u.exec(before)?.[1]?.toLowerCase();
  return !!previous && OPEN_PHRASE.has(previous);
}
// Words that keep their capital anywhere in an English sentence.
const ALWAYS_CAPITAL = /^(I|I'm|I'd|I'll|I've)\b/;
const HAS_LETTER = /[\p{L}\p{N}]/u;
const ASKS = /(か|か[?？])$/u;

/** The rewrite ready to insert, with the writer's words in it marked; null when it cannot be used here. */
export function fitRewrite(template: string, at: Placement): Fitted | null {
  const rendered = renderTemplate(template, {
    lang: at.lang,
    slots: at.slots,
    literalUnbound: at.custom,
    openedSentence: (slot) => !HAS_LETTER.test(at.sentence.slice(0, slot.start)),
  });
  if (!rendered) return null;
  let { text } = rendered;
  if (at.lang === 'en' && splicesIntoPhrase(text, at.sentence, at.start)) return null;
  const keptAtStart = rendered.kept.some(([from]) => from === 0);
  if (at.atSentenceStart) {
    text = text.charAt(0).toLocaleUpperCase('en') + text.slice(1);
  } else if (!keptAtStart && !ALWAYS_CAPITAL.test(text) && /^\p{Lu}\p{Ll}/u.test(text)) {
    text = text.charAt(0).toLocaleLowerCase('en') + text.slice(1);
  }
  const kept = [...rendered.kept];
  const asks = at.lang === 'en' && /\?$/.test(text) && !at.atSentenceEnd;
  if (at.tail !== undefined) {
    // Keep the writer's words after the phrase; a question ends with "?".
    text = text.replace(FINAL_PUNCTUATION, '');
    const body = asks ? at.tail.replace(/[.!]*(["'”’)\]]*)\s*$/u, '$1') : at.tail;
    kept.push([text.length, text.length + body.length]);
    text += body + (asks && !/\?["'”’)\]]*\s*$/u.test(body) ? '?' : '');
  } else if (!at.atSentenceEnd) {
    text = text.replace(FINAL_PUNCTUATION, '');
    // A question cannot lead into the next clause in Japanese (…でしょうかが).
    if (at.lang === 'ja' && ASKS.test(text) && linksClause(at.sentence, at.end)) return null;
  } else if (!FINAL_PUNCTUATION.test(text) && at.finalPunctuation) {
    text += at.finalPunctuation;
  }
  return {
    text,
    kept: kept
      .map(([from, to]): [number, number] => [Math.min(from, text.length), Math.min(to, text.length)])
      .filter(([from, to]) => from < to),
    asks,
  };
}
