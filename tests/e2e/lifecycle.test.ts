/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { type Harness, card, highlightedTexts, launch, overlayMarks } from './harness';

// Kuuki's life in a page is the extension's, not the page's: a page cannot switch it off or
// learn it is there, a tab shares the engine fairly with others, and UI left by an extension that
// was reloaded goes away by itself. (The reload test is last: it restarts the extension.)
const SLACK = 'https://app.slack.com/kuuki-test/';
const BLUNT = "This method doesn't work.";

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(() => h?.close());

async function typeInto(page: Page, selector: string, text: string) {
  await page.locator(selector).click({ position: { x: 8, y: 8 } });
  await page.keyboard.type(text);
}

describe('the page cannot switch Kuuki off or see it start', () => {
  it('ignores a "newer script started" event the page dispatches, and posts the page no message', async () => {
    const page = await h.context.newPage();
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { kuukiMessages: unknown[] }).kuukiMessages = seen;
      window.addEventListener('message', (e) => seen.push(e.data));
    });
    await page.goto(`${SLACK}textarea.html`);
    await expect.poll(() => page.locator('kuuki-root').count()).toBe(1);
    // What WXT's content-script context listens for, as a page would forge it.
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
    }, h.extensionId);
    await page.waitForTimeout(300);
    await typeInto(page, '#draft', BLUNT);
    await expect.poll(() => overlayMarks(page).count()).toBeGreaterThan(0);
    expect(await page.locator('kuuki-root').count()).toBe(1);
    const messages = await page.evaluate(() => (window as unknown as { kuukiMessages: unknown[] }).kuukiMessages);
    // Only the page's own forged message: nothing from Kuuki.
    expect(messages).toHaveLength(1);
    await page.close();
  });
});

describe('fields longer than one request', () => {
  it('analyses a window around the caret, and follows the caret', async () => {
    const page = await h.open(`${SLACK}textarea.html`);
    const filler = Array.from({ length: 1200 }, (_, i) => `Line ${i} of the project notes is fine.`).join('\n');
    const text = `${BLUNT}\n${filler}\nIn the end, ${BLUNT}`;
    await page.locator('#draft').fill(text);
    await page.locator('#draft').evaluate((el: HTMLTextAreaElement) => {
      el.setSelectionRange(el.value.length, el.value.length);
      el.focus();
    });
    await page.keyboard.type(' ');
    // Near the caret: marked. 48 000 characters before it, the first sentence waits.
    await expect.poll(() => overlayMarks(page).count()).toBe(1);
    await page.locator('#draft').evaluate((el: HTMLTextAreaElement) => {
      el.scrollTop = 0;
      el.setSelectionRange(3, 3);
    });
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await overlayMarks(page).first().boundingBox())?.y ?? 0).toBeLessThan(200);
    await page.close();
  });

  it('marks one tab’s phrase while another tab holds a long, dense text', async () => {
    const busy = await h.open(`${SLACK}textarea.html`);
    const dense = Array.from({ length: 2500 }, (_, i) => `それは${i}無理です。`).join('');
    await busy.locator('#draft').fill(dense);
    await busy.locator('#draft').press('End');
    await busy.keyboard.type('。');
    const quiet = await h.open(`${SLACK}quill.html`);
    await typeInto(quiet, '.ql-editor', BLUNT);
    await expect.poll(() => highlightedTexts(quiet)).toEqual(analyze(BLUNT).map((f) => f.text));
    await quiet.close();
    await busy.close();
  });
});

describe('after the extension is reloaded', () => {
  it('removes the card, marks and badge the old version left in an open tab', async () => {
    const page = await h.open(`${SLACK}quill.html`);
    await typeInto(page, '.ql-editor', BLUNT);
    await expect.poll(() => highlightedTexts(page)).not.toEqual([]);
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor();
    await h.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => page.locator('kuuki-root').count(), { timeout: 8000 }).toBe(0);
    expect(await highlightedTexts(page)).toEqual([]);
    await page.close();
  });
});
