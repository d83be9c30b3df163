import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Worker, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, EXTENSION_DIR } from './harness';

/**
 * The built package as a store and a browser see it: the manifest's name, description and shortcut
 * in the browser's language (_locales), and the icons. Headless Chromium on Linux takes its
 * extension locale from --lang (LANGUAGE/LANG and --accept-lang leave it in English, checked).
 */
const built = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
const locale = (lang: string) => JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales', lang, 'messages.json'), 'utf8'));
const SIZES = [16, 32, 48, 128];

interface Browser {
  context: BrowserContext;
  worker: Worker;
  id: string;
  close(): Promise<void>;
}

async function launchIn(args: string[]): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'kuuki-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', ...args, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return {
    context,
    worker,
    id: new URL(worker.url()).host,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the browser shows for the extension: its name and description, the shortcut's label, the menu's title. */
const shown = (worker: Worker) =>
  worker.evaluate(async () => {
    const self = await chrome.management.getSelf();
    const commands = await chrome.commands.getAll();
    return {
      name: self.name,
      description: self.description,
      shortcut: commands.find((c) => c.name === 'open-card')?.description,
      menu: chrome.i18n.getMessage('softenMenu'),
    };
  });

describe('the built package', () => {
  it('names every __MSG_x__ of the manifest in both locales, and lists the icons', () => {
    const refs = [...JSON.stringify(built).matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1]!);
    expect(refs).toEqual(expect.arrayContaining(['extName', 'extDescription', 'commandOpenCard']));
    for (const lang of ['en', 'ja']) for (const ref of refs) expect(locale(lang)[ref], `${lang} lacks ${ref}`).toBeDefined();
    expect(built.default_locale).toBe('en');
    expect(built.icons).toEqual(Object.fromEntries(SIZES.map((s) => [String(s), `icon/${s}.png`])));
  });

  describe('in a Japanese browser (--lang=ja)', () => {
    let b: Browser;
    beforeAll(async () => {
      b = await launchIn(['--lang=ja']);
    });
    afterAll(() => b?.close());

    it('shows the name, description, shortcut and menu in Japanese', async () => {
      const ja = locale('ja');
      expect(await shown(b.worker)).toEqual({
        name: ja.extName.message,
        description: ja.extDescription.message,
        shortcut: ja.commandOpenCard.message,
        menu: ja.softenMenu.message,
      });
      expect(ja.extName.message).toBe('Kuuki — 空気を読む');
    });

    it('serves every icon at its size from chrome-extension://<id>/icon/', async () => {
      const page = await b.context.newPage();
      await page.goto(`chrome-extension://${b.id}/popup.html`);
      for (const size of SIZES) {
        const url = `chrome-extension://${b.id}/icon/${size}.png`;
        const dimensions = await page.evaluate(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          return [img.naturalWidth, img.naturalHeight];
        }, url);
        expect(dimensions, url).toEqual([size, size]);
      }
      // The toolbar button uses the mark too, not the browser's generic icon.
      expect(await b.worker.evaluate(() => chrome.runtime.getManifest().action?.default_icon)).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png' });
      await page.close();
    });
  });

  describe('in an English browser', () => {
    let b: Browser;
    beforeAll(async () => {
      b = await launchIn(['--lang=en-US']);
    });
    afterAll(() => b?.close());

    it('shows the English name, description, shortcut and menu', async () => {
      const en = locale('en');
      expect(await shown(b.worker)).toEqual({
        name: 'Kuuki — read the air',
        description: en.extDescription.message,
        shortcut: en.commandOpenCard.message,
        menu: en.softenMenu.message,
      });
    });
  });
});
