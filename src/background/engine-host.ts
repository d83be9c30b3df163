import { defaultEngine, phraseKey } from '../engine';
import { compileEntry } from '../engine/engine';
import type { Finding } from '../engine/types';
import { getCustomRewrites, toEntry, watchCustomRewrites } from '../settings/custom-rewrites';
import type { Settings } from '../settings/schema';
import { getNeverFlag, getSettings } from '../settings/store';

/**
 * The one engine for all tabs. The service worker may be suspended at any time, so everything
 * is rebuilt lazily from storage on the first request after it wakes.
 */
let ready: Promise<void> | undefined;

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

export function ensureEngine(): Promise<void> {
  return (ready ??= loadCustom());
}

export function watchEngineSources(onChange: () => void): void {
  watchCustomRewrites(() => {
    ready = loadCustom();
    void ready.then(onChange);
  });
}

export async function analyzeForPage(text: string, settings?: Settings): Promise<Finding[]> {
  await ensureEngine();
  const [s, neverFlag] = await Promise.all([settings ?? getSettings(), getNeverFlag()]);
  return defaultEngine().analyze(text, { langs: s.langs, ignoredPhrases: neverFlag.map((n) => n.phrase) });
}

export { phraseKey };
