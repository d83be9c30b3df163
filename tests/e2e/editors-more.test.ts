import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITORS, type EditorCase, frameOf, markBox, marked, OPTIONAL_SITES } from './editors-more';
import { type Harness, card, enableSite, launch, pause } from './harness';
import { analyze } from '../../src/engine';
import { applyRewrite, previewText } from '../../src/engine/apply';

// What the extension must do is what the engine says, run here in Node on the same draft: the
// phrase it marks, and the draft after each of its first two rewrites.
const DRAFT = "Hi Ken. This method doesn't work. Thanks!";
const [FINDING] = analyze(DRAFT);
if (!FINDING || FINDING.rewrites.length < 2) throw new Error(`the phrasebook no longer flags "${DRAFT}" with two rewrites`);
const BLUNT = FINDING.text;
const AFTER_1 = applyRewrite(DRAFT, FINDING, 0);
const AFTER_2 = applyRewrite(DRAFT, FINDING, 1);
const SENTENCE_1 = previewText(DRAFT, FINDING, 0);

// The same phrase between a bold name and a link (tests/e2e/fixtures/lib/formatted.ts).
const FORMATTED = "Hi Ken. This method doesn't work. See the doc.";
const [FORMATTED_FINDING] = analyze(FORMATTED);
if (FORMATTED_FINDING?.text !== BLUNT) throw new Error(`"${FORMATTED}" no longer flags "${BLUNT}"`);
const FORMATTED_AFTER = applyRewrite(FORMATTED, FORMATTED_FINDING, 0);
const COMPOSED = 'それはできません';

let h: Harness;
beforeAll(async () => {
  h = await launch({ grantHosts: OPTIONAL_SITES });
  for (const site of OPTIONAL_SITES) await enableSite(h, site);
});
afterAll(() => h?.close());

const cardIn = (frame: Frame) => card(frame);

async function clickAt(page: Page, frame: Frame, c: EditorCase, point: { x: number; y: number }) {
  let { x, y } = point;
  if (c.frame) {
    const box = (await page.locator(c.frame).boundingBox())!;
    x += box.x + 1;
    y += box.y + 1;
  }
  await page.mouse.click(x, y);
}

async function isMarked(frame: Frame, c: EditorCase, phrase = BLUNT): Promise<boolean> {
  const m = await marked(frame, c);
  return typeof m === 'number' ? m > 0 : m.includes(phrase);
}

/** What the user sees of the formatting: is "Ken" bold, is "the doc" a link, and is the rewrite neither. */
function formattingOf(frame: Frame, c: EditorCase, rewrite: string) {
  return frame.locator(c.field).evaluate((field, rewrite) => {
    const bold = (el: Element | null) => !!el && Number(getComputedStyle(el).fontWeight) >= 600;
    const texts: Text[] = [];
    const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    const ken = texts.find((t) => t.data.includes('Ken'));
    const link = field.querySelector('a[href="https://example.com/doc"]');
    const words = rewrite.split(/\s+/).filter((w) => w.length > 3);
    const inRewrite = texts.filter((t) => words.some((w) => t.data.includes(w)));
    return {
      kenBold: bold(ken?.parentElement ?? null) && ken!.data.trim() === 'Ken',
      link: link?.textContent ?? null,
      rewritePlain: inRewrite.length > 0 && inRewrite.every((t) => !bold(t.parentElement) && !t.parentElement!.closest('a')),
    };
  }, rewrite);
}

async function fresh(page: Page, c: EditorCase, query = ''): Promise<Frame> {
  await page.goto('about:blank');
  await page.goto(`${c.url}${query}`);
  return frameOf(page, c);
}

describe.each(EDITORS)('$name', (c) => {
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    page = await h.open(c.url);
    frame = await frameOf(page, c);
  });
  afterAll(() => page?.close());

  it('marks a blunt phrase as it is typed, without a single mutation in the editor', async () => {
    await frame.locator(c.field).click({ position: { x: 8, y: 8 } });
    await page.keyboard.type(DRAFT);
    await expect.poll(() => isMarked(frame, c), { timeout: 3000 }).toBe(true);
    expect(await c.model(frame)).toBe(DRAFT);

    // Re-marking (an input with no change, a scroll, a resize) must not touch the editor's DOM.
    await frame.evaluate((selector) => {
      const el = document.querySelector(selector) ?? document.querySelector('x-composer')!.shadowRoot!.querySelector(selector)!;
      const w = window as unknown as { kuukiMutations: number };
      w.kuukiMutations = 0;
      new MutationObserver((list) => (w.kuukiMutations += list.length)).observe(el, {
        subtree: true, childList: true, characterData: true, attributes: true,
      });
      el.dispatchEvent(new Event('input', { bubbles: true }));
      window.dispatchEvent(new Event('resize'));
    }, c.field);
    await page.waitForTimeout(500);
    expect(await isMarked(frame, c)).toBe(true);
    expect(await frame.evaluate(() => (window as unknown as { kuukiMutations: number }).kuukiMutations)).toBe(0);
  });

  it('opens the card by click; Replace updates the editor’s model; Ctrl+Z restores it', async () => {
    const point = await markBox(frame, c, BLUNT);
    expect(point).not.toBeNull();
    await clickAt(page, frame, c, point!);
    await cardIn(frame).waitFor();
    expect(await cardIn(frame).textContent()).toContain(BLUNT);
    // The card shows the whole sentence as it will be sent.
    expect(await cardIn(frame).getByRole('option').first().textContent()).toBe(SENTENCE_1);

    await pause(page);
    await cardIn(frame).getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => c.model(frame)).toBe(AFTER_1);
    await cardIn(frame).waitFor({ state: 'detached' });

    await pause(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => c.model(frame)).toBe(DRAFT);
    await expect.poll(() => isMarked(frame, c), { timeout: 3000 }).toBe(true);
  });

  it('opens the nearest card with Alt+Shift+K; arrows choose, Enter replaces, the caret ends after it', async () => {
    await pause(page);
    await page.keyboard.press('Alt+Shift+K');
    await cardIn(frame).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => c.model(frame)).toBe(AFTER_2);
    await pause(page);
    await page.keyboard.type('X');
    const end = FINDING.start + FINDING.rewrites[1]!.length;
    await expect.poll(() => c.model(frame)).toBe(`${AFTER_2.slice(0, end)}X${AFTER_2.slice(end)}`);
  });

  it.runIf(c.formatted)('keeps the bold word and the link around the phrase through Replace and Ctrl+Z', async () => {
    frame = await fresh(page, c, '?formatted');
    await expect.poll(() => c.model(frame)).toBe(FORMATTED);
    await frame.locator(c.field).click({ position: { x: 4, y: 4 } });
    await expect.poll(() => isMarked(frame, c), { timeout: 3000 }).toBe(true);
    const point = await markBox(frame, c, BLUNT);
    await clickAt(page, frame, c, point!);
    await cardIn(frame).waitFor();
    await pause(page);
    await cardIn(frame).getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => c.model(frame)).toBe(FORMATTED_AFTER);
    const rewrite = FORMATTED_FINDING!.rewrites[0]!;
    expect(await formattingOf(frame, c, rewrite)).toEqual({ kenBold: true, link: 'the doc', rewritePlain: true });

    await pause(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => c.model(frame)).toBe(FORMATTED);
    expect(await formattingOf(frame, c, BLUNT)).toEqual({ kenBold: true, link: 'the doc', rewritePlain: true });
  });

  it('leaves an IME composition alone: no analysis, no card, the text as composed', async () => {
    frame = await fresh(page, c);
    await frame.locator(c.field).click({ position: { x: 8, y: 8 } });
    await page.keyboard.type(`${DRAFT} `);
    await expect.poll(() => isMarked(frame, c), { timeout: 3000 }).toBe(true);
    const before = await marked(frame, c);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: COMPOSED, selectionStart: COMPOSED.length, selectionEnd: COMPOSED.length });
    await page.waitForTimeout(600);
    expect(await marked(frame, c)).toEqual(before);
    // Kuuki's shortcut does nothing mid-composition.
    await page.keyboard.press('Alt+Shift+K');
    await page.waitForTimeout(300);
    expect(await cardIn(frame).count()).toBe(0);
    await cdp.send('Input.insertText', { text: `${COMPOSED}。` });
    await expect.poll(() => c.model(frame)).toBe(`${DRAFT} ${COMPOSED}。`);
    await cdp.detach();
  });
});
