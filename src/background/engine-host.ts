import { defaultEngine } from '../engine';
import { compileEntry } from '../engine/engine';
import type { Finding } from '../engine/types';
import type { Lang } from '../phrasebook/schema';
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

async function loadCustom(): Promise<void> {
  const entries = (await getCustomRewrites()).map(toEntry).filter((entry) => {
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

export async function analyzeForPage(text: string): Promise<Finding[]> {
  const [, { langs, ignoredPhrases }] = await Promise.all([ensureEngine(), (options ??= loadOptions())]);
  return defaultEngine().analyze(text, { langs, ignoredPhrases });
}
