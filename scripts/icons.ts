/**
 * `npm run icons`: renders store/icon.svg to the toolbar and store icons in public/icon/ (16, 32,
 * 48, 128 px), where WXT finds them for the manifest. Chromium draws the SVG, so the PNGs match
 * what a browser would paint; the 128 px icon keeps Chrome Web Store's transparent margin (art
 * about 96 px). `--preview FILE` also writes a sheet of every size on light and dark toolbars.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128] as const;
/** Transparent margin around the 16-grid art, per size (the art already keeps 1/16 of its own). */
const INSET: Record<number, number> = { 16: 0, 32: 0, 48: 0, 128: 8 };
const TOOLBARS = ['#ffffff', '#f1f3f4', '#dee1e6', '#35363a', '#202124', '#2b2a33'];

const svg = readFileSync(resolve('store/icon.svg'), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const outDir = resolve('public/icon');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    const inset = INSET[size]!;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0;background:transparent"><img src="${src}" style="display:block;margin:${inset}px;width:${size - 2 * inset}px;height:${size - 2 * inset}px"></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(resolve(outDir, `${size}.png`), await page.screenshot({ omitBackground: true }));
    console.log(`public/icon/${size}.png`);
  }

  const previewAt = process.argv.indexOf('--preview');
  if (previewAt > 0) {
    const file = resolve(process.argv[previewAt + 1] ?? 'icon-preview.png');
    const png = (size: number) => `data:image/png;base64,${readFileSync(resolve(outDir, `${size}.png`)).toString('base64')}`;
    const cells = (zoom: number) =>
      TOOLBARS.map(
        (bg) =>
          `<div style="background:${bg};padding:${6 * zoom}px;display:flex;gap:${6 * zoom}px;align-items:center">${SIZES.map(
            (s) => `<img src="${png(s)}" style="width:${s * zoom}px;image-rendering:pixelated">`,
          ).join('')}</div>`,
      ).join('');
    await page.setViewportSize({ width: 900, height: 900 });
    await page.setContent(`<body style="margin:0;display:flex"><div>${cells(1)}</div><div>${cells(3)}</div></body>`);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
} finally {
  await browser.close();
}
