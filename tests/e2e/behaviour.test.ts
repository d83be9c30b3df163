/// <reference types="chrome" />
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { previewText } from '../../src/engine/apply';
import { EXTENSION_DIR, type Harness, badge, card, highlightedTexts, launch, overlayMarks } from './harness';

const SLACK = 'https://app.slack.com/kuuki-test/';
const BLUNT = "This method doesn't work.";
// What the engine marks and suggests, run here in Node: the extension must show the same.
const phrases = (text: string) => analyze(text).map((f) => f.text);
const firstFinding = (text: string) => {
  const [f] = analyze(text);
  if (!f) throw new Error(`the phrasebook no longer flags "${text}"`);
  return f;
};

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(() => h?.close());

const quillText = (page: Page) =>
  page.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText().replace(/\n$/, ''));

async function typeInto(page: Page, selector: string, text: string) {
  await page.locator(selector).click({ position: { x: 8, y: 8 } });
  await page.keyboard.type(text);
}

/** Writes the extension's stored settings as a newer save would (storage.sync "prefs", layout 3). */
async function setSettings(value: Record<string, unknown>) {
  const at = Date.now();
  const items = {
    prefs: { version: 3, chunks: 1, checksum: `test${at}`, updatedAt: at },
    'prefs:0': { g: `test${at}`, e: Object.entries(value).map(([id, raw]) => ['r', id, at, raw]) },
  };
  await h.worker.evaluate((v) => chrome.storage.sync.set(v), items);
}

// The card (Esc, hover, looks), overlay scrolling and the IME guard run in both browsers: shared-cases.ts.

describe('Ignore and Never flag', () => {
  it('Ignore drops this occurrence; Never flag persists across reloads', async () => {
    const page = await h.open(`${SLACK}textarea.html`);
    await typeInto(page, '#draft', `${BLUNT} I want a promotion.`);
    await expect.poll(() => badge(page).textContent()).toBe('2');
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor();
    const first = await card(page).locator('.phrase').textContent();
    await card(page).getByRole('button', { name: 'Ignore' }).click();
    await expect.poll(() => badge(page).textContent()).toBe('1');

    await page.locator('#draft').focus();
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor();
    const second = await card(page).locator('.phrase').textContent();
    expect(second).not.toBe(first);
    await card(page).getByRole('button', { name: 'Never flag this' }).click();
    await expect.poll(() => badge(page).isHidden()).toBe(true);

    await page.reload();
    await typeInto(page, '#draft', `${first} ${second}`);
    await expect.poll(() => badge(page).textContent()).toBe('1');
    await page.locator('#draft').focus();
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor();
    expect(await card(page).locator('.phrase').textContent()).toBe(first);
    await page.close();
    // Forget the never-flag list on this device and in sync.
    await h.worker.evaluate(async () => {
      const keys = Object.keys(await chrome.storage.sync.get(null)).filter((k) => k.startsWith('neverFlag'));
      await chrome.storage.sync.remove(keys);
      await chrome.storage.local.remove('neverFlags:state');
    });
  });
});

describe('fields and sites left alone', () => {
  it('leaves quoted history in a Gmail reply alone', async () => {
    const page = await h.open('https://mail.google.com/kuuki-test/gmail.html');
    await typeInto(page, '[aria-label="Message Body"]', 'I want a promotion.');
    await expect.poll(() => highlightedTexts(page)).toEqual(phrases('I want a promotion.'));
    expect(await page.locator('.gmail_quote').innerText()).toContain(BLUNT);
    await page.close();
  });

  it('skips opted-out, password and read-only fields', async () => {
    const page = await h.open(`${SLACK}textarea.html`);
    for (const id of ['#optout', '#gramm', '#password']) await typeInto(page, id, BLUNT);
    await page.locator('#readonly').click();
    await page.waitForTimeout(800);
    expect(await overlayMarks(page).count()).toBe(0);
    expect(await badge(page).count()).toBe(0);
    await page.close();
  });

  it('shows nothing on a site the user turned off, and comes back when turned on', async () => {
    await setSettings({ disabledSites: ['app.slack.com'] });
    const page = await h.open(`${SLACK}textarea.html`);
    await typeInto(page, '#draft', BLUNT);
    await page.waitForTimeout(800);
    expect(await overlayMarks(page).count()).toBe(0);
    await setSettings({ disabledSites: [] });
    await page.locator('#draft').focus();
    await page.keyboard.type(' ');
    await expect.poll(() => overlayMarks(page).count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('Soften with Kuuki (context menu)', () => {
  it('shows rewrites for selected page text that cannot be edited, with copy instead of replace', async () => {
    const page = await h.open(`${SLACK}gmail-read.html`);
    await page.locator('#message').selectText();
    await h.worker.evaluate(async () => {
      // As the context menu does; without the "tabs" permission the test cannot see URLs, so it tells every tab.
      for (const tab of await chrome.tabs.query({}))
        await chrome.tabs.sendMessage(tab.id!, { type: 'soften-selection' }).catch(() => undefined);
    });
    await card(page).waitFor();
    const read = "Thanks for the draft. This method doesn't work. Let's talk tomorrow.";
    // The card offers the sentence after the change, to copy.
    expect(await card(page).textContent()).toContain(previewText(read, firstFinding(read), 0));
    expect(await card(page).getByRole('button', { name: 'Replace' }).count()).toBe(0);
    await page.close();
  });
});

describe('privacy', () => {
  it('forbids every connection in its policy, and its code calls no network API', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.content_security_policy.extension_pages).toContain("connect-src 'none'");
    expect(manifest.host_permissions ?? []).toEqual([]);
    const scripts = readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(scripts).toContain('background.js');
    for (const file of scripts)
      expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/);
  });

  it('makes no network request at all: every request in this run was a fixture page the test served', async () => {
    const page = await h.open(`${SLACK}textarea.html`);
    await typeInto(page, '#draft', `${BLUNT} それはできません。`);
    await expect.poll(() => overlayMarks(page).count()).toBe(2);
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => overlayMarks(page).count()).toBe(1);
    await page.close();
    expect(h.requests.length).toBeGreaterThan(0);
    expect(h.requests.filter((url) => !/^https:\/\/(app\.slack|mail\.google)\.com\/kuuki-test\//.test(url))).toEqual([]);
  });
});
