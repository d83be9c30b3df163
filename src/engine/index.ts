import builtin from '../phrasebook/generated/engine';
import { Engine } from './engine';
import { specsFromPrecompiled } from './precompiled';
import type { AnalyzeOptions, Finding } from './types';

export { Engine, phraseKey } from './engine';
export type { AnalyzeOptions, Finding } from './types';
export { PatternError } from './types';

/**
 * A new engine over the built-in phrasebook as precompiled at build time (no zod, no compromise
 * parser at start-up); patterns compile as sentences need them.
 */
export function builtinEngine(): Engine {
  return new Engine(specsFromPrecompiled(builtin), { lazy: true });
}

let engine: Engine | undefined;

/** The engine over the built-in phrasebook, created on first use. */
export function defaultEngine(): Engine {
  return (engine ??= builtinEngine());
}

export function analyze(text: string, options?: AnalyzeOptions): Finding[] {
  return defaultEngine().analyze(text, options);
}
