import type { Hit, Matcher, Sentence } from './sentence';

/**
 * A pattern compiled on first use. Compiling ~6,000 patterns (compromise's parser for English,
 * a RegExp for Japanese) costs seconds when a service worker wakes; most are never needed for a
 * given text, and those that are cost a fraction of a millisecond each when first met. The
 * trigger words must be known without compiling, and must hold at least the words the compiled
 * pattern's own triggers would (a test checks this for every built-in pattern), so a lazy engine
 * finds exactly what an eager one does.
 */
export class LazyMatcher implements Matcher {
  private compiled?: Matcher;
  private broken = false;

  constructor(
    private readonly compile: () => Matcher,
    readonly triggers: readonly string[] | undefined,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  private get matcher(): Matcher | undefined {
    if (!this.compiled && !this.broken) {
      try {
        this.compiled = this.compile();
      } catch (e) {
        // The phrasebook is checked before every build; one pattern that fails here must not stop the others.
        this.broken = true;
        this.onError(e);
      }
    }
    return this.compiled;
  }

  get specificity(): number {
    return this.matcher?.specificity ?? 0;
  }

  get slotNames(): readonly string[] {
    return this.matcher?.slotNames ?? [];
  }

  get verbSlots(): readonly string[] {
    return this.matcher?.verbSlots ?? [];
  }

  find(sentence: Sentence): Hit[] {
    return this.matcher?.find(sentence) ?? [];
  }
}

// Syntax that is not a word: tags, captures' names, methods, lemmas ({work} matches "worked").
const NOT_WORDS = /#[A-Za-z]+|<[\w-]+>|@[A-Za-z]+|\{[^}]*\}/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

const COMMON = new Set(
  'i you he she it we they me him us them my your his its our their the a an this that these those is are was were be been am do does did have has had not no to of in on at for with and or but so if can will would should must just all'.split(
    ' ',
  ),
);
const PLAIN = /^[a-z0-9][a-z0-9'%-]*$/;
const rarest = (words: string[]) =>
  words.reduce((a, b) => ((COMMON.has(a) ? 0 : 100) + a.length >= (COMMON.has(b) ? 0 : 100) + b.length ? a : b));

/** The top-level tokens of compromise match syntax: words, tags and whole (…) or […] groups. */
function topLevelTokens(pattern: string): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let token = '';
  for (const c of pattern) {
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (/\s/.test(c) && depth === 0) {
      if (token) tokens.push(token);
      token = '';
    } else token += c;
  }
  if (token) tokens.push(token);
  return tokens;
}

/**
 * The words an English pattern cannot match without, read from its text without compiling it:
 * a plain word at the top level (the rarest one), else a top-level group every alternative of
 * which holds a plain word (one per alternative) or an (a && b) group with a plain part, else
 * every word it holds. Never fewer words than a sentence it matches must contain one of (a test
 * checks every built-in pattern).
 */
export function englishTriggersOf(pattern: string): string[] {
  const tokens = topLevelTokens(pattern.toLowerCase().replace(/’/g, "'").replace(/^\^/, '')).map((t) => t.replace(/\$$/, ''));
  // compromise splits a hyphenated word into its parts, except inside (a|b) groups: look up both.
  const both = (words: string[]) => [rarest(words), rarest(words.flatMap((w) => w.split('-').filter(Boolean)))];
  const words = tokens.filter((t) => PLAIN.test(t));
  if (words.length) return [...new Set(both(words))];
  for (const t of tokens) {
    const group = /^\(([^()[\]]+)\)$/.exec(t);
    if (!group) continue;
    if (!group[1]!.includes('|') && group[1]!.includes('&&')) {
      // (terrible && @hasComma): one term that is each part, so a plain part is required.
      const parts = group[1]!.split('&&').map((p) => p.trim()).filter((p) => PLAIN.test(p));
      if (parts.length) return [...new Set(both(parts))];
      continue;
    }
    // Only alternatives made of plain words: operators (&&, !, ?) change what is required.
    const alternatives = group[1]!.split('|').map((alt) => alt.trim().split(/\s+/));
    if (alternatives.every((words) => words.every((w) => PLAIN.test(w)))) return [...new Set(alternatives.flatMap(both))];
  }
  return englishWordsOf(pattern);
}

/**
 * Every literal word an English pattern holds, folded as the sentence's word index folds them
 * (lower case, one apostrophe, hyphenated words also in parts): a superset of the words the
 * compiled pattern could require, so a sentence without any of them cannot match it.
 */
export function englishWordsOf(pattern: string): string[] {
  const words = new Set<string>();
  const text = pattern.replace(NOT_WORDS, ' ').toLowerCase().replace(/’/g, "'");
  for (const w of text.match(WORD) ?? []) {
    words.add(w);
    for (const part of w.split('-')) if (part) words.add(part);
  }
  // Whole tokens too, symbols included (100%, $5k), as compromise may keep them.
  for (const token of text.split(/[\s()[\]|]+/)) {
    const w = token.replace(/^[!^]+|[?*+$]+$|\{\d*,?\d*\}$/g, '');
    if (w && w !== '.') words.add(w);
  }
  return [...words];
}
