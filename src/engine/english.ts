import nlp from 'compromise/two';
import { type MatchToken, Prefilter } from './english-prefilter';
import type { Hit, Matcher, Sentence } from './sentence';

/**
 * English patterns: compromise match syntax over a tagged sentence (contractions, tenses and
 * tags come from compromise). Tagging is the expensive part, so a sentence is tagged only when
 * some pattern's prefilter lets it through.
 */
type ParsedMatch = ReturnType<typeof nlp.parseMatch>;

interface TermJson {
  offset: { start: number; length: number };
}

const COMBINING = /\p{M}/u;

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
    private readonly prefilter: Prefilter,
    private readonly groups: string[],
    readonly specificity: number,
  ) {}

  get triggers(): string[] {
    return this.prefilter.triggers;
  }

  find(sentence: Sentence): Hit[] {
    if (!this.prefilter.admits(sentence.words)) return [];
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

// A gap such as .{0,4} or .* (not .?) before a group holding a phrase: compromise never matches it.
const isRangeGap = (t: MatchToken | undefined) => !!t?.anything && (!!t.greedy || t.max !== undefined);

/** Compiles one pattern; throws a plain Error with the reason when it cannot be used. */
export function compileEnglishPattern(pattern: string): Matcher {
  const match = nlp.parseMatch(pattern);
  const tokens = match as unknown as MatchToken[];
  if (!tokens.length) throw new Error('is empty');
  if (tokens.some((t, k) => isRangeGap(tokens[k - 1]) && t.choices?.some((c) => c.length > 1)))
    throw new Error(
      'has a gap (.{0,n}, .*) right before a group with a multi-word alternative, which compromise never matches; ' +
        'use single words in that group or a word between the gap and the group',
    );
  const prefilter = new Prefilter(tokens);
  if (!prefilter.required.length) throw new Error('needs at least one word that is always there');
  const groups = [...new Set(tokens.map((t) => t.group).filter((g): g is string => !!g))];
  // Rarer words and longer patterns say more about what they mean.
  const specificity = prefilter.weight + tokens.length / 100;
  return new EnglishMatcher(match, prefilter, groups, specificity);
}
