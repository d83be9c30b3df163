import { settleCustomRewrites } from '../settings/custom-rewrites';
import { settleSettings } from '../settings/store';
import { watchKeys } from '../settings/watch';

/**
 * The background pays what any extension page owes sync: a save interrupted by a popup that
 * closed, a write sync refused for a while, an old layout, or records another device's write
 * left out. Runs when the worker starts and whenever Kuuki's stored data changes.
 */
let timer: ReturnType<typeof setTimeout> | undefined;

async function settleAll(): Promise<void> {
  try {
    await settleSettings();
    await settleCustomRewrites();
  } catch (e) {
    console.warn('Kuuki: could not settle storage', e);
  }
}

export function keepStorageSettled(): void {
  void settleAll();
  watchKeys(
    (_area, key) => !key.startsWith('quarantine'),
    () => {
      clearTimeout(timer);
      timer = setTimeout(() => void settleAll(), 250);
    },
  );
}
