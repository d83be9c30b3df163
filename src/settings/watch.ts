import { browser } from 'wxt/browser';

/** Calls back when any stored key that `mine` claims changes (in sync or local). */
export function watchKeys(mine: (area: string, key: string) => boolean, onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'sync' || area === 'local') && Object.keys(changes).some((k) => mine(area, k))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
