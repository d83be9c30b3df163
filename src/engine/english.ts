import nlp from 'compromise/two';
import type { Hit, Matcher, Sentence } from './sentence';

/**
 * English patterns: compromise match syntax over a tagged sentence (contractions, tenses and
 * tags come from compromise). Tagging is the expensive part, so each pattern keeps the words it
 * cannot match without, and a sentence is tagged only when all of them are present.
 */
type ParsedMatch = ReturnType<typeof nlp.parseMatch>;

interface MatchToken {
  word?: string;
  optional?: boolean;
  operator?: string;
  fastOr?: Set<string>;
  choices?: MatchToken[][];
  group?: string;
  negative?: boolean;
  greedy?: boolean;
  max?: number;
  start?: boolean;
  end?: boolean;
}

interface TermJson {
  offset: { start: number; length: number };
}

const COMBINING = /\p{M}/u;

/** The words a sequence cannot match without. */
function wordsOf(sequence: MatchToken[]): string[] {
  return sequence.filter((t) => t.word && !t.optional && !t.negative).map((t) => t.word!);
}

/** The most terms a token can take: a plain token one, `x{2,3}` three, `x+` and `x*` no limit. */
function maxTerms(t: MatchToken): number {
  const one = t.choices?.length ? Math.max(...t.choices.map((c) => c.reduce((n, u) => n + maxTerms(u), 0))) : 1;
  if (t.max !== undefined) return one * t.max;
  return t.greedy ? Infinity : one;
}

/**
 * Sets of words a pattern cannot match without (one word of each set must be in the sentence),
 * each with the latest place it can take in a `^`-anchored pattern; and, for a pattern anchored
 * at both ends, the most terms a sentence it matches can have.
 */
function requirements(tokens: MatchToken[]): { required: Required[]; maxLength: number } {
  const required: Required[] = [];
  const anchored = !!tokens[0]?.start;
  let before = 0; // the most terms the tokens so far can take
  for (const t of tokens) {
    const size = maxTerms(t);
    const maxIndex = anchored ? before + size - 1 : Infinity;
    before += size;
    if (t.optional || t.negative) continue;
    if (t.word) required.push({ alternatives: [[t.word]], maxIndex });
    else if (t.operator === 'or' && t.fastOr?.size) required.push({ alternatives: [...t.fastOr].map((w) => [w]), maxIndex });
    else if (t.operator === 'or' && t.choices?.length) {
      // (insist|am insisting): all the words of one alternative must be there.
      const alternatives = t.choices.map(wordsOf);
      if (alternatives.every((a) => a.length)) required.push({ alternatives, maxIndex });
    }
  }
  const maxLength = anchored && tokens[tokens.length - 1]?.end ? before : Infinity;
  return { required, maxLength };
}

/** The longest word of each alternative (usually its rarest), each once. */
const keyWords = (r: Required) => [...new Set(r.alternatives.map((a) => a.reduce((x, y) => (y.length > x.length ? y : x))))];

interface Required {
  /** One of these must be there, every word of it. */
  alternatives: string[][];
  /** The latest term these words can be in their sentence (0-based). */
  maxIndex: number;
}

function spanOf(sentence: string, terms: TermJson[]): [number, number] | null {
  const first = terms[0];
  const last = terms[terms.length - 1];
  if (!first || !last) return null;
  const start = first.offset.start;
  let end = last.offset.start + last.offset.length;
  // compromise drops combining marks from term text; keep them with their letter.
  while (end < sentence.length && COMBINING.test(sentence[end]!)) end++;
  return start < end && end <= sentence.length ? [start, end] : null;
}

class EnglishMatcher implements Matcher {
  constructor(
    private readonly match: ParsedMatch,
    private readonly required: Required[],
    private readonly maxLength: number,
    private readonly groups: string[],
    readonly specificity: number,
  ) {}

  /** The key words of the requirement with the fewest of them. */
  get triggers(): string[] {
    return this.required.map(keyWords).reduce((a, b) => (b.length < a.length ? b : a));
  }

  find(sentence: Sentence): Hit[] {
    const { first, shortest } = sentence.words;
    if (shortest > this.maxLength) return [];
    if (!this.required.every((r) => r.alternatives.some((a) => a.every((w) => (first.get(w) ?? NaN) <= r.maxIndex))))
      return [];
    const view = sentence.doc.match(this.match);
    if (!view.found) return [];
    const hits: Hit[] = [];
    for (const m of view.json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[]) {
      const span = spanOf(sentence.text, m.terms);
      if (span) hits.push({ start: span[0], end: span[1], captures: {} });
    }
    for (const name of this.groups) {
      for (const g of (view.groups(name) as typeof view).json({ offset: true }) as { text: string; offset: { start: number } }[]) {
        const hit = hits.find((h) => g.offset.start >= h.start && g.offset.start < h.end);
        if (hit) hit.captures[name] = g.text.trim();
      }
    }
    return hits;
  }
}

/** Compiles one pattern; throws a plain Error with the reason when it cannot be used. */
export function compileEnglishPattern(pattern: string): Matcher {
  const match = nlp.parseMatch(pattern);
  const tokens = match as unknown as MatchToken[];
  if (!tokens.length) throw new Error('is empty');
  const { required, maxLength } = requirements(tokens);
  if (!required.length) throw new Error('needs at least one word that is always there');
  const groups = [...new Set(tokens.map((t) => t.group).filter((g): g is string => !!g))];
  // Rarer words and longer patterns say more about what they mean.
  const specificity = required.reduce((n, r) => n + 1 / keyWords(r).length, 0) + tokens.length / 100;
  return new EnglishMatcher(match, required, maxLength, groups, specificity);
}
