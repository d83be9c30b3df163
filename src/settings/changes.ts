import { browser } from 'wxt/browser';

/**
 * Tells a page that Kuuki's settings, custom rewrites or never-flag list changed. Light on
 * purpose (no schema code) so the content script stays small; the background reads the values.
 */
export function onStoredDataChanged(callback: () => void, signal: AbortSignal): void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'sync' || area === 'local') callback();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
