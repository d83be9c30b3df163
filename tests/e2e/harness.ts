import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { type BrowserContext, type Frame, type Page, type Worker, chromium } from 'playwright-core';
import { kuukiUi } from './kuuki-ui';

/**
 * One Chromium with the built extension loaded, for one test file. Fixture pages are answered by
 * Playwright itself at real site addresses (https://app.slack.com/…, https://mail.google.com/…),
 * so the content script runs as it would there, with no network at all. Every request is recorded.
 */
/** KUUKI_EXTENSION_DIR runs the tests against another build (say, the code before a fix). */
export const EXTENSION_DIR = resolve(process.env.KUUKI_EXTENSION_DIR ?? '.output/chrome-mv3');
export const FIXTURES_DIR = resolve('tests/e2e/fixtures');
export const FIXTURES_BUILD = resolve('tests/e2e/.build');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every http(s) request any page, frame or worker made. */
  requests: string[];
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

/** Serves tests/e2e/fixtures/NAME.html and tests/e2e/.build/NAME.js under any host's /kuuki-test/. */
function fixtureFile(pathname: string): string | null {
  const name = pathname.replace(/^\/kuuki-test\//, '');
  if (name === pathname || name.includes('..')) return null;
  return extname(name) === '.js' ? join(FIXTURES_BUILD, name) : join(FIXTURES_DIR, name);
}

/**
 * A copy of the built extension whose manifest grants these optional sites at install, as if the
 * user had accepted Chrome's permission prompt (which no test can click). Everything after the
 * prompt — the popup's switch, the registered content script, the site notes — is the real code.
 */
function withGrantedHosts(hostnames: string[], into: string): string {
  const dir = join(into, 'extension');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hostnames.map((h) => `*://${h}/*`)];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

export async function launch(options: { extension?: boolean; grantHosts?: string[] } = {}): Promise<Harness> {
  const profile = mkdtempSync(join(tmpdir(), 'kuuki-profile-'));
  const withExtension = options.extension !== false;
  const extensionDir = options.grantHosts?.length ? withGrantedHosts(options.grantHosts, profile) : EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    viewport: { width: 1100, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
  });
  const requests: string[] = [];
  context.on('request', (r) => {
    if (/^https?:/.test(r.url())) requests.push(r.url());
  });
  await context.route(/^https?:/, async (route) => {
    const url = new URL(route.request().url());
    const file = fixtureFile(url.pathname);
    if (!file) return route.fulfill({ status: 404, body: 'not a fixture' });
    try {
      const body = readFileSync(file);
      return route.fulfill({ status: 200, body, headers: { 'content-type': TYPES[extname(file)] ?? 'text/plain' } });
    } catch {
      return route.fulfill({ status: 404, body: `missing ${file}` });
    }
  });
  let worker = context.serviceWorkers()[0];
  if (withExtension && !worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = worker ? new URL(worker.url()).host : '';
  return {
    context,
    extensionId,
    worker: worker!,
    requests,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` holds (usable outside a test, in beforeAll). */
async function until(what: string, check: () => Promise<boolean>, timeout = 5000): Promise<void> {
  for (const deadline = Date.now() + timeout; !(await check()); await new Promise((r) => setTimeout(r, 100)))
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
}

/**
 * Turns Kuuki on for a suggested work app with one click in the popup's Settings list, as a user
 * does; then the background registers the content script for it.
 */
export async function enableSite(h: Harness, hostname: string): Promise<void> {
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await popup.getByRole('tab', { name: 'Settings' }).click();
  const box = popup.getByRole('checkbox', { name: hostname });
  await box.click();
  await until(`${hostname} ticked`, () => box.isChecked());
  await until(`the content script registered for ${hostname}`, async () =>
    (await h.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []))).includes(
      `*://${hostname}/*`,
    ),
  );
  await popup.close();
}

/** Highlighted texts of the CSS Custom Highlight registered by Kuuki, as the page's main world sees them. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('kuuki-blunt');
    return h ? [...h].map((r) => (r as Range).toString()) : [];
  });
}

/** The card, overlay marks and badge inside Kuuki's closed shadow root (reached from Kuuki's world). */
export const card = (page: Page | Frame) => kuukiUi(page, '[role="dialog"]');
export const overlayMarks = (page: Page | Frame) => kuukiUi(page, '.mark');
export const badge = (page: Page | Frame) => kuukiUi(page, '.badge');

/** A person pauses before reaching for undo; editors group fast edits into one undo step. */
export const pause = (page: Page, ms = 1100) => page.waitForTimeout(ms);
