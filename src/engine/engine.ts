import { DEFAULT_REGISTER, type Lang, type MatchableEntry, type Register, appliesTo, rewritesFor } from '../phrasebook/schema';
import { compileEnglishPattern } from './english';
import { phraseKey } from './normalize';
import { LazyMatcher, englishTriggersOf } from './lazy-matcher';
import { compilePhrase, phraseTriggers } from './phrase';
import { fitRewrite } from './rewrite';
import { PHRASE_SLOT, addsOnly, templateProblem } from './template';
import { segment } from './segment';
import { notOwnWords } from './japanese/quoted';
import { keepOveruse } from './overuse';
import { keepMixed } from './mixed-style';
import { type Matcher, Sentence, type Slot } from './sentence';
import { DisjointRanges, RangeIndex } from './intervals';
import { TriggerIndex } from './trigger-index';
import { type AnalyzeOptions, type Finding, PatternError } from './types';

export { phraseKey };

/** What the engine uses of an entry: its patterns are compiled into matchers. */
export type EntryInfo = Omit<MatchableEntry, 'patterns' | 'exceptions'>;

interface CompiledEntry {
  entry: EntryInfo;
  custom: boolean;
  matchers: Matcher[];
  exceptions: Matcher[];
}

/** One pattern of one entry, as the trigger index holds it. */
interface Pattern {
  compiled: CompiledEntry;
  matcher: Matcher;
}

/** A finding relative to its sentence, as cached. */
type SentenceFinding = Omit<Finding, 'text'>;

const ALL_LANGS: readonly Lang[] = ['en', 'ja'];
const CACHE_LIMIT = 5000;
const SENTENCE_TAIL = /^[\s.!?。！？…"'”’)\]」』）]*$/u;
const HAS_LATIN = /[a-z]/i;
const HAS_NON_ASCII = /[^\x00-\x7F]/;

/** One pattern ready to become a matcher: its trigger words known now, its compilation deferred or not. */
export interface PatternSpec {
  compile(): Matcher;
  triggers: readonly string[] | undefined;
}

/** Built-in English uses compromise's grammar; Japanese and users' own use phrase patterns. */
export function specOf(entry: Pick<MatchableEntry, 'lang'>, field: 'patterns' | 'exceptions', custom: boolean, pattern: string): PatternSpec {
  const english = entry.lang === 'en' && !custom;
  // Built-in Japanese keeps to word edges; the user's own phrases match as they always did.
  const compile = () => (english ? compileEnglishPattern(pattern) : compilePhrase(pattern, field === 'patterns' && !custom));
  let triggers: readonly string[] | undefined | null = null;
  return {
    compile,
    get triggers() {
      if (triggers === null) triggers = english ? englishTriggersOf(pattern) : phraseTriggers(pattern);
      return triggers;
    },
  };
}

function matchersOf(id: string, field: 'patterns' | 'exceptions', specs: readonly PatternSpec[], lazy: boolean): Matcher[] {
  return specs.map((spec, i) => {
    const fail = (e: unknown) => new PatternError(id, `${field}[${i}]`, (e as Error).message);
    if (lazy) return new LazyMatcher(spec.compile, spec.triggers, (e) => console.warn(`Kuuki: ${fail(e).message}`));
    try {
      return spec.compile();
    } catch (e) {
      throw fail(e);
    }
  });
}

function compileChecked(entryId: string, field: string, pattern: string): Matcher {
  try {
    // Only asks whether the style is there: no word edges (ます after 添付し is no span of its own).
    return compilePhrase(pattern, false);
  } catch (e) {
    throw new PatternError(entryId, field, (e as Error).message);
  }
}

/** The slots every pattern of an entry binds: a rewrite may use these and no others. */
function boundByAll(matchers: readonly Matcher[], names: (m: Matcher) => readonly string[]): string[] {
  const [first, ...rest] = matchers;
  return (first ? names(first) : []).filter((n) => rest.every((m) => names(m).includes(n)));
}

/** An entry with its patterns in a form the engine can compile: text, or precompiled. */
export interface EntrySpecs {
  entry: EntryInfo;
  patterns: readonly PatternSpec[];
  exceptions: readonly PatternSpec[];
}

export function specsOf(entry: MatchableEntry, custom = false): EntrySpecs {
  const { patterns, exceptions, ...info } = entry;
  return {
    entry: info,
    patterns: patterns.map((p) => specOf(entry, 'patterns', custom, p)),
    exceptions: (exceptions ?? []).map((p) => specOf(entry, 'exceptions', custom, p)),
  };
}

function compileSpecs({ entry, patterns, exceptions }: EntrySpecs, custom: boolean, lazy: boolean): CompiledEntry {
  const matchers = matchersOf(entry.id, 'patterns', patterns, lazy);
  if (!custom && !lazy) {
    const bound = boundByAll(matchers, (m) => m.slotNames);
    const verbs = boundByAll(matchers, (m) => m.verbSlots);
    const check = (field: string) => (rewrite: string, i: number) => {
      const problem = templateProblem(rewrite, entry.lang, bound, verbs);
      if (problem) throw new PatternError(entry.id, `${field}[${i}]`, problem);
    };
    entry.rewrites.forEach(check('rewrites'));
    for (const [register, variant] of Object.entries(entry.byRegister ?? {}))
      variant!.rewrites.forEach(check(`byRegister.${register}.rewrites`));
  }
  return { entry, custom, matchers, exceptions: matchersOf(entry.id, 'exceptions', exceptions, lazy) };
}

/**
 * Compiles an entry's patterns and checks its rewrites against them. `lazy` (built-in entries
 * only, already checked by `npm run phrasebook:check`) defers both to first use.
 */
export function compileEntry(entry: MatchableEntry, custom = false, lazy = false): CompiledEntry {
  return compileSpecs(specsOf(entry, custom), custom, lazy);
}

interface Candidate {
  start: number;
  end: number;
  matchStart?: number;
  specificity: number;
  slots: Record<string, Slot>;
  compiled: CompiledEntry;
}


/** How much of the sentence the pattern matched, context words included. */
const reach = (c: Candidate) => c.end - (c.matchStart ?? c.start);

/** A finding that stands only if the message holds enough of its kind (overuse). */
const conditional = (c: Candidate) => Number(!!c.compiled.entry.perMessage);

/**
 * Unconditional findings first (an overuse count never hides a mistake on the same words, as
 * 拝見させていただきます is), then the longest match; then the user's own entries; then the more
 * specific pattern.
 */
function byStrength(a: Candidate, b: Candidate): number {
  return (
    conditional(a) - conditional(b) ||
    reach(b) - reach(a) ||
    Number(b.compiled.custom) - Number(a.compiled.custom) ||
    b.specificity - a.specificity ||
    a.start - b.start
  );
}

export class Engine {
  private builtin: CompiledEntry[];
  private custom: CompiledEntry[] = [];
  private index: TriggerIndex<Pattern>;
  private cache = new Map<string, SentenceFinding[]>();
  /** Entries flagged only when a message holds this many of their phrases (overuse). */
  private perMessage = new Map<string, number>();
  /** Entries flagged only when another sentence of the message is in the other style. */
  private mixedWith = new Map<string, Matcher[]>();
  /** How many sentences were matched rather than served from the cache (for tests and bench). */
  sentencesAnalysed = 0;

  /**
   * `lazy`: compile each built-in pattern when a sentence first holds one of its words, not
   * now (what the extension and the CLI use; the phrasebook's own checks compile everything).
   */
  constructor(entries: readonly (MatchableEntry | EntrySpecs)[], options: { lazy?: boolean } = {}) {
    this.builtin = entries.map((e) => compileSpecs('entry' in e ? e : specsOf(e), false, !!options.lazy));
    for (const { entry: e } of this.builtin) {
      if (e.perMessage) this.perMessage.set(e.id, e.perMessage);
      if (e.mixedWith) this.mixedWith.set(e.id, e.mixedWith.map((p, i) => compileChecked(e.id, `mixedWith[${i}]`, p)));
    }
    this.index = this.indexEntries();
  }

  private indexEntries(): TriggerIndex<Pattern> {
    const patterns = [...this.custom, ...this.builtin].flatMap((compiled) =>
      compiled.matchers.map((matcher) => ({ compiled, matcher })),
    );
    return new TriggerIndex(patterns, (p) => p.matcher.triggers ?? null);
  }

  /** Replaces the user's own entries; throws PatternError naming the entry at fault. */
  setCustomEntries(entries: readonly MatchableEntry[]): void {
    this.custom = entries.map((e) => compileEntry(e, true));
    this.index = this.indexEntries();
    this.cache.clear();
  }

  /** Forgets every analysed sentence (for measuring cold work). */
  clearCache(): void {
    this.cache.clear();
  }

  get entries(): EntryInfo[] {
    return [...this.builtin, ...this.custom].map((c) => c.entry);
  }

  analyze(text: string, options: AnalyzeOptions = {}): Finding[] {
    const steps = this.analyzeInSteps(text, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same analysis, one sentence at a time: it yields after each sentence it had to match
   * (cached ones cost nothing), so a host can share its time between requests instead of being
   * held by one long text; its return value is the findings.
   */
  *analyzeInSteps(text: string, options: AnalyzeOptions = {}): Generator<void, Finding[], void> {
    const langs = options.langs ?? ALL_LANGS;
    const register = options.register ?? DEFAULT_REGISTER;
    const ignoredEntries = new Set(options.ignoredEntries);
    const ignoredPhrases = new Set((options.ignoredPhrases ?? []).map(phraseKey));
    const findings: Finding[] = [];
    const sentences = segment(text);
    for (const span of sentences) {
      const before = this.sentencesAnalysed;
      const found = this.analyzeSentence(text.slice(span.start, span.end), langs, register);
      if (this.sentencesAnalysed !== before) yield;
      for (const f of found) {
        const start = span.start + f.start;
        const end = span.start + f.end;
        const sentence = { start: span.start, end: span.end };
        const finding = { ...f, start, end, sentence, text: text.slice(start, end) };
        if (ignoredEntries.has(f.entryId) || ignoredPhrases.has(phraseKey(finding.text))) continue;
        findings.push(finding);
      }
    }
    const piled = keepOveruse(findings, (id) => this.perMessage.get(id));
    return this.mixedWith.size ? keepMixed(piled, text, sentences, (id) => this.mixedWith.get(id)) : piled;
  }

  private analyzeSentence(text: string, langs: readonly Lang[], register: Register): SentenceFinding[] {
    const key = `${langs.join()}\u0000${register}\u0000${text}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh its place so the cache forgets the least recently used sentences first.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    this.sentencesAnalysed++;
    const found = this.matchSentence(text, langs, register);
    this.cache.set(key, found);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    return found;
  }

  private matchSentence(text: string, langs: readonly Lang[], register: Register): SentenceFinding[] {
    const sentence = new Sentence(text);
    const latin = HAS_LATIN.test(text);
    const nonAscii = HAS_NON_ASCII.test(text);
    // Words are looked up whenever there are any: the user's own phrases may be Latin in either language.
    const triggers = sentence.triggers(latin);
    // Hits per entry, in entry order (the index keeps it), so equal candidates rank as before.
    const hitsOf = new Map<CompiledEntry, Candidate[]>();
    for (const { compiled, matcher } of this.index.candidates(triggers)) {
      const { lang } = compiled.entry;
      if (!langs.includes(lang) || (lang === 'en' ? !latin : !nonAscii)) continue;
      // An entry that depends on the reader's rank is no finding for other readers: another may take its place.
      if (!appliesTo(compiled.entry, register)) continue;
      for (const hit of matcher.find(sentence)) {
        const candidate = { ...hit, specificity: matcher.specificity, compiled };
        const list = hitsOf.get(compiled);
        if (list) list.push(candidate);
        else hitsOf.set(compiled, [candidate]);
      }
    }
    const candidates: Candidate[] = [];
    // Words quoted as someone else's (「無理です」と伝えました) or a 【header】 are not the writer's to soften.
    const othersWords = new RangeIndex(notOwnWords(text).map(([start, end]) => ({ start, end })));
    for (const [compiled, hits] of hitsOf) {
      const vetoes = new RangeIndex(compiled.exceptions.flatMap((m) => m.find(sentence)));
      for (const h of hits) if (!vetoes.overlaps(h) && !othersWords.overlaps(h)) candidates.push(h);
    }
    const chosen = new DisjointRanges<SentenceFinding>();
    for (const c of candidates.sort(byStrength)) {
      if (chosen.overlaps(c)) continue;
      // A hit none of whose rewrites fits here is no finding: another entry may take its place.
      const finding = toFinding(text, c, register);
      if (finding && !chosen.overlaps(finding)) chosen.add(finding);
    }
    return [...chosen.items];
  }
}

/**
 * The finding a hit makes. A rewrite that asks a question turns its sentence into one, so a hit
 * with such a rewrite carries the rest of its sentence (its final "." becomes "?"): the span then
 * runs to the sentence's end, and a later phrase of the sentence waits until this one is settled.
 */
function toFinding(sentence: string, c: Candidate, register: Register): SentenceFinding | null {
  const plain = fitFinding(sentence, c, false, register);
  return plain?.asks ? fitFinding(sentence, c, true, register) : plain;
}

function fitFinding(sentence: string, c: Candidate, carryTail: boolean, register: Register): (SentenceFinding & { asks?: boolean }) | null {
  const { entry, custom } = c.compiled;
  const tail = sentence.slice(c.end);
  const lastWords = SENTENCE_TAIL.test(tail);
  // A phrase that ends its sentence takes the sentence's final punctuation with it, but no
  // closing quote or bracket: 「早くして。」 keeps its 」. Before a closer, it ends there.
  const punctuation = lastWords ? /^[\s.!?。！？…]*/u.exec(tail)![0] : '';
  const atSentenceEnd = lastWords && (punctuation.trim().length > 0 || !tail.trim());
  const end = carryTail ? sentence.length : c.end + punctuation.trimEnd().length;
  const finalPunctuation = atSentenceEnd ? (/[.!?。！？]+/u.exec(punctuation)?.[0] ?? '') : '';
  const atSentenceStart = !/[\p{L}\p{N}]/u.test(sentence.slice(0, c.start));
  const placement = {
    lang: entry.lang,
    sentence,
    start: c.start,
    end: c.end,
    atSentenceStart,
    atSentenceEnd,
    finalPunctuation,
    slots: { ...c.slots, [PHRASE_SLOT]: { start: c.start, end: c.end, text: sentence.slice(c.start, c.end) } },
    custom,
    tail: carryTail && !atSentenceEnd ? tail : undefined,
  };
  const rewrites: string[] = [];
  const kept: [number, number][][] = [];
  const adds: boolean[] = [];
  let asks = false;
  for (const template of rewritesFor(entry, register)) {
    const fitted = fitRewrite(template, placement);
    if (!fitted || rewrites.includes(fitted.text)) continue;
    rewrites.push(fitted.text);
    kept.push(fitted.kept);
    adds.push(addsOnly(template));
    asks ||= fitted.asks;
  }
  if (!rewrites.length) return null;
  return {
    start: c.start,
    end,
    sentence: { start: 0, end: sentence.length },
    entryId: entry.id,
    lang: entry.lang,
    category: entry.category,
    rewrites,
    kept,
    adds,
    equivalent: entry.equivalent,
    why: entry.why,
    custom,
    ...(asks && !atSentenceEnd && !carryTail ? { asks: true } : {}),
  };
}
