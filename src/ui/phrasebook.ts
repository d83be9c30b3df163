import type { DisplayEntry } from '../phrasebook/display';
import { CATEGORIES, type Category } from '../phrasebook/schema';
import { shownEntries } from '../phrasebook/shown';
import { type CustomRewrite, toEntry } from '../settings/custom-rewrites';
import type { BrowsableEntry } from './search';

/**
 * The built-in phrasebook, or why it could not be loaded: the popup still opens (the user's own
 * rewrites and the settings stay usable) and says what is wrong.
 */
export function builtinOrError(): { entries: DisplayEntry[]; error?: string } {
  try {
    return { entries: shownEntries() };
  } catch (e) {
    return { entries: [], error: e instanceof Error ? e.message : String(e) };
  }
}

/** Everything the phrasebook browser lists: the built-in entries, then the user's own. */
export function browsableEntries(custom: readonly CustomRewrite[]): BrowsableEntry[] {
  return [...builtinOrError().entries, ...custom.map((c) => ({ ...toEntry(c), custom: true }))];
}

/** Categories that have entries, in the phrasebook's order. */
export function usedCategories(entries: readonly BrowsableEntry[]): Category[] {
  const used = new Set(entries.map((e) => e.category));
  return CATEGORIES.filter((c) => used.has(c));
}
