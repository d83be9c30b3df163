import { useEffect, useState } from 'preact/hooks';
import type { DisplayEntry } from '../phrasebook/display';
import { CATEGORIES, type Category } from '../phrasebook/schema';
import { type CustomRewrite, toEntry } from '../settings/custom-rewrites';
import type { BrowsableEntry } from './search';

/** The built-in phrasebook, or why it could not be loaded. */
export interface Builtin {
  entries: DisplayEntry[];
  error?: string;
}

let loaded: Builtin | undefined;
let loading: Promise<Builtin> | undefined;

/**
 * The built-in entries as the popup shows them, in a chunk of their own loaded after the popup's
 * first paint (they are most of its weight). When they cannot be loaded the popup still works
 * (the user's own rewrites and the settings stay usable) and says what is wrong.
 */
export function loadBuiltin(): Promise<Builtin> {
  return (loading ??= import('../phrasebook/shown')
    .then(({ shownEntries }) => ({ entries: shownEntries() }))
    .catch((e: unknown) => ({ entries: [], error: e instanceof Error ? e.message : String(e) }))
    .then((b) => (loaded = b)));
}

/** The built-in phrasebook once loaded (undefined until then); starts loading it. */
export function useBuiltin(): Builtin | undefined {
  const [builtin, setBuiltin] = useState(loaded);
  useEffect(() => {
    if (!builtin) void loadBuiltin().then(setBuiltin);
  }, []);
  return builtin;
}

/** Everything the phrasebook browser lists: the built-in entries, then the user's own. */
export function browsableEntries(builtin: readonly DisplayEntry[], custom: readonly CustomRewrite[]): BrowsableEntry[] {
  return [...builtin, ...custom.map((c) => ({ ...toEntry(c), custom: true }))];
}

/** Categories that have entries, in the phrasebook's order. */
export function usedCategories(entries: readonly BrowsableEntry[]): Category[] {
  const used = new Set(entries.map((e) => e.category));
  return CATEGORIES.filter((c) => used.has(c));
}
