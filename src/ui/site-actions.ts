import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE } from '../background/sites';
import type { Settings } from '../settings/schema';
import { toggleSite } from '../settings/sites';
import { updateSettings } from '../settings/store';

/**
 * Turns Kuuki on or off for a site. Must be called straight from the user's click: the origin
 * permission is requested before anything else is awaited, as browsers require.
 */
export async function setSiteEnabled(
  settings: Settings,
  hostname: string,
  on: boolean,
  tabId?: number,
): Promise<'done' | 'denied'> {
  const plan = toggleSite(settings, hostname, on);
  if (plan.request) {
    const granted = await browser.permissions.request({ origins: [plan.request] }).catch(() => false);
    if (!granted) return 'denied';
  }
  await updateSettings(plan.change);
  if (plan.release) await browser.permissions.remove({ origins: [plan.release] }).catch(() => false);
  // Newly granted: start in the open tab now rather than on its next load.
  if (plan.request && tabId !== undefined)
    await browser.scripting
      .executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] })
      .catch(() => undefined);
  return 'done';
}
