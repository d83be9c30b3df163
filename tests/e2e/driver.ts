import type { CDPSession, Frame as PwFrame, Page as PwPage } from 'playwright-core';
import type { Frame as PpFrame, Page as PpPage } from 'puppeteer-core';
import { launchFirefox } from './firefox';
import { launch } from './harness';
import { type KuukiLocator, type KuukiTarget, chromiumTarget, kuukiUi } from './kuuki-ui';

/**
 * A browser-neutral way to act as a person on a page with Kuuki installed, so one list of
 * behaviour cases (tests/e2e/shared-cases.ts) runs in Chromium (Playwright, DevTools protocol)
 * and in Firefox (puppeteer-core, WebDriver BiDi). Input is real input in both: trusted events.
 */
export type BrowserName = 'chromium' | 'firefox';

/** Runs a function in the frame's main world, as the page's own script would. */
export interface Evaluator {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

export interface DriverFrame extends Evaluator {
  /** A person's click inside the element (open shadow roots pierced), `at` from its top-left. */
  click(selector: string, at?: { x: number; y: number }): Promise<void>;
  /** Elements inside Kuuki's closed shadow root in this frame. */
  ui(css: string): KuukiLocator;
  kuuki: KuukiTarget;
}

export interface DriverPage {
  main: DriverFrame;
  /** The frame of the iframe matching `selector`, loaded. */
  frame(selector: string): Promise<DriverFrame>;
  type(text: string): Promise<void>;
  /** Playwright's key syntax: "Control+z", "Alt+Shift+K", "ArrowDown". */
  press(keys: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  wait(ms: number): Promise<void>;
  /** Shows `text` as an open IME composition in the focused field, as a Japanese IME does. */
  compose(text: string): Promise<void>;
  /** Commits the open composition as `text`. */
  commit(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  browser: BrowserName;
  /** Every http(s) request made in this browser. */
  requests: string[];
  open(url: string): Promise<DriverPage>;
  openPopup(): Promise<DriverPage>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function pwFrame(frame: PwFrame): DriverFrame {
  const kuuki = chromiumTarget(frame);
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as (a: unknown) => never, arg),
    click: (selector, at) => frame.locator(selector).click(at ? { position: at } : {}),
    ui: (css) => kuukiUi(kuuki, css),
    kuuki,
  };
}

function pwPage(page: PwPage): DriverPage {
  let cdp: CDPSession | undefined;
  const session = async () => (cdp ??= await page.context().newCDPSession(page));
  return {
    main: pwFrame(page.mainFrame()),
    async frame(selector) {
      const frame = await (await page.waitForSelector(selector)).contentFrame();
      if (!frame) throw new Error(`no frame at ${selector}`);
      await frame.waitForLoadState();
      return pwFrame(frame);
    },
    type: (text) => page.keyboard.type(text),
    press: (keys) => page.keyboard.press(keys),
    mouseMove: (x, y) => page.mouse.move(x, y),
    wait: (ms) => page.waitForTimeout(ms),
    compose: async (text) =>
      void (await (await session()).send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })),
    commit: async (text) => void (await (await session()).send('Input.insertText', { text })),
    close: () => page.close(),
  };
}

async function chromium(): Promise<Driver> {
  const h = await launch();
  return {
    browser: 'chromium',
    requests: h.requests,
    open: async (url) => pwPage(await h.open(url)),
    async openPopup() {
      const page = await h.context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(`chrome-extension://${h.extensionId}/popup.html?site=app.slack.com`);
      await page.locator('[role="tablist"]').waitFor();
      return pwPage(page);
    },
    close: () => h.close(),
  };
}

/** Puppeteer names keys as Playwright does, but takes modifiers held down, not "A+B" chords. */
async function chord(page: PpPage, keys: string): Promise<void> {
  const parts = keys.split('+');
  const key = parts.pop()!;
  for (const m of parts) await page.keyboard.down(m as 'Shift');
  await page.keyboard.press(key as 'Enter');
  for (const m of parts.reverse()) await page.keyboard.up(m as 'Shift');
}

async function firefox(): Promise<Driver> {
  const h = await launchFirefox();
  const frameOf = (frame: PpFrame): DriverFrame => {
    const kuuki = h.target(frame);
    return {
      evaluate: (fn, arg) => frame.evaluate(fn as (a: unknown) => never, arg) as never,
      async click(selector, at) {
        // Puppeteer's "pierce/" looks inside open shadow roots, as Playwright's CSS does.
        const el = await frame.waitForSelector(`pierce/${selector}`);
        await el!.click(at ? { offset: at } : {});
      },
      ui: (css) => kuukiUi(kuuki, css),
      kuuki,
    };
  };
  const pageOf = (page: PpPage): DriverPage => ({
    main: frameOf(page.mainFrame()),
    async frame(selector) {
      const frame = await (await page.waitForSelector(selector))!.contentFrame();
      if (!frame) throw new Error(`no frame at ${selector}`);
      await frame.waitForFunction(() => document.readyState === 'complete');
      return frameOf(frame);
    },
    type: (text) => page.keyboard.type(text),
    press: (keys) => chord(page, keys),
    mouseMove: (x, y) => page.mouse.move(x, y),
    wait: sleep,
    compose: (text) => h.compose(text),
    commit: (text) => h.commit(text),
    close: () => page.close(),
  });
  return {
    browser: 'firefox',
    requests: h.requests,
    open: async (url) => pageOf(await h.open(url)),
    openPopup: async () => pageOf(await h.openPopup()),
    close: () => h.close(),
  };
}

export const launchDriver = (browser: BrowserName): Promise<Driver> => (browser === 'chromium' ? chromium() : firefox());
