import type { Engine } from '../engine/engine';
import type { MatchableEntry } from '../phrasebook/schema';

/**
 * The same engine the background runs, loaded into the popup only when "Try it" is opened:
 * compromise and the precompiled patterns are most of its weight and the other views do not need them.
 */
let loading: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  return (loading ??= import('../engine/index').then(({ builtinEngine }) => builtinEngine()));
}

/** Custom entries that compile; one that does not must not switch off the others. */
export async function usableCustomEntries(entries: readonly MatchableEntry[]): Promise<MatchableEntry[]> {
  const { compileEntry } = await import('../engine/engine');
  return entries.filter((entry) => {
    try {
      compileEntry(entry, true);
      return true;
    } catch {
      return false;
    }
  });
}
