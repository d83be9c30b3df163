import type { WordIndex } from './sentence';

/**
 * What an English pattern needs before compromise is worth asking: tagging a sentence is the
 * expensive part of matching, so a pattern says which words it cannot match without, how early
 * they must come when it is anchored at the start (`^`), how short the sentence must be when it
 * is anchored at both ends, and whether a word must follow a verb's base form. Every rule errs
 * towards letting a sentence through: a wrong "no" would hide a blunt sentence.
 */

/** A token of compromise's parsed match syntax (the fields used here). */
export interface MatchToken {
  word?: string;
  tag?: string;
  method?: string;
  anything?: boolean;
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

interface Required {
  /** One of these must be there, every word of it. */
  alternatives: string[][];
  /** The latest term these words can be in their sentence (0-based). */
  maxIndex: number;
  /** The word comes right after an #Imperative or #Infinitive. */
  afterBaseVerb: boolean;
}

// Term methods that need a character after some word: a sentence without that character cannot match.
const METHOD_CHARACTER: Record<string, string> = { hasComma: ',', hasColon: ':', hasSemicolon: ';' };
const isRequired = (t: MatchToken) => !t.optional && !t.negative;

const BASE_VERB_TAGS = new Set(['Imperative', 'Infinitive']);
// Words compromise never tags as a verb's base form: pronouns, determiners, question words,
// conjunctions, and finite forms of be, do, have and the modals.
const NEVER_BASE_VERB = new Set(
  ('i you he she it we they me him us them my your his its our their the a an this that these those ' +
    'what which who whom whose why how where when not and or but if because than ' +
    'is are was were am does did has had can could would should will shall may might must').split(' '),
);

// The commonest English words: a pattern is looked up by rarer ones when it has them.
const COMMON = new Set([
  ...NEVER_BASE_VERB,
  ...'to of in on at for with from by as about be been being do have not no so all just'.split(' '),
]);
const triggerCost = (words: string[]) => words.reduce((n, w) => n + (COMMON.has(w) ? 100 : 1), 0);

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

const isBaseVerbSlot = (t: MatchToken | undefined) =>
  !!t?.tag && BASE_VERB_TAGS.has(t.tag) && !t.optional && !t.negative && maxTerms(t) === 1;

/** How rare a word probably is: uncommon words first, then longer ones. */
const rarity = (w: string) => (COMMON.has(w) ? 0 : 100) + w.length;
/** The rarest word of each alternative ("team" of "your team"), each once. */
const keyWords = (r: Required) => [...new Set(r.alternatives.map((a) => a.reduce((x, y) => (rarity(y) > rarity(x) ? y : x))))];

export class Prefilter {
  readonly required: Required[] = [];
  /** Characters the sentence must hold (a comma for @hasComma). */
  readonly characters = new Set<string>();
  /** For a pattern anchored at both ends: the most terms a sentence it matches can have. */
  readonly maxLength: number;

  constructor(tokens: MatchToken[]) {
    const anchored = !!tokens[0]?.start;
    let before = 0; // the most terms the tokens so far can take
    tokens.forEach((t, k) => {
      const size = maxTerms(t);
      const maxIndex = anchored ? before + size - 1 : Infinity;
      before += size;
      if (!isRequired(t)) return;
      const afterBaseVerb = isBaseVerbSlot(tokens[k - 1]);
      const character = t.method && METHOD_CHARACTER[t.method];
      if (character) this.characters.add(character);
      if (t.word) this.required.push({ alternatives: [[t.word]], maxIndex, afterBaseVerb });
      else if (t.operator === 'and' && t.choices?.length) {
        // (terrible && @hasComma): one term that is each of them, so each is required.
        for (const [c, ...more] of t.choices) {
          if (!c || more.length || !isRequired(c)) continue;
          if (c.word) this.required.push({ alternatives: [[c.word]], maxIndex, afterBaseVerb });
          const inner = c.method && METHOD_CHARACTER[c.method];
          if (inner) this.characters.add(inner);
        }
      }
      else if (t.operator === 'or' && t.fastOr?.size)
        this.required.push({ alternatives: [...t.fastOr].map((w) => [w]), maxIndex, afterBaseVerb });
      else if (t.operator === 'or' && t.choices?.length) {
        // (insist|am insisting): all the words of one alternative must be there.
        const alternatives = t.choices.map(wordsOf);
        if (alternatives.every((a) => a.length)) this.required.push({ alternatives, maxIndex, afterBaseVerb: false });
      }
    });
    this.maxLength = anchored && tokens[tokens.length - 1]?.end ? before : Infinity;
  }

  /** The key words of one requirement, the rarest set: a sentence needs one of them. */
  get triggers(): string[] {
    return this.required.map(keyWords).reduce((a, b) => (triggerCost(b) < triggerCost(a) ? b : a));
  }

  /** Rarer words say more about what a pattern means. */
  get weight(): number {
    return this.required.reduce((n, r) => n + 1 / keyWords(r).length, 0);
  }

  admits(words: WordIndex): boolean {
    if (words.shortest > this.maxLength) return false;
    for (const c of this.characters) if (!words.text.includes(c)) return false;
    const { first } = words;
    for (const r of this.required) {
      if (!r.alternatives.some((a) => a.every((w) => (first.get(w) ?? NaN) <= r.maxIndex))) return false;
    }
    return this.required.every((r) => !r.afterBaseVerb || followsPossibleBaseVerb(words, r));
  }
}

/** Whether one of the words comes, early enough, right after a term that may be a base-form verb. */
function followsPossibleBaseVerb(words: WordIndex, r: Required): boolean {
  const wanted = r.alternatives.map((a) => a[0]!);
  return words.sentences.some((terms) =>
    terms.some((forms, i) => {
      if (i === 0 || i > r.maxIndex || !wanted.some((w) => forms.includes(w))) return false;
      const previous = terms[i - 1]!;
      // A contraction may hide a verb ("it's" is "it is"); only a plain closed-class word rules it out.
      return previous.length !== 1 || !NEVER_BASE_VERB.has(previous[0]!);
    }),
  );
}
