import { browser } from 'wxt/browser';
import type { Request, Responses } from '../messages';

/**
 * Asks the background. Its service worker may be asleep or restarting (after an update, or
 * before onInstalled finished), so a failed request is retried briefly rather than assumed lost.
 */
export async function ask<R extends Request>(request: R): Promise<Responses[R['type']]> {
  let lastError: unknown;
  for (const wait of [0, 50, 150, 400, 1000]) {
    if (wait) await new Promise((r) => setTimeout(r, wait));
    try {
      const answer = (await browser.runtime.sendMessage(request)) as Responses[R['type']] | undefined;
      if (answer !== undefined) return answer;
    } catch (e) {
      lastError = e;
      if (!browser.runtime?.id) break; // the extension was removed or updated: this page's script is orphaned
    }
  }
  throw lastError ?? new Error('Kuuki: the background did not answer');
}
