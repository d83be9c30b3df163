import type { MatchableEntry } from '../phrasebook/schema';
import { type EntryInfo, type EntrySpecs, type PatternSpec, specOf } from './engine';
import { compileEnglishPattern, packParsed, parseEnglishPattern, unpackParsed } from './english';
import { type MatchToken, Prefilter } from './english-prefilter';
import { englishTriggersOf } from './lazy-matcher';
import { phraseTriggers } from './phrase';

/**
 * The built-in phrasebook compiled at build time: what the engine needs of each entry and no
 * more (no examples, no near-misses), every pattern's trigger words worked out, and English
 * patterns already parsed by compromise (its parser is most of the cost of compiling one: ~70 µs
 * a pattern, half a second for all). Japanese patterns stay text: parsing one costs microseconds,
 * and their parse is three times the size.
 */

/** Bump when the shape below changes: an artefact of another version refuses to load. */
export const PRECOMPILED_FORMAT = 4;

/** One pattern: English as compromise's parse (plain data, packed), Japanese as written. */
type PatternBody = unknown;

export interface PrecompiledEntry {
  entry: EntryInfo;
  /** The trigger words of each pattern, then of each exception (null: none). */
  t: [(string[] | null)[], (string[] | null)[]];
  /**
   * The patterns and exceptions themselves, [patterns, exceptions], as JSON text: parsed when the
   * entry's first pattern compiles. Most entries never do for a given text, and two thirds of
   * the artefact is patterns: as text, JSON.parse skips over them at a third of the cost.
   */
  p: string;
}

export interface PrecompiledPhrasebook {
  format: number;
  /** Hash of the source files it was made from (see src/phrasebook/source-hash.ts). */
  hash: string;
  entries: PrecompiledEntry[];
}

const bodyOf = (entry: MatchableEntry, pattern: string): PatternBody =>
  entry.lang === 'en' ? packParsed(parseEnglishPattern(pattern)) : pattern;
/**
 * English: the words the compiled pattern itself is looked up by (its prefilter's rarest
 * requirement), as an eager engine does; read from the pattern's text they are often every word
 * it holds, "the" and "you" among them, and the pattern would be tried on most sentences.
 */
function triggersOf(entry: MatchableEntry, pattern: string): string[] | null {
  if (entry.lang !== 'en') return phraseTriggers(pattern) ?? null;
  const prefilter = new Prefilter(parseEnglishPattern(pattern) as unknown as MatchToken[]);
  return prefilter.required.length ? prefilter.triggers : englishTriggersOf(pattern);
}

/** The artefact for built-in entries (already validated, and checked to compile). */
export function precompile(entries: readonly MatchableEntry[], hash: string): PrecompiledPhrasebook {
  return {
    format: PRECOMPILED_FORMAT,
    hash,
    entries: entries.map((e) => {
      // Named one by one: an Entry passed in as a MatchableEntry still carries its examples.
      const { id, lang, category, rewrites, equivalent, why, patterns, perMessage, mixedWith, registers, byRegister } = e;
      const exceptions = e.exceptions ?? [];
      // Each reader's rewrites, without the examples an Entry's variants carry.
      const variants = byRegister && Object.fromEntries(Object.entries(byRegister).map(([r, v]) => [r, { rewrites: v!.rewrites }]));
      return {
        entry: {
          id,
          lang,
          category,
          rewrites,
          equivalent,
          why,
          ...(perMessage ? { perMessage } : {}),
          ...(mixedWith ? { mixedWith } : {}),
          ...(registers ? { registers } : {}),
          ...(variants ? { byRegister: variants } : {}),
        },
        t: [patterns.map((p) => triggersOf(e, p)), exceptions.map((p) => triggersOf(e, p))],
        p: JSON.stringify([patterns.map((p) => bodyOf(e, p)), exceptions.map((p) => bodyOf(e, p))]),
      };
    }),
  };
}

export class StaleArtefactError extends Error {
  constructor(found: unknown) {
    super(
      `the precompiled phrasebook has format ${String(found)}, this code reads format ${PRECOMPILED_FORMAT}: ` +
        'rebuild it with "npm run phrasebook:compile"',
    );
    this.name = 'StaleArtefactError';
  }
}

/** The artefact as the engine's input; throws StaleArtefactError for another format. */
export function specsFromPrecompiled(book: PrecompiledPhrasebook): EntrySpecs[] {
  if (book?.format !== PRECOMPILED_FORMAT) throw new StaleArtefactError(book?.format);
  return book.entries.map(({ entry, t, p }) => {
    let bodies: [PatternBody[], PatternBody[]] | undefined;
    const body = (field: 0 | 1, i: number) => (bodies ??= JSON.parse(p) as [PatternBody[], PatternBody[]])[field][i];
    const spec = (field: 0 | 1, triggers: string[] | null, i: number): PatternSpec => ({
      triggers: triggers ?? undefined,
      compile: () =>
        entry.lang === 'en'
          ? compileEnglishPattern(unpackParsed(body(field, i) as Parameters<typeof unpackParsed>[0]))
          : // Exactly what a source-built engine compiles.
            specOf(entry, field ? 'exceptions' : 'patterns', false, body(field, i) as string).compile(),
    });
    return { entry, patterns: t[0].map((tr, i) => spec(0, tr, i)), exceptions: t[1].map((tr, i) => spec(1, tr, i)) };
  });
}
