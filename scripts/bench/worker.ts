/// <reference types="chrome" />
import type { CDPSession } from 'playwright-core';
import { type Harness, launch } from '../../tests/e2e/harness';
import { extensionPage, stopServiceWorker, timeAnalysis } from '../../tests/e2e/worker-stop';

/**
 * The cold paths of the extension, in Chromium: popup open → search box usable and → list shown;
 * service worker stopped → first analysis answered; the worker's JS heap after a 5,000-word draft.
 */

/** The worker's used JS heap, asked over CDP through its target (Runtime.getHeapUsage after a GC). */
async function workerHeap(cdp: CDPSession): Promise<number> {
  const sw = (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'service_worker');
  if (!sw) throw new Error('no service worker running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  let id = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const mine = ++id;
      const onMessage = (e: { sessionId: string; message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
        if (e.sessionId !== sessionId || m.id !== mine) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        resolve(m.result ?? {});
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method }) });
    });
  await call('HeapProfiler.collectGarbage');
  const { usedSize } = (await call('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.send('Target.detachFromTarget', { sessionId });
  return usedSize;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export interface ColdPaths {
  popupSearch: number[];
  popupList: number[];
  wake: number[];
  warm: number[];
  heapMB: number;
}

export async function measureColdPaths(draft: string, runs = 7): Promise<ColdPaths> {
  const h: Harness = await launch();
  const out: ColdPaths = { popupSearch: [], popupList: [], wake: [], warm: [], heapMB: 0 };
  const url = `chrome-extension://${h.extensionId}/popup.html`;
  const page = await extensionPage(h);
  const cdp = await h.context.newCDPSession(page);
  // A warm browser, as a user's is: the first open after launch (profile and worker still starting) is not counted.
  await page.goto(url);
  await page.locator('#pb-results .result').first().waitFor();
  for (let i = 0; i < runs; i++) {
    // From navigation start: the search box can take keys, then the first entries are listed.
    await page.goto(url);
    await page.locator('#pb-search').waitFor();
    out.popupSearch.push(await page.evaluate(() => performance.now()));
    await page.locator('#pb-results .result').first().waitFor();
    out.popupList.push(await page.evaluate(() => performance.now()));
  }
  for (let i = 0; i < runs; i++) {
    await stopServiceWorker(cdp);
    out.wake.push((await timeAnalysis(page, `This method doesn't work, run ${i}.`)).ms);
    out.warm.push((await timeAnalysis(page, `This method doesn't work, warm ${i}.`)).ms);
  }
  // A fresh worker, then the whole draft in requests of at most ANALYSIS_CAP characters.
  await stopServiceWorker(cdp);
  for (let at = 0; at < draft.length; at += 20_000) await timeAnalysis(page, draft.slice(at, at + 20_000));
  out.heapMB = (await workerHeap(cdp)) / 2 ** 20;
  await h.close();
  return out;
}

export function describeColdPaths(c: ColdPaths): string[] {
  const f = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms`;
  return [
    `popup open → search box usable: ${f(c.popupSearch)}; → entries listed: ${f(c.popupList)} (target < 150 ms)`,
    `service worker stopped → first analysis answered: ${f(c.wake)} (target p95 ≤ 300 ms); warm: ${f(c.warm)}`,
    `worker JS heap after analysing a 5,000-word draft: ${c.heapMB.toFixed(1)} MB (target < 60 MB)`,
  ];
}

// Run alone: npx tsx scripts/bench/worker.ts (after npx wxt build).
if (process.argv[1]?.endsWith('worker.ts')) {
  const sample = "Thanks for the update on the release. This method doesn't work for the billing service, so why don't we change this? ";
  for (const line of describeColdPaths(await measureColdPaths(sample.repeat(250)))) console.log(line);
}
