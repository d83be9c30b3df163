import type { Entry } from './schema';

/**
 * What the popup shows of a built-in entry: everything but its near-misses (tests' material).
 * Made at build time by scripts/phrasebook-compile.ts, so the popup needs neither zod nor the
 * engine to list the phrasebook.
 */
export type DisplayEntry = Omit<Entry, 'nearMisses'>;

export const DISPLAY_FORMAT = 2;

export interface DisplayPhrasebook {
  format: number;
  hash: string;
  entries: DisplayEntry[];
}
