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

/** What the field shows: a text field's value, or an editable element's rendered text. */
const fieldText = (frame: DriverFrame, field: string) =>
  frame.evaluate((selector) => {
    const el = (document.querySelector(selector) ?? document.querySelector('x-composer')?.shadowRoot?.querySelector(selector)) as HTMLElement;
    return 'value' in el ? String((el as HTMLTextAreaElement).value) : el.innerText;
  }, field).then((text) => text.replace(/\u00a0/g, ' ')); // an editable's trailing space shows as a no-break space

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
      // The field shows the composition, open, where the caret was.
      expect(await fieldText(frame, c.field)).toContain(`${BLUNT} ${COMPOSING}`);
      await page.commit(COMMITTED);
      // The composition is the editor's and the IME's: Kuuki left the text exactly as composed.
      await expect.poll(() => c.model(frame)).toBe(`${BEFORE_IME}${COMMITTED}`);
      await expect.poll(() => marked(frame, c), { timeout: 3000 }).toEqual(expected(c, `${BEFORE_IME}${COMMITTED}`));
      await page.close();
    });
  });

  describe('the card', () => {
    const SLACK = 'https://app.slack.com/kuuki-test/';
    const phrases = (text: string) => analyze(text).map((f) => f.text);

    it('gives the caret back exactly where it was on Esc', async () => {
      const page = await d.open(`${SLACK}textarea.html`);
      await page.main.click('#draft', { x: 8, y: 8 });
      await page.type(`${BLUNT} See you.`);
      await expect.poll(() => page.main.ui('.mark').count()).toBeGreaterThan(0);
      await page.main.evaluate(() => (document.querySelector('#draft') as HTMLTextAreaElement).setSelectionRange(30, 30));
      await page.press('Alt+Shift+K');
      await page.main.ui('[role="dialog"]').waitFor();
      expect(await page.main.evaluate(() => document.activeElement?.tagName)).toBe('KUUKI-ROOT');
      await page.press('Escape');
      await page.main.ui('[role="dialog"]').waitFor({ state: 'detached' });
      await page.type('Z');
      expect(await page.main.evaluate(() => (document.querySelector('#draft') as HTMLTextAreaElement).value)).toBe(`${BLUNT} See Zyou.`);
      await page.close();
    });

    it('opens on hover and shows the equivalent and why; a second phrase gets its own mark', async () => {
      const page = await d.open(`${SLACK}quill.html`);
      const draft = `Hello. ${BLUNT} I want a promotion.`;
      await page.main.click('.ql-editor', { x: 8, y: 8 });
      await page.type(draft);
      const quill = EDITORS.find((e) => e.url.endsWith('quill.html'))!;
      await expect.poll(() => marked(page.main, quill)).toEqual(phrases(draft));
      await expect.poll(() => page.main.ui('.badge').textContent()).toBe('2');
      const promotion = analyze(draft)[1]!;
      const point = (await markBox(page.main, quill, promotion.text))!;
      await page.mouseMove(point.x, point.y);
      const card = page.main.ui('[role="dialog"]');
      await card.waitFor();
      const text = await card.textContent();
      expect(text).toContain(previewText(draft, promotion, 0));
      expect(text).toContain(promotion.equivalent);
      expect(text).toContain(promotion.why);
      await page.mouseMove(5, 5);
      await card.waitFor({ state: 'detached' });
      await page.close();
    });

    it('follows a dark page and is never styled by the host page', async () => {
      const page = await d.open(`${SLACK}textarea.html`);
      await page.main.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = `* { font-size: 40px !important; color: red !important; background: #111 !important; }
          div, button { display: none !important; } body { background: #111 !important; }`;
        document.head.append(style);
      });
      await page.main.click('#draft', { x: 8, y: 8 });
      await page.type(BLUNT);
      await expect.poll(() => page.main.ui('.mark').count()).toBeGreaterThan(0);
      await page.press('Alt+Shift+K');
      const card = page.main.ui('[role="dialog"]');
      await card.waitFor();
      const look = await card.evaluate((el) => ({
        dark: el.classList.contains('dark'),
        fontSize: getComputedStyle(el).fontSize,
        color: getComputedStyle(el).color,
        buttons: [...el.querySelectorAll('button')].map((b) => getComputedStyle(b).display),
      }));
      expect(look.dark).toBe(true);
      expect(look.fontSize).toBe('13px');
      expect(look.color).not.toBe('rgb(255, 0, 0)');
      expect(look.buttons.every((d) => d !== 'none')).toBe(true);
      await page.close();
    });

    it('keeps overlay marks on the phrase when the field scrolls, and hides them outside it', async () => {
      const page = await d.open(`${SLACK}textarea.html`);
      await page.main.click('#draft', { x: 8, y: 8 });
      await page.type(`${'Line of filler text.\n'.repeat(3)}${BLUNT}${'\nMore filler.'.repeat(12)}`);
      const scroll = (top: number) => page.main.evaluate((top) => void ((document.querySelector('#draft') as HTMLElement).scrollTop = top), top);
      const mark = page.main.ui('.mark');
      // Firefox scrolls the caret into view a frame after the last key: scroll again until it stays.
      await expect.poll(async () => (await scroll(0), mark.count())).toBe(1);
      const before = (await mark.boundingBox())!;
      await scroll(30);
      await expect.poll(async () => (await mark.boundingBox())?.y).toBeCloseTo(before.y - 30, 0);
      await scroll(400);
      await expect.poll(() => mark.count()).toBe(0);
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
