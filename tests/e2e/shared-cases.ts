import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyRewrite, previewText } from '../../src/engine/apply';
import { type BrowserName, type Driver, type DriverFrame, type DriverPage, launchDriver } from './driver';
import { EDITORS, type EditorCase } from './editors';

/**
 * The behaviour every editor must show, in every browser: one list of cases, run by
 * editors.test.ts (Chromium) and editors.firefox.test.ts (Firefox) — not a copy per browser.
 * docs/editors.md's table names these tests: "marks", "replace + undo", "keyboard",
 * "formatting kept", "IME guard", and the popup's "loads and searches".
 */

// What the extension must do is what the engine says, run here in Node on the same draft: the
// phrase it marks, and the draft after each of its first two rewrites.
const DRAFT = "Hi Ken. This method doesn't work. Thanks!";
const FINDING = analyze(DRAFT)[0]!;
if (!FINDING || FINDING.rewrites.length < 2) throw new Error(`the phrasebook no longer flags "${DRAFT}" with two rewrites`);
const BLUNT = FINDING.text;
const AFTER_1 = applyRewrite(DRAFT, FINDING, 0);
const AFTER_2 = applyRewrite(DRAFT, FINDING, 1);
const SENTENCE_1 = previewText(DRAFT, FINDING, 0);
// Japanese composed with an IME, after an English phrase that is already marked.
const BEFORE_IME = `${BLUNT} `;
const COMPOSING = 'それはできません';
const COMMITTED = 'それはできません。';

/** A person pauses before reaching for undo; editors group fast edits into one undo step. */
const PAUSE = 1100;

/** Where the marked phrase is drawn, in the page's viewport. */
async function markBox(frame: DriverFrame, c: EditorCase, phrase: string): Promise<{ x: number; y: number } | null> {
  if (!c.highlights) {
    const box = await frame.ui('.mark').boundingBox();
    return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  const point = await frame.evaluate((phrase) => {
    const h = CSS.highlights.get('kuuki-blunt');
    const range = h && ([...h] as Range[]).find((r) => r.toString().includes(phrase));
    const rect = range?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, phrase);
  if (!point) return null;
  const offset = await frame.kuuki.offset();
  return { x: point.x + offset.x, y: point.y + offset.y };
}

/** What is marked: highlighted texts (as the page sees CSS.highlights), or overlay boxes counted. */
async function marked(frame: DriverFrame, c: EditorCase): Promise<string[] | number> {
  if (!c.highlights) return frame.ui('.mark').count();
  return frame.evaluate(() => {
    const h = CSS.highlights.get('kuuki-blunt');
    return h ? ([...h] as Range[]).map((r) => r.toString()) : [];
  });
}

/** What the engine marks in `text`, in the form `marked` reads. */
const expected = (c: EditorCase, text: string): string[] | number => {
  const found = analyze(text);
  return c.highlights ? found.map((f) => f.text) : found.length;
};

async function isMarked(frame: DriverFrame, c: EditorCase, phrase = BLUNT): Promise<boolean> {
  const m = await marked(frame, c);
  return typeof m === 'number' ? m > 0 : m.includes(phrase);
}

/** Runs of bold text in the field, as the user sees them (computed weight, whatever the markup). */
const boldRuns = (frame: DriverFrame, field: string) =>
  frame.evaluate((selector) => {
    const el = document.querySelector(selector) ?? document.querySelector('x-composer')?.shadowRoot?.querySelector(selector);
    const runs: string[] = [];
    let last: Node | null = null;
    const walker = document.createTreeWalker(el!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const bold = Number(getComputedStyle(n.parentElement!).fontWeight) >= 600;
      if (!bold || !n.textContent) continue;
      if (last && last.parentElement === n.parentElement) runs[runs.length - 1] += n.textContent;
      else runs.push(n.textContent);
      last = n;
    }
    return runs;
  }, field);

async function openEditor(d: Driver, c: EditorCase): Promise<{ page: DriverPage; frame: DriverFrame }> {
  const page = await d.open(c.url);
  const frame = c.frame ? await page.frame(c.frame) : page.main;
  return { page, frame };
}

export function sharedCases(browser: BrowserName): void {
  let d: Driver;
  beforeAll(async () => {
    d = await launchDriver(browser);
  });
  afterAll(() => d?.close());

  describe.each(EDITORS)('$name', (c) => {
    let page: DriverPage;
    let frame: DriverFrame;
    const card = () => frame.ui('[role="dialog"]');

    beforeAll(async () => {
      ({ page, frame } = await openEditor(d, c));
    });
    afterAll(() => page?.close());

    it('marks: a blunt phrase is marked as it is typed, without a single mutation in the editor', async () => {
      await frame.click(c.field, { x: 8, y: 8 });
      await page.type(DRAFT);
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
      await page.wait(500);
      expect(await isMarked(frame, c)).toBe(true);
      expect(await frame.evaluate(() => (window as unknown as { kuukiMutations: number }).kuukiMutations)).toBe(0);
    });

    it('replace + undo: the card opens by click; Replace updates the editor’s model; Ctrl+Z restores it', async () => {
      const point = await markBox(frame, c, BLUNT);
      expect(point).not.toBeNull();
      await frame.kuuki.click(point!.x, point!.y);
      await card().waitFor();
      expect(await card().textContent()).toContain(BLUNT);
      // The card shows the whole sentence as it will be sent.
      expect(await card().getByRole('option').first().textContent()).toBe(SENTENCE_1);

      await page.wait(PAUSE);
      await card().getByRole('button', { name: 'Replace' }).click();
      await expect.poll(() => c.model(frame)).toBe(AFTER_1);
      await card().waitFor({ state: 'detached' });

      await page.wait(PAUSE);
      await page.press('Control+z');
      await expect.poll(() => c.model(frame)).toBe(DRAFT);
      await expect.poll(() => isMarked(frame, c), { timeout: 3000 }).toBe(true);
    });

    it('keyboard: Alt+Shift+K opens the nearest card; arrows choose, Enter replaces, the caret ends after it', async () => {
      await page.wait(PAUSE);
      await page.press('Alt+Shift+K');
      await card().waitFor();
      await page.press('ArrowDown');
      await page.press('Enter');
      await expect.poll(() => c.model(frame)).toBe(AFTER_2);
      await page.wait(PAUSE);
      await page.type('X');
      const end = FINDING.start + FINDING.rewrites[1]!.length;
      await expect.poll(() => c.model(frame)).toBe(`${AFTER_2.slice(0, end)}X${AFTER_2.slice(end)}`);
    });

    it.runIf(c.rich)('formatting kept: replacing a phrase leaves bold text bold, before and after undo', async () => {
      const { page, frame } = await openEditor(d, c);
      await frame.click(c.field, { x: 8, y: 8 });
      await page.type('Hi ');
      await page.press('Control+b');
      await page.type('Ken');
      await page.press('Control+b');
      await page.type(DRAFT.slice('Hi Ken'.length));
      expect(await c.model(frame)).toBe(DRAFT);
      expect(await boldRuns(frame, c.field)).toEqual(['Ken']);
      await expect.poll(() => isMarked(frame, c), { timeout: 3000 }).toBe(true);
      await page.wait(PAUSE);
      await page.press('Alt+Shift+K');
      await frame.ui('[role="dialog"]').waitFor();
      await page.press('Enter');
      await expect.poll(() => c.model(frame)).toBe(AFTER_1);
      expect(await boldRuns(frame, c.field)).toEqual(['Ken']);
      await page.wait(PAUSE);
      await page.press('Control+z');
      await expect.poll(() => c.model(frame)).toBe(DRAFT);
      expect(await boldRuns(frame, c.field)).toEqual(['Ken']);
      await page.close();
    });

    it('IME guard: nothing is analysed, marked or replaced while a composition is open', async () => {
      const { page, frame } = await openEditor(d, c);
      await frame.click(c.field, { x: 8, y: 8 });
      await page.type(BEFORE_IME);
      await expect.poll(() => marked(frame, c), { timeout: 3000 }).toEqual(expected(c, BEFORE_IME));
      await page.compose(COMPOSING);
      await page.wait(800);
      // The composing text (a blunt phrase once committed) is not marked yet…
      expect(await marked(frame, c)).toEqual(expected(c, BEFORE_IME));
      // …and Kuuki's shortcut does nothing mid-composition, though a phrase is marked.
      await page.press('Alt+Shift+K');
      await page.wait(300);
      expect(await frame.ui('[role="dialog"]').count()).toBe(0);
      await page.commit(COMMITTED);
      // The composition is the editor's and the IME's: Kuuki left the text exactly as composed.
      await expect.poll(() => c.model(frame)).toBe(`${BEFORE_IME}${COMMITTED}`);
      await expect.poll(() => marked(frame, c), { timeout: 3000 }).toEqual(expected(c, `${BEFORE_IME}${COMMITTED}`));
      await page.close();
    });
  });

  describe('popup', () => {
    it('loads and searches: the phrasebook finds entries in both languages', async () => {
      const page = await d.openPopup();
      const ids = () =>
        page.main.evaluate(() => [...document.querySelectorAll('#pb-results [role="option"]')].map((e) => e.getAttribute('data-entry')));
      await expect.poll(() => page.main.evaluate(() => document.activeElement?.id)).toBe('pb-search');
      await page.type("doesn't work");
      await expect.poll(async () => (await ids()).slice(0, 3)).toContain('en-this-doesnt-work');
      await page.main.evaluate(() => {
        (document.querySelector('#pb-search') as HTMLInputElement).select();
      });
      await page.type('できません');
      await expect.poll(async () => (await ids())[0]).toBe('ja-dekimasen');
      await page.close();
    });
  });

  describe('privacy', () => {
    it('makes no network request: every request in this run was a fixture page the test served', () => {
      expect(d.requests.length).toBeGreaterThan(0);
      // Browsers ask for a site's favicon on their own; the test answers it, as it does every request.
      const fixture = /^https:\/\/(app\.slack|mail\.google)\.com\/(kuuki-test\/|favicon\.ico$)/;
      expect(d.requests.filter((url) => !fixture.test(url))).toEqual([]);
    });
  });
}
