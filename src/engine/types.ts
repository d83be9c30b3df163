import type { Category, Lang, Register } from '../phrasebook/schema';

/** One blunt phrase found in a text. Offsets are UTF-16 indices into the analysed text. */
export interface Finding {
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  text: string;
  entryId: string;
  lang: Lang;
  category: Category;
  /** Softer forms, ready to insert in place of `text`: the writer's words carried over, casing and punctuation fitted. */
  rewrites: string[];
  /** For each rewrite, the [start, end) ranges of it that are the writer's own words; the rest is what Kuuki changed. */
  kept: [number, number][][];
  /** For each rewrite: it keeps the phrase as written and adds words around it, rather than replacing it. */
  adds: boolean[];
  /** The sentence the phrase is in, [start, end) in the analysed text: the card shows it as it will read. */
  sentence: { start: number; end: number };
  /** The soft form in the other language. */
  equivalent: string;
  why: string;
  /** True for the user's own rewrites. */
  custom: boolean;
}

export interface AnalyzeOptions {
  /** Languages to check; default both. */
  langs?: readonly Lang[];
  /** Entry ids never to report. */
  ignoredEntries?: readonly string[];
  /** Phrases never to report, compared after normalisation (case, width, apostrophes). */
  ignoredPhrases?: readonly string[];
  /** Who the text is written to: entries and rewrites follow the reader's rank. Default: a manager. */
  register?: Register;
}

/** A pattern that could not be compiled, with the entry and field at fault. */
export class PatternError extends Error {
  constructor(
    readonly entryId: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`entry "${entryId}" ${field}: ${reason}`);
    this.name = 'PatternError';
  }
}
