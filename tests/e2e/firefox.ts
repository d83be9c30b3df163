import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import type { KuukiTarget } from './kuuki-ui';
import { FIXTURES_BUILD, FIXTURES_DIR } from './harness';

/**
 * One Firefox ESR with the built extension installed, for one test file, driven by puppeteer-core
 * over WebDriver BiDi (Firefox dropped CDP). As in Chromium, fixture pages are answered by the
 * test itself at real site addresses (request interception), so nothing reaches the network.
 *
 * What CDP gives Chromium's tests, BiDi gives here:
 * - Kuuki's closed shadow root: BiDi serialises a node with `includeShadowTree: "all"` including
 *   its closed shadow root as a shared reference, which the test then passes to a function run in
 *   a BiDi sandbox (an isolated world the page cannot reach). Nothing in the extension helps.
 * - IME composition: with `--remote-allow-system-access`, BiDi can evaluate in the browser's own
 *   (chrome) window, where `nsITextInputProcessor` composes as an IME does: trusted composition
 *   events delivered to the focused field in the content process.
 * - The popup: that flag also lets a tab navigate to moz-extension:// pages; the extension's
 *   internal UUID is fixed through the `extensions.webextensions.uuids` pref.
 */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(process.env.KUUKI_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2');
const GECKO_ID = 'kuuki@kuuki.app';
const UUID = '6b75756b-6900-4000-8000-6b75756b6921';
export const FIREFOX_POPUP = `moz-extension://${UUID}/popup.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

export interface FirefoxHarness {
  browser: Browser;
  /** Every http(s) request any page or frame made. */
  requests: string[];
  open(url: string): Promise<Page>;
  openPopup(params?: string): Promise<Page>;
  target(frame: Frame): KuukiTarget;
  /** Shows `text` as an open IME composition in the focused field. */
  compose(text: string): Promise<void>;
  /** Commits the open composition as `text`. */
  commit(text: string): Promise<void>;
  close(): Promise<void>;
}

function answer(req: HTTPRequest): void {
  const url = new URL(req.url());
  if (!/^https?:$/.test(url.protocol)) {
    void req.continue();
    return;
  }
  const name = url.pathname.replace(/^\/kuuki-test\//, '');
  const file = name === url.pathname || name.includes('..') ? null : extname(name) === '.js' ? join(FIXTURES_BUILD, name) : join(FIXTURES_DIR, name);
  if (!file || !existsSync(file)) {
    void req.respond({ status: 404, body: file ? `missing ${file}` : 'not a fixture' });
    return;
  }
  void req.respond({ status: 200, body: readFileSync(file), headers: { 'content-type': TYPES[extname(file)] ?? 'text/plain' } });
}

/** The BiDi id of a puppeteer frame (its browsing context). */
const contextOf = (frame: Frame): string => (frame as unknown as { _id: string })._id;

export async function launchFirefox(): Promise<FirefoxHarness> {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: run "apt-get install -y firefox-esr" or set FIREFOX_PATH.`);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error('No Firefox build: run "npx wxt build -b firefox" first.');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1100, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // No update checks, telemetry or captive-portal probes: the run makes no request of its own.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  const requests: string[] = [];

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (/^https?:/.test(req.url())) requests.push(req.url());
      answer(req);
    });
    return page;
  }

  /** Runs `fnSource(roots, arg)` in a BiDi sandbox of `frame`, roots being Kuuki's closed shadow roots. */
  async function run<T>(frame: Frame, fnSource: string, arg: unknown): Promise<T | null> {
    const target = { context: contextOf(frame), sandbox: 'kuuki-test' };
    const hosts = await bidi.send('script.callFunction', {
      functionDeclaration: "() => [...document.querySelectorAll('kuuki-root, [data-kuuki-root]')]",
      target,
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const list = (hosts.result as { result?: { value?: { value?: { shadowRoot?: { sharedId: string } } }[] } }).result?.value ?? [];
    const roots = list.map((h) => h.value?.shadowRoot?.sharedId).filter((id): id is string => !!id);
    if (!roots.length) return null;
    const r = await bidi.send('script.callFunction', {
      // __name: what esbuild's keepNames (tsx) wraps named functions in, should the source carry it.
      functionDeclaration: `async (...roots) => {
        const __name = (f) => f;
        return JSON.stringify((await (${fnSource})(roots, ${JSON.stringify(arg ?? null)})) ?? null);
      }`,
      arguments: roots.map((sharedId) => ({ sharedId })),
      target,
      awaitPromise: true,
    });
    const out = r.result as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    if (out.type === 'exception') throw new Error(`in Kuuki's root: ${out.exceptionDetails?.text}`);
    return JSON.parse(out.result?.value ?? 'null') as T | null;
  }

  /** The browser window (chrome scope), where the test composes as an IME would. */
  async function chrome(expression: string): Promise<void> {
    const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = tree.result.contexts as { context: string; url: string }[];
    const win = contexts.find((c) => c.url.startsWith('chrome://browser/content/browser'));
    if (!win) throw new Error(`no browser window among ${contexts.map((c) => c.url).join(', ')}`);
    const r = await bidi.send('script.evaluate', { expression, target: { context: win.context }, awaitPromise: true });
    if ((r.result as { type: string }).type === 'exception') throw new Error(`in the browser window: ${JSON.stringify(r.result)}`);
  }

  return {
    browser,
    requests,
    async open(url) {
      const page = await newPage();
      await page.goto(url);
      return page;
    },
    async openPopup(params = 'site=app.slack.com') {
      const page = await newPage();
      await page.setViewport({ width: 380, height: 600 });
      // A moz-extension:// page fires no load event BiDi waits for; the popup's own tablist says it is up.
      await bidi.send('browsingContext.navigate', { context: contextOf(page.mainFrame()), url: `${FIREFOX_POPUP}?${params}`, wait: 'none' });
      await page.waitForSelector('[role="tablist"]');
      return page;
    },
    target(frame) {
      return {
        run: (fnSource, arg) => run(frame, fnSource, arg),
        async offset() {
          const owner = await frame.frameElement();
          if (!owner) return { x: 0, y: 0 };
          const box = (await owner.boundingBox())!;
          const border = await owner.evaluate((el) => ({ left: el.clientLeft, top: el.clientTop }));
          return { x: box.x + border.left, y: box.y + border.top };
        },
        click: (x, y) => frame.page().mouse.click(x, y),
      };
    },
    compose: (text) =>
      chrome(`(() => {
        const tip = Components.classes['@mozilla.org/text-input-processor;1'].createInstance(Components.interfaces.nsITextInputProcessor);
        if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
        const text = ${JSON.stringify(text)};
        tip.setPendingCompositionString(text);
        tip.appendClauseToPendingComposition(text.length, tip.ATTR_RAW_CLAUSE);
        tip.setCaretInPendingComposition(text.length);
        tip.flushPendingComposition();
        window.kuukiTestTip = tip;
      })()`),
    commit: (text) =>
      chrome(`(() => {
        const tip = window.kuukiTestTip;
        delete window.kuukiTestTip;
        tip.commitCompositionWith(${JSON.stringify(text)});
      })()`),
    async close() {
      await browser.close();
    },
  };
}
