import nlp from 'compromise/two';
import { type MatchToken, Prefilter } from './english-prefilter';
import type { Hit, Matcher, Sentence } from './sentence';

/**
 * English patterns: compromise match syntax over a tagged sentence (contractions, tenses and
 * tags come from compromise). Tagging is the expensive part, so a sentence is tagged only when
 * some pattern's prefilter lets it through.
 */
export type ParsedMatch = ReturnType<typeof nlp.parseMatch>;

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

const COMBINING = /\p{M}/u;
/** The group whose words come before the blunt marker: context the match needs, not part of the span. */
export const CONTEXT_GROUP = 'pre';

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
    readonly slotNames: readonly string[],
  ) {}

  readonly verbSlots: readonly string[] = [];

  get triggers(): string[] {
    return this.prefilter.triggers;
  }

  find(sentence: Sentence): Hit[] {
    if (!this.prefilter.admits(sentence.words)) return [];
    const view = sentence.doc.match(this.match);
    if (!view.found) return [];
    const text = sentence.text;
    const found: { hit: Hit; terms: TermJson[] }[] = [];
    for (const m of view.json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[]) {
      const span = spanOf(text, m.terms);
      if (span) found.push({ hit: { start: span[0], end: span[1], slots: {} }, terms: m.terms });
    }
    for (const name of this.groups) {
      for (const g of (view.groups(name) as typeof view).json({ offset: true, terms: { offset: true } }) as {
        terms: TermJson[];
      }[]) {
        const range = spanOf(text, g.terms);
        const owner = range && found.find(({ hit }) => range[0] >= hit.start && range[0] < hit.end);
        if (!range || !owner) continue;
        if (name === CONTEXT_GROUP) {
          // The span starts at the first word after the context.
          const next = owner.terms.find((t) => t.offset.start >= range[1]);
          owner.hit.matchStart = owner.hit.start;
          owner.hit.start = next ? next.offset.start : owner.hit.end;
          continue;
        }
        const terms = g.terms.map((t) => ({
          text: t.text,
          tags: t.tags,
          start: t.offset.start,
          end: t.offset.start + t.offset.length,
        }));
        owner.hit.slots[name] = { start: range[0], end: range[1], text: text.slice(range[0], range[1]), terms };
      }
    }
    const hits = found.map((f) => f.hit);
    return hits.filter((h) => h.start < h.end);
  }
}

// A gap such as .{0,4} or .* (not .?) before a group holding a phrase: compromise never matches it.
const isRangeGap = (t: MatchToken | undefined) => !!t?.anything && (!!t.greedy || t.max !== undefined);

/** compromise's parse of a pattern: plain data but for `fastOr` (a Set) and `regex` (a RegExp). */
export function parseEnglishPattern(pattern: string): ParsedMatch {
  return nlp.parseMatch(pattern);
}

/**
 * compromise's parse of a pattern, packed for the precompiled phrasebook (a third of its JSON):
 * a token that is only a word is that word; other tokens keep their fields under short names,
 * `true` as 1, `fastOr` (a Set) as an array, `regex` as [source, flags]. A field this does not
 * know (a newer compromise) fails the build rather than being lost.
 */
const PACKED: Record<string, string> = {
  word: 'w', tag: 't', group: 'g', groupStart: 's', groupEnd: 'e', optional: 'o', choices: 'c', greedy: 'r',
  anything: 'a', start: '^', end: '$', min: 'n', max: 'x', method: 'm', negative: '!', operator: 'p', fastOr: 'f', regex: 'x!',
};
const UNPACKED = Object.fromEntries(Object.entries(PACKED).map(([k, v]) => [v, k]));

type Token = Record<string, unknown>;
type Packed = string | Record<string, unknown>;

function packToken(token: Token): Packed {
  const keys = Object.keys(token);
  if (keys.length === 1 && typeof token.word === 'string') return token.word;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const short = PACKED[key];
    if (!short) throw new Error(`compromise's parse has a field "${key}" the precompiled phrasebook does not know`);
    const v = token[key];
    out[short] =
      v === true ? 1 : v instanceof Set ? [...v] : v instanceof RegExp ? [v.source, v.flags] : key === 'choices' ? (v as Token[][]).map((c) => c.map(packToken)) : v;
  }
  return out;
}

function unpackToken(packed: Packed): Token {
  if (typeof packed === 'string') return { word: packed };
  const token: Token = {};
  for (const [short, v] of Object.entries(packed)) {
    const key = UNPACKED[short]!;
    token[key] =
      key === 'fastOr'
        ? new Set(v as string[])
        : key === 'regex'
          ? new RegExp(...(v as [string, string]))
          : key === 'choices'
            ? (v as Packed[][]).map((c) => c.map(unpackToken))
            : v === 1 && key !== 'min' && key !== 'max'
              ? true
              : v;
  }
  return token;
}

export const packParsed = (match: ParsedMatch): Packed[] => (match as unknown as Token[]).map(packToken);
export const unpackParsed = (packed: readonly Packed[]): ParsedMatch => packed.map(unpackToken) as unknown as ParsedMatch;

/** Compiles one pattern, as text or as parsed; throws a plain Error with the reason when it cannot be used. */
export function compileEnglishPattern(pattern: string | ParsedMatch): Matcher {
  const match = typeof pattern === 'string' ? parseEnglishPattern(pattern) : pattern;
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
  // A slot every hit binds: some word of its group is not optional.
  const slotNames = groups.filter((g) => g !== CONTEXT_GROUP && tokens.some((t) => t.group === g && !t.optional));
  // Rarer words and longer patterns say more about what they mean.
  const specificity = prefilter.weight + tokens.length / 100;
  return new EnglishMatcher(match, prefilter, groups, specificity, slotNames);
}
