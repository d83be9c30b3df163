/**
 * `npm start`: builds Kuuki, then opens Chromium (or Chrome) with it loaded on a demo page with a
 * Gmail-like compose box, a Slack-like composer and a plain textarea. The page is answered by the
 * launcher itself at https://app.slack.com/kuuki-demo/ — no network, and the content script runs
 * as it would on Slack. Without a display, it runs headless and saves a screenshot instead.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_URL, serveDemo } from './demo/serve';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
].filter((p): p is string => !!p);

const browserPath = CANDIDATES.find((p) => existsSync(p));
if (!browserPath) {
  console.error(`No Chromium or Chrome found. Install one, e.g.:
  Debian/Ubuntu:  sudo apt-get install -y chromium
  macOS:          brew install --cask chromium   (or install Google Chrome)
or point CHROMIUM_PATH at your browser's executable, then run npm start again.`);
  process.exit(1);
}

execSync('npx wxt build', { stdio: 'inherit' });

const extension = resolve('.output/chrome-mv3');
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kuuki-profile-')), {
  executablePath: browserPath,
  headless,
  viewport: headless ? { width: 1100, height: 820 } : null,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
  ],
});
await serveDemo(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(DEMO_URL);
console.log(`Kuuki is loaded in ${browserPath} on the demo page (${extension}).`);

if (headless) {
  const body = page.locator('[aria-label="Message Body"]');
  await body.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Per my last email, I need this ASAP.');
  await page.waitForTimeout(1500);
  await page.keyboard.press('Alt+Shift+K');
  await page.waitForTimeout(500);
  const shot = resolve('kuuki-demo.png');
  await page.screenshot({ path: shot });
  console.log(`No display here, so Kuuki ran headless: typed into the demo and saved ${shot}.`);
  await context.close();
} else {
  console.log('Close the browser window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
}
