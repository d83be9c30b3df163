import type { Lang, MatchableEntry } from '../phrasebook/schema';
import { compileEnglishPattern } from './english';
import { phraseKey } from './normalize';
import { compilePhrase } from './phrase';
import { fitRewrite } from './rewrite';
import { segment } from './segment';
import { type Matcher, Sentence } from './sentence';
import { TriggerIndex } from './trigger-index';
import { type AnalyzeOptions, type Finding, PatternError } from './types';

export { phraseKey };

interface CompiledEntry {
  entry: MatchableEntry;
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

function compileAll(entry: MatchableEntry, field: 'patterns' | 'exceptions', custom: boolean): Matcher[] {
  // Built-in English uses compromise's grammar; Japanese and users' own use phrase patterns.
  const compile = entry.lang === 'en' && !custom ? compileEnglishPattern : compilePhrase;
  return (entry[field] ?? []).map((pattern, i) => {
    try {
      return compile(pattern);
    } catch (e) {
      throw new PatternError(entry.id, `${field}[${i}]`, (e as Error).message);
    }
  });
}

export function compileEntry(entry: MatchableEntry, custom = false): CompiledEntry {
  return {
    entry,
    custom,
    matchers: compileAll(entry, 'patterns', custom),
    exceptions: compileAll(entry, 'exceptions', custom),
  };
}

interface Candidate {
  start: number;
  end: number;
  specificity: number;
  captures: Record<string, string>;
  compiled: CompiledEntry;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Longest match first; then the user's own entries; then the more specific pattern. */
function byStrength(a: Candidate, b: Candidate): number {
  return (
    b.end - b.start - (a.end - a.start) ||
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
  /** How many sentences were matched rather than served from the cache (for tests and bench). */
  sentencesAnalysed = 0;

  constructor(entries: readonly MatchableEntry[]) {
    this.builtin = entries.map((e) => compileEntry(e));
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

  get entries(): MatchableEntry[] {
    return [...this.builtin, ...this.custom].map((c) => c.entry);
  }

  analyze(text: string, options: AnalyzeOptions = {}): Finding[] {
    const langs = options.langs ?? ALL_LANGS;
    const ignoredEntries = new Set(options.ignoredEntries);
    const ignoredPhrases = new Set((options.ignoredPhrases ?? []).map(phraseKey));
    const findings: Finding[] = [];
    for (const span of segment(text)) {
      for (const f of this.analyzeSentence(text.slice(span.start, span.end), langs)) {
        const start = span.start + f.start;
        const end = span.start + f.end;
        const finding = { ...f, start, end, text: text.slice(start, end) };
        if (ignoredEntries.has(f.entryId) || ignoredPhrases.has(phraseKey(finding.text))) continue;
        findings.push(finding);
      }
    }
    return findings;
  }

  private analyzeSentence(text: string, langs: readonly Lang[]): SentenceFinding[] {
    const key = `${langs.join()}\u0000${text}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh its place so the cache forgets the least recently used sentences first.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    this.sentencesAnalysed++;
    const found = this.matchSentence(text, langs);
    this.cache.set(key, found);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    return found;
  }

  private matchSentence(text: string, langs: readonly Lang[]): SentenceFinding[] {
    const sentence = new Sentence(text);
    const latin = HAS_LATIN.test(text);
    const nonAscii = HAS_NON_ASCII.test(text);
    const triggers = sentence.triggers(latin && langs.includes('en'));
    // Hits per entry, in entry order (the index keeps it), so equal candidates rank as before.
    const hitsOf = new Map<CompiledEntry, Candidate[]>();
    for (const { compiled, matcher } of this.index.candidates(triggers)) {
      const { lang } = compiled.entry;
      if (!langs.includes(lang) || (lang === 'en' ? !latin : !nonAscii)) continue;
      for (const hit of matcher.find(sentence)) {
        const candidate = { ...hit, specificity: matcher.specificity, compiled };
        const list = hitsOf.get(compiled);
        if (list) list.push(candidate);
        else hitsOf.set(compiled, [candidate]);
      }
    }
    const candidates: Candidate[] = [];
    for (const [compiled, hits] of hitsOf) {
      const vetoes = compiled.exceptions.flatMap((m) => m.find(sentence));
      candidates.push(...hits.filter((h) => !vetoes.some((v) => overlaps(h, v))));
    }
    const chosen: Candidate[] = [];
    for (const c of candidates.sort(byStrength)) if (!chosen.some((k) => overlaps(k, c))) chosen.push(c);
    return chosen.sort((a, b) => a.start - b.start).map((c) => toFinding(text, c));
  }
}

function toFinding(sentence: string, c: Candidate): SentenceFinding {
  const { entry, custom } = c.compiled;
  const tail = sentence.slice(c.end);
  const atSentenceEnd = SENTENCE_TAIL.test(tail);
  // A phrase that ends its sentence takes the sentence's final punctuation with it.
  const end = atSentenceEnd ? sentence.length : c.end;
  const finalPunctuation = atSentenceEnd ? (/[.!?。！？]+/u.exec(tail)?.[0] ?? '') : '';
  const atSentenceStart = !/[\p{L}\p{N}]/u.test(sentence.slice(0, c.start));
  const placement = { atSentenceStart, atSentenceEnd, finalPunctuation, captures: c.captures };
  return {
    start: c.start,
    end,
    entryId: entry.id,
    lang: entry.lang,
    category: entry.category,
    rewrites: entry.rewrites.map((r) => fitRewrite(r, placement)),
    equivalent: entry.equivalent,
    why: entry.why,
    custom,
  };
}
