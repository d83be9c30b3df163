/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, badge, card, launch, overlayMarks, pause } from './harness';
import { inKuuki } from './kuuki-ui';

/**
 * The host page is not trusted. Each test is one attack written as a page's own script would
 * write it (page.evaluate and addInitScript run in the page's main world), and checks that the
 * page learns nothing of the user's and that nothing happens on its behalf — while Kuuki keeps
 * working for the user's own input (page.mouse / page.keyboard: trusted events).
 *
 * "A script holding Kuuki's nodes" (untrustedClick, untrustedEnter) stands for the one party that
 * can open a closed root, another extension's content script (chrome.dom.openOrClosedShadowRoot);
 * even with the nodes, its events have isTrusted false.
 */
const SLACK = 'https://app.slack.com/kuuki-test/';
const GMAIL = 'https://mail.google.com/kuuki-test/';
const BLUNT = "This method doesn't work.";
/** The user's own rewrite: what people fill with internal names. The page must never see it. */
const PATTERN = 'the heron rollout is a disaster';
const SECRET = 'BLUEHERON-7731';
const REWRITE = `the heron rollout (${SECRET}) needs more care`;
const DRAFT = `Honestly, ${PATTERN}.`;

let h: Harness;
beforeAll(async () => {
  h = await launch();
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?site=app.slack.com&tab=mine`);
  await popup.getByRole('button', { name: 'Add a rewrite' }).click();
  await popup.locator('#rw-patterns').fill(PATTERN);
  await popup.locator('#rw-rewrites').fill(REWRITE);
  await popup.locator('form.editor button[type="submit"]').click();
  await popup.getByRole('button', { name: 'Add a rewrite' }).waitFor();
  await popup.close();
});
afterAll(() => h?.close());

/** Never-flag phrases as stored (sync and device copy). */
const neverFlagged = () =>
  h.worker.evaluate(async () => {
    const all = { ...(await chrome.storage.local.get(null)), ...(await chrome.storage.sync.get(null)) };
    return JSON.stringify(Object.entries(all).filter(([k]) => /never/i.test(k)).sort());
  });

async function openWith(url: string, beforePageScripts?: () => void): Promise<Page> {
  const page = await h.context.newPage();
  if (beforePageScripts) await page.addInitScript(beforePageScripts);
  await page.goto(url);
  return page;
}

/** Types the draft into the textarea as a person does and waits for its mark. */
async function typed(page: Page, text = DRAFT): Promise<{ x: number; y: number }> {
  await page.locator('#draft').click();
  await page.keyboard.type(text);
  await expect.poll(() => overlayMarks(page).count()).toBeGreaterThan(0);
  const box = (await overlayMarks(page).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Opens the card with a person's click on the mark. */
async function openByClick(page: Page, at: { x: number; y: number }) {
  await page.mouse.click(at.x, at.y);
  await card(page).waitFor();
}

const draft = (page: Page) => page.locator('#draft').inputValue();

describe("nothing of the user's is readable by the page", () => {
  it("the open card (the user's own rewrite) is out of the page's reach: no shadowRoot, not in innerText", async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    await openByClick(page, await typed(page));
    expect(await card(page).textContent()).toContain(SECRET); // the user sees it
    const seen = await page.evaluate(() => {
      const host = document.querySelector('kuuki-root, [data-kuuki-root]');
      return {
        host: !!host,
        shadow: host?.shadowRoot?.textContent ?? null,
        page: `${document.documentElement.innerText}\n${document.documentElement.textContent}`,
      };
    });
    expect(seen.host).toBe(true);
    expect(seen.shadow).toBeNull();
    expect(seen.page).not.toContain(SECRET);
    await page.close();
  });

  it('a page that defines <kuuki-root> before Kuuki starts gets nothing through ElementInternals', async () => {
    const page = await openWith(`${SLACK}textarea.html`, () => {
      const w = window as unknown as { stolen: ElementInternals[] };
      w.stolen = [];
      customElements.define(
        'kuuki-root',
        class extends HTMLElement {
          constructor() {
            super();
            w.stolen.push(this.attachInternals());
          }
        },
      );
    });
    await openByClick(page, await typed(page));
    expect(await card(page).textContent()).toContain(SECRET); // Kuuki still works
    const seen = await page.evaluate(() =>
      (window as unknown as { stolen: ElementInternals[] }).stolen.map((i) => i.shadowRoot?.textContent ?? null),
    );
    expect(seen.filter((t) => t?.includes(SECRET))).toEqual([]);
    await page.close();
  });

  it('a page that wraps attachShadow before Kuuki starts captures no root (Kuuki runs in its own world)', async () => {
    const page = await openWith(`${SLACK}textarea.html`, () => {
      const w = window as unknown as { captured: ShadowRoot[] };
      w.captured = [];
      const original = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = original.call(this, { ...init, mode: 'open' });
        w.captured.push(root);
        return root;
      };
    });
    await openByClick(page, await typed(page));
    expect(await card(page).textContent()).toContain(SECRET);
    const seen = await page.evaluate(() => (window as unknown as { captured: ShadowRoot[] }).captured.map((r) => r.textContent));
    expect(seen).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('kuuki-root')?.shadowRoot ?? null)).toBeNull();
    await page.close();
  });
});

describe('only the user acts', () => {
  it("a page's synthetic click on the mark opens no card (a person's click does)", async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    const at = await typed(page, BLUNT);
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
    }, at);
    await page.waitForTimeout(600);
    expect(await card(page).count()).toBe(0);
    await openByClick(page, at); // the same point, clicked by a person
    await page.close();
  });

  it("a page's synthetic mousemove over the mark opens no hover card", async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    const at = await typed(page, BLUNT);
    await page.mouse.move(5, 5);
    await page.evaluate(({ x, y }) => {
      for (let i = 0; i < 5; i++)
        document.elementFromPoint(x, y)!.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x + i, clientY: y }));
    }, at);
    await page.waitForTimeout(800);
    expect(await card(page).count()).toBe(0);
    await page.mouse.move(at.x, at.y);
    await card(page).waitFor(); // a person's hover does
    await page.close();
  });

  it("a page's synthetic Alt+Shift+K opens no card and leaves focus in the field", async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    await typed(page, BLUNT);
    await page.evaluate(() => {
      const init = { key: 'K', code: 'KeyK', altKey: true, shiftKey: true, bubbles: true, composed: true, cancelable: true };
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', init));
      window.dispatchEvent(new KeyboardEvent('keydown', init));
    });
    await page.waitForTimeout(400);
    expect(await card(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('draft');
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor(); // the person's shortcut does
    await page.close();
  });

  it('synthetic Enter and arrows in an open card replace nothing, even from a script holding its nodes', async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    await typed(page, BLUNT);
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor();
    await page.evaluate(() => {
      for (const key of ['ArrowDown', 'Enter'])
        for (const target of [document.activeElement!, document, window])
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    });
    await card(page).getByRole('listbox').untrustedEnter();
    await page.waitForTimeout(400);
    expect(await draft(page)).toBe(BLUNT);
    expect(await card(page).count()).toBe(1);
    expect(await card(page).locator('.option.chosen').textContent()).toBe(await card(page).getByRole('option').first().textContent());
    await pause(page, 300);
    await page.keyboard.press('Enter'); // the person's Enter replaces
    await expect.poll(() => draft(page)).not.toBe(BLUNT);
    await page.close();
  });

  it("a script's click() on Replace changes nothing in the field", async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    await openByClick(page, await typed(page, BLUNT));
    await card(page).getByRole('button', { name: 'Replace' }).untrustedClick();
    await page.waitForTimeout(400);
    expect(await draft(page)).toBe(BLUNT);
    await card(page).getByRole('option').first().untrustedClick();
    await page.waitForTimeout(400);
    expect(await draft(page)).toBe(BLUNT);
    expect(await card(page).count()).toBe(1);
    await page.close();
  });

  it("a script's click() on Ignore ignores nothing", async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    await openByClick(page, await typed(page, BLUNT));
    await card(page).getByRole('button', { name: 'Ignore' }).untrustedClick();
    await page.waitForTimeout(400);
    expect(await overlayMarks(page).count()).toBeGreaterThan(0);
    expect(await badge(page).textContent()).toBe('1');
    expect(await card(page).count()).toBe(1);
    await page.close();
  });

  it("a script's click() on Never flag writes nothing to storage.sync", async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    const before = await neverFlagged();
    await openByClick(page, await typed(page, BLUNT));
    await card(page).getByRole('button', { name: 'Never flag this' }).untrustedClick();
    await page.waitForTimeout(600);
    expect(await neverFlagged()).toBe(before);
    expect(await badge(page).textContent()).toBe('1');
    // The badge and close button answer only a person too.
    await card(page).getByRole('button', { name: 'Close' }).untrustedClick();
    expect(await card(page).count()).toBe(1);
    await page.close();
  });

  it("a script's click() on the badge opens no card", async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    await typed(page, BLUNT);
    await badge(page).untrustedClick();
    await page.waitForTimeout(400);
    expect(await card(page).count()).toBe(0);
    await badge(page).click();
    await card(page).waitFor();
    await page.close();
  });

  it('postMessage, custom events and chrome.runtime from the page make Kuuki do nothing, and it keeps working', async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    const before = await neverFlagged();
    const at = await typed(page, BLUNT);
    const reach = await page.evaluate(async (id) => {
      const asks = [
        { type: 'never-flag', text: "doesn't work", entryId: 'en-doesnt-work' },
        { type: 'open-card' },
        { type: 'soften-selection' },
        { type: 'refresh' },
        { type: `${id}:content:wxt:content-script-started`, contentScriptName: 'content', messageId: 'x' },
      ];
      for (const m of asks) {
        window.postMessage(m, '*');
        window.dispatchEvent(new CustomEvent(m.type, { detail: m }));
        document.dispatchEvent(new CustomEvent(m.type, { detail: m }));
      }
      window.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content' } }));
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no chrome.runtime.sendMessage';
      try {
        await runtime.sendMessage(id, asks[0]);
        return 'sent';
      } catch (e) {
        return `refused: ${(e as Error).message}`;
      }
    }, h.extensionId);
    expect(reach).not.toBe('sent');
    await page.waitForTimeout(1500); // past the orphan check
    expect(await card(page).count()).toBe(0);
    expect(await neverFlagged()).toBe(before);
    // Still running: a new phrase is marked and a person's click opens the card.
    await page.keyboard.type(' Why did you do that?');
    await expect.poll(() => badge(page).textContent()).toBe('2');
    await openByClick(page, at);
    await page.close();
  });

  it('a page overriding execCommand and Selection.prototype and deleting CSS.highlights neither stops nor steers Kuuki', async () => {
    const page = await openWith(`${GMAIL}gmail.html`, () => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      document.execCommand = (...args: unknown[]) => {
        w.seen.push(`execCommand ${String(args[0])}`);
        return false;
      };
      for (const name of ['addRange', 'removeAllRanges', 'collapse', 'setBaseAndExtent'] as const) {
        Object.defineProperty(Selection.prototype, name, {
          value: () => w.seen.push(`Selection.${name}`),
          configurable: true,
        });
      }
      delete (CSS as { highlights?: unknown }).highlights;
    });
    const body = page.locator('[aria-label="Message Body"] > div').first();
    await body.click();
    await page.keyboard.type(BLUNT);
    // Marks are drawn (the registry is the document's; Kuuki's world still has CSS.highlights).
    const rect = async () =>
      inKuuki(page.mainFrame(), () => {
        const h = CSS.highlights.get('kuuki-blunt');
        const r = h && ([...h] as Range[])[0]?.getClientRects()[0];
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      });
    await expect.poll(rect).not.toBeNull();
    expect(await page.evaluate(() => 'highlights' in CSS)).toBe(false);
    await pause(page, 300);
    const at = (await rect())!;
    await page.mouse.click(at.x, at.y);
    await card(page).waitFor();
    const option = (await card(page).getByRole('option').first().textContent())!;
    await card(page).getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => body.innerText()).toBe(option);
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
    await page.close();
  });
});

interface AXNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
  properties?: { name: string; value: { value?: unknown } }[];
}

describe('assistive technology still reaches the closed root', () => {
  it("Chromium's accessibility tree has the badge, the dialog, its listbox (focused), options and buttons", async () => {
    const page = await openWith(`${SLACK}textarea.html`);
    await typed(page, BLUNT);
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const visible = nodes.filter((n) => !n.ignored);
    const named = (role: string) => visible.filter((n) => n.role?.value === role).map((n) => n.name?.value ?? '');
    expect(named('dialog')).toContain('Kuuki · softer phrasing');
    expect(named('button')).toEqual(expect.arrayContaining(['Kuuki: 1 phrase marked', 'Close', 'Replace', 'Ignore', 'Never flag this']));
    expect(named('option').length).toBeGreaterThanOrEqual(2);
    const listbox = visible.find((n) => n.role?.value === 'listbox');
    expect(listbox?.name?.value).toBeTruthy();
    expect(listbox?.properties?.find((p) => p.name === 'focused')?.value.value).toBe(true);
    await page.close();
  });
});
