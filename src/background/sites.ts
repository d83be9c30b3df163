import { browser } from 'wxt/browser';
import type { Settings } from '../settings/schema';
import { originPattern } from '../settings/sites';

const SCRIPT_ID = 'kuuki-enabled-sites';
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/**
 * Sites the user turned on (beyond the defaults in the manifest) get the content script through
 * dynamic registration, limited to the origins the user granted.
 */
export async function syncSiteScripts(settings: Settings): Promise<void> {
  const granted = await browser.permissions.getAll();
  const origins = new Set(granted.origins ?? []);
  const matches = settings.enabledSites.map(originPattern).filter((o) => origins.has(o));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches,
      js: [CONTENT_SCRIPT_FILE],
      allFrames: true,
      // Also into the srcdoc / about:blank frames of those sites (TinyMCE's editable body), as the manifest's script.
      ...(import.meta.env.FIREFOX ? {} : { matchOriginAsFallback: true }),
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}
