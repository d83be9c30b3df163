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
}

interface TermJson {
  offset: { start: number; length: number };
}

const COMBINING = /\p{M}/u;

/** One word a sequence cannot match without (its longest, usually its rarest), if any. */
function keyWord(sequence: MatchToken[]): string | undefined {
  const words = sequence.filter((t) => t.word && !t.optional && !t.negative).map((t) => t.word!);
  return words.reduce<string | undefined>((a, b) => (!a || b.length > a.length ? b : a), undefined);
}

function requiredWords(tokens: MatchToken[]): string[][] {
  const sets: string[][] = [];
  for (const t of tokens) {
    if (t.optional || t.negative) continue;
    if (t.word) sets.push([t.word]);
    else if (t.operator === 'or' && t.fastOr?.size) sets.push([...t.fastOr]);
    else if (t.operator === 'or' && t.choices?.length) {
      // (insist|am insisting): one word of each alternative must be there.
      const words = t.choices.map(keyWord);
      if (words.every((w): w is string => !!w)) sets.push([...new Set(words)]);
    }
  }
  return sets;
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
    private readonly required: string[][],
    private readonly groups: string[],
    readonly specificity: number,
  ) {}

  find(sentence: Sentence): Hit[] {
    const words = sentence.words;
    if (!this.required.every((set) => set.some((w) => words.has(w)))) return [];
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
  const required = requiredWords(tokens);
  if (!required.length) throw new Error('needs at least one word that is always there');
  const groups = [...new Set(tokens.map((t) => t.group).filter((g): g is string => !!g))];
  // Rarer words and longer patterns say more about what they mean.
  const specificity = required.reduce((n, s) => n + 1 / s.length, 0) + tokens.length / 100;
  return new EnglishMatcher(match, required, groups, specificity);
}
