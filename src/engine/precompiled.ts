import type { MatchableEntry } from '../phrasebook/schema';
import { type EntryInfo, type EntrySpecs, type PatternSpec, specOf } from './engine';
import { compileEnglishPattern, packParsed, parseEnglishPattern, unpackParsed } from './english';
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
export const PRECOMPILED_FORMAT = 3;

/** One pattern: English as compromise's parse (plain data), Japanese as written; `t` its triggers (null: none). */
export type PrecompiledPattern = { en: unknown; t: string[] | null } | { ja: string; t: string[] | null };

export interface PrecompiledEntry {
  entry: EntryInfo;
  patterns: PrecompiledPattern[];
  exceptions?: PrecompiledPattern[];
}

export interface PrecompiledPhrasebook {
  format: number;
  /** Hash of the source files it was made from (see src/phrasebook/source-hash.ts). */
  hash: string;
  entries: PrecompiledEntry[];
}

function precompilePattern(entry: MatchableEntry, pattern: string): PrecompiledPattern {
  if (entry.lang === 'en') return { en: packParsed(parseEnglishPattern(pattern)), t: englishTriggersOf(pattern) };
  return { ja: pattern, t: phraseTriggers(pattern) ?? null };
}

/** The artefact for built-in entries (already validated, and checked to compile). */
export function precompile(entries: readonly MatchableEntry[], hash: string): PrecompiledPhrasebook {
  return {
    format: PRECOMPILED_FORMAT,
    hash,
    entries: entries.map((e) => {
      // Named one by one: an Entry passed in as a MatchableEntry still carries its examples.
      const { id, lang, category, rewrites, equivalent, why, patterns, exceptions, perMessage, mixedWith, registers, byRegister } = e;
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
        patterns: patterns.map((p) => precompilePattern(e, p)),
        ...(exceptions?.length ? { exceptions: exceptions.map((p) => precompilePattern(e, p)) } : {}),
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

function specOfPrecompiled(entry: EntryInfo, field: 'patterns' | 'exceptions', p: PrecompiledPattern): PatternSpec {
  const triggers = p.t ?? undefined;
  if ('en' in p) return { compile: () => compileEnglishPattern(unpackParsed(p.en as Parameters<typeof unpackParsed>[0])), triggers };
  // Exactly what a source-built engine compiles, with the triggers it would work out.
  return { compile: specOf(entry, field, false, p.ja).compile, triggers };
}

/** The artefact as the engine's input; throws StaleArtefactError for another format. */
export function specsFromPrecompiled(book: PrecompiledPhrasebook): EntrySpecs[] {
  if (book?.format !== PRECOMPILED_FORMAT) throw new StaleArtefactError(book?.format);
  return book.entries.map(({ entry, patterns, exceptions }) => ({
    entry,
    patterns: patterns.map((p) => specOfPrecompiled(entry, 'patterns', p)),
    exceptions: (exceptions ?? []).map((p) => specOfPrecompiled(entry, 'exceptions', p)),
  }));
}
