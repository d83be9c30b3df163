import { builtinEntries } from '../phrasebook/builtin';
import { Engine } from './engine';
import type { AnalyzeOptions, Finding } from './types';

export { Engine, phraseKey } from './engine';
export type { AnalyzeOptions, Finding } from './types';
export { PatternError } from './types';

let engine: Engine | undefined;

/** The engine over the built-in phrasebook, created on first use; patterns compile as sentences need them. */
export function defaultEngine(): Engine {
  return (engine ??= new Engine(builtinEntries(), { lazy: true }));
}

export function analyze(text: string, options?: AnalyzeOptions): Finding[] {
  return defaultEngine().analyze(text, options);
}
