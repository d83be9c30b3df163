/**
 * `npm run screenshots`: the store screenshots, 1280×800, in English and Japanese, into store/.
 * Builds Kuuki, loads it into Chromium (with --lang, so the browser speaks the language too), sets
 * Kuuki's UI language in the popup as a user would, and photographs the demo page (scripts/demo,
 * `?lang=ja` for the Japanese drafts) with the card open, and the popup's phrasebook.
 * Japanese needs a CJK font (Debian: apt-get install -y fonts-noto-cjk); the script refuses without one.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CATALOGUES } from '../src/i18n/messages';
import { DEMO_URL, serveDemo } from './demo/serve';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = resolve('.output/chrome-mv3');
const OUT = resolve('store/screenshots');
const VIEWPORT = { width: 1280, height: 800 };

/** Per language: which mark to open in the compose box, and what to look up in the phrasebook. */
const SHOTS = {
  en: { phrase: 'doesn\'t work', search: 'ASAP' },
  ja: { phrase: 'やめるべきです', search: 'できません' },
} as const;
type Lang = keyof typeof SHOTS;

function requireCjkFont(): void {
  let families = '';
  try {
    families = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  } catch {
    return; // No fontconfig (macOS, Windows): the system has Japanese fonts.
  }
  if (!families.trim()) {
    console.error('No Japanese font, so the Japanese screenshots would show empty boxes. On Debian/Ubuntu: apt-get install -y fonts-noto-cjk');
    process.exit(1);
  }
}

async function launch(lang: Lang): Promise<{ context: BrowserContext; id: string; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'kuuki-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: lang === 'ja' ? 'ja-JP' : 'en-US',
    colorScheme: 'light',
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', `--lang=${lang}`, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  await serveDemo(context);
  return { context, id: new URL(worker.url()).host, profile };
}

/** Chooses Kuuki's UI language in the popup's settings, as a user would. */
async function chooseUiLanguage(context: BrowserContext, id: string, lang: Lang): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByRole('tab').last().click();
  await popup.locator('#set-ui-lang').selectOption(lang);
  await popup.getByRole('tab', { name: CATALOGUES[lang].tabSettings }).waitFor();
  await popup.close();
}

/** The demo with the card open on one phrase of the Gmail-like compose box. */
async function shootCard(context: BrowserContext, lang: Lang, file: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(lang === 'ja' ? `${DEMO_URL}?lang=ja` : DEMO_URL);
  const box = await page.waitForFunction((phrase) => {
    const ranges = [...(CSS.highlights.get('kuuki-blunt') ?? [])] as Range[];
    const range = ranges.find((r) => r.toString().includes(phrase));
    if (!range || ranges.length < 3) return null; // wait until every field is marked
    const rect = range.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }, SHOTS[lang].phrase, { timeout: 15_000 });
  const { x, y } = (await box.jsonValue())!;
  await page.mouse.click(x, y);
  await page.locator('kuuki-root').locator('[role="dialog"]').waitFor();
  await page.mouse.move(5, 5); // no hover state on a button in the picture
  await page.waitForTimeout(300);
  await page.screenshot({ path: file });
  await page.close();
}

/**
 * The popup's phrasebook with one entry open, over the demo page it was opened on, where the
 * toolbar shows it (top right). Both are real renders, put side by side in one picture.
 */
async function shootPopup(context: BrowserContext, id: string, lang: Lang, file: string): Promise<void> {
  const demo = await context.newPage();
  await demo.goto(lang === 'ja' ? `${DEMO_URL}?lang=ja` : DEMO_URL);
  await demo.waitForFunction(() => (CSS.highlights.get('kuuki-blunt')?.size ?? 0) >= 3, null, { timeout: 15_000 });
  // Opened as a page, the popup is told which site it stands on (as the toolbar's popup knows it).
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 412, height: 580 });
  await popup.goto(`chrome-extension://${id}/popup.html?site=${new URL(DEMO_URL).hostname}`);
  await popup.locator('#pb-search').fill(SHOTS[lang].search);
  await popup.locator('#pb-results [role="option"]').first().click();
  // The entry's heading takes focus for screen readers; its ring would read as a text box here.
  await popup.waitForFunction(() => document.activeElement?.id === 'detail-title');
  await popup.evaluate(() => (document.activeElement as HTMLElement).blur());
  await popup.waitForTimeout(300);
  const images = { page: await demo.screenshot(), popup: await popup.screenshot() };
  const frame = await context.newPage();
  await frame.setContent(
    `<body style="margin:0;width:${VIEWPORT.width}px;height:${VIEWPORT.height}px;position:relative;overflow:hidden">
      <img src="data:image/png;base64,${images.page.toString('base64')}" style="display:block">
      <img src="data:image/png;base64,${images.popup.toString('base64')}"
        style="position:absolute;top:8px;right:24px;border-radius:8px;box-shadow:0 6px 24px rgb(0 0 0 / .28)"></body>`,
  );
  await frame.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  await frame.screenshot({ path: file });
  for (const p of [frame, demo, popup]) await p.close();
}

requireCjkFont();
execSync('npx wxt build', { stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });
for (const lang of Object.keys(SHOTS) as Lang[]) {
  const { context, id, profile } = await launch(lang);
  try {
    await chooseUiLanguage(context, id, lang);
    const card = join(OUT, `${lang}-1-card.png`);
    await shootCard(context, lang, card);
    const popup = join(OUT, `${lang}-2-phrasebook.png`);
    await shootPopup(context, id, lang, popup);
    console.log(`${card}\n${popup}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
