import { defaultEngine } from '../engine';
import { compileEntry } from '../engine/engine';
import type { Finding } from '../engine/types';
import { ANALYSIS_CAP } from '../messages';
import type { Lang, Register } from '../phrasebook/schema';
import { AnalysisQueue, generatorWork } from './analysis-queue';
import { getCustomRewrites, toEntry, watchCustomRewrites } from '../settings/custom-rewrites';
import { getNeverFlag, getSettings, watchNeverFlag, watchSettings } from '../settings/store';

/**
 * The one engine for all tabs. The service worker may be suspended at any time, so everything
 * is rebuilt lazily from storage on the first request after it wakes, and kept until storage
 * says it changed (analysis requests come at every pause in typing, in every tab).
 */
interface Options {
  langs: Lang[];
  ignoredPhrases: string[];
}

let ready: Promise<void> | undefined;
let options: Promise<Options> | undefined;

let customLoads = 0;

async function loadCustom(): Promise<void> {
  const load = ++customLoads;
  const stored = await getCustomRewrites();
  // Rewrites saved again meanwhile win: an older read finishing last must not put back its list.
  if (load !== customLoads) return;
  const entries = stored.map(toEntry).filter((entry) => {
    try {
      // One rewrite whose pattern no longer compiles must not switch off the others.
      compileEntry(entry, true);
      return true;
    } catch (e) {
      console.warn(`Kuuki: skipping custom rewrite ${entry.id}: ${(e as Error).message}`);
      return false;
    }
  });
  defaultEngine().setCustomEntries(entries);
}

async function loadOptions(): Promise<Options> {
  const [settings, neverFlag] = await Promise.all([getSettings(), getNeverFlag()]);
  return { langs: settings.langs, ignoredPhrases: neverFlag.map((n) => n.phrase) };
}

export function ensureEngine(): Promise<void> {
  return (ready ??= loadCustom());
}

/** Reloads what analysis depends on when the popup or a page changes it. */
export function watchEngineSources(): void {
  watchCustomRewrites(() => {
    ready = loadCustom();
  });
  const forgetOptions = () => {
    options = undefined;
  };
  watchSettings(forgetOptions);
  watchNeverFlag(forgetOptions);
}

const queue = new AnalysisQueue<Finding[]>();

/**
 * Analyses a page's text, taking turns with every other tab's; `key` names the tab, frame and
 * field, whose newer request supersedes this one; `register` is who it is written to. Text past
 * ANALYSIS_CAP is not analysed.
 */
export async function analyzeForPage(
  text: string,
  key: string,
  register?: Register,
): Promise<{ findings: Finding[]; superseded?: boolean }> {
  const [, { langs, ignoredPhrases }] = await Promise.all([ensureEngine(), (options ??= loadOptions())]);
  const steps = defaultEngine().analyzeInSteps(text.slice(0, ANALYSIS_CAP), { langs, ignoredPhrases, register });
  const outcome = await queue.run(key, generatorWork(steps));
  return outcome.done ? { findings: outcome.value } : { findings: [], superseded: true };
}
