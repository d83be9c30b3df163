import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';

/** Where the demo page is served: a Slack address, so the content script runs as it would on Slack. */
export const DEMO_URL = 'https://app.slack.com/kuuki-demo/';

/**
 * Bundles the demo page's script (real Quill from npm) and has the browser context answer the
 * demo's requests itself: no network; every other request is refused.
 */
export async function serveDemo(context: BrowserContext): Promise<void> {
  const demoDir = resolve('scripts/demo');
  const bundle = join(mkdtempSync(join(tmpdir(), 'kuuki-demo-')), 'demo.js');
  await build({ entryPoints: [join(demoDir, 'demo.ts')], bundle: true, outfile: bundle, loader: { '.css': 'text' }, logLevel: 'warning' });
  await context.route(/^https?:/, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/kuuki-demo/' || path === '/kuuki-demo/index.html')
      return route.fulfill({ body: readFileSync(join(demoDir, 'index.html')), contentType: 'text/html; charset=utf-8' });
    if (path === '/kuuki-demo/demo.js') return route.fulfill({ body: readFileSync(bundle), contentType: 'text/javascript' });
    return route.abort();
  });
}
