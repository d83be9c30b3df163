/// <reference types="chrome" />
import type { CDPSession, Page } from 'playwright-core';
import type { Harness } from './harness';

/**
 * Stops the extension's service worker as the browser does after ~30 s idle: Target.closeTarget
 * on its target (from any page's CDP session) ends it; the next message from a page or the popup
 * starts a fresh one. Resolves once no service-worker target is left.
 */
export async function stopServiceWorker(cdp: CDPSession): Promise<void> {
  const workers = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker');
  for (const t of await workers()) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  for (let i = 0; i < 100 && (await workers()).length; i++) await new Promise((r) => setTimeout(r, 20));
  if ((await workers()).length) throw new Error('the service worker did not stop');
}

export async function serviceWorkerRunning(cdp: CDPSession): Promise<boolean> {
  return (await cdp.send('Target.getTargets')).targetInfos.some((t) => t.type === 'service_worker');
}

/** How long the background takes to answer one analysis request sent from an extension page. */
export function timeAnalysis(extensionPage: Page, text: string): Promise<{ ms: number; findings: number }> {
  return extensionPage.evaluate(async (text) => {
    const t0 = performance.now();
    const reply = (await chrome.runtime.sendMessage({ type: 'analyze', text })) as { findings: unknown[] };
    return { ms: performance.now() - t0, findings: reply.findings.length };
  }, text);
}

export const extensionPage = (h: Harness) => h.open(`chrome-extension://${h.extensionId}/popup.html`);
