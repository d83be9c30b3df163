import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyRewrite, previewText } from '../../src/engine/apply';
import type { Register } from '../../src/phrasebook/schema';
import { type Harness, card, highlightedTexts, launch, pause } from './harness';

// Who the user writes to: Slack starts at a teammate, Gmail at a manager; the card says which,
// and R switches it (saved for the site) and re-offers the rewrites. What the engine offers in
// Node for each register is what the card must show.
const SLACK = 'https://app.slack.com/kuuki-test/quill.html';
const GMAIL = 'https://mail.google.com/kuuki-test/gmail.html';
const REQUEST = '資料を修正してください。';
const ACK = '了解です。';

const findingIn = (text: string, register: Register) => {
  const [f] = analyze(text, { register });
  if (!f) throw new Error(`the phrasebook no longer flags "${text}" to a ${register}`);
  return f;
};

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(() => h?.close());

const quillText = (page: Page) =>
  page.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText().replace(/\n$/, ''));
const toButton = (page: Page) => card(page).locator('button.register');
const status = (page: Page) => card(page).getByRole('status');

async function typeInto(page: Page, selector: string, text: string) {
  await page.locator(selector).click({ position: { x: 8, y: 8 } });
  await page.keyboard.insertText(text);
}

describe('the register in the card', () => {
  it('on Slack writes to a teammate; R switches to a manager, the card re-offers, and Enter puts the manager rewrite in the editor', async () => {
    const teammate = findingIn(REQUEST, 'teammate');
    const manager = findingIn(REQUEST, 'manager');
    expect(teammate.rewrites[0]).not.toBe(manager.rewrites[0]);

    const page = await h.open(SLACK);
    await typeInto(page, '.ql-editor', REQUEST);
    await expect.poll(() => highlightedTexts(page)).toEqual([teammate.text]);
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor();
    expect(await toButton(page).textContent()).toBe('To: a teammate');
    expect(await toButton(page).evaluate((el) => el.getAttribute('aria-label'))).toBe('To: a teammate, switch reader (R)');
    expect(await card(page).textContent()).toContain(previewText(REQUEST, teammate, 0));

    await page.keyboard.press('r');
    await expect.poll(() => toButton(page).textContent()).toBe('To: a manager');
    await expect.poll(() => status(page).textContent()).toBe('Now writing to a manager.');
    await expect.poll(() => card(page).textContent()).toContain(previewText(REQUEST, manager, 0));
    expect(await card(page).textContent()).not.toContain(previewText(REQUEST, teammate, 0));

    await pause(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => quillText(page)).toBe(applyRewrite(REQUEST, manager, 0));
    await card(page).waitFor({ state: 'detached' });
    await page.close();

    // Saved for the site: Slack opens at a manager now.
    const again = await h.open(SLACK);
    await typeInto(again, '.ql-editor', REQUEST);
    await expect.poll(() => highlightedTexts(again)).toEqual([manager.text]);
    await again.keyboard.press('Alt+Shift+K');
    await card(again).waitFor();
    expect(await toButton(again).textContent()).toBe('To: a manager');
    await again.close();
  });

  it('on Gmail writes to a manager; 了解です is fine to a teammate, so the mark goes and a second R brings it back', async () => {
    const manager = findingIn(ACK, 'manager');
    expect(analyze(ACK, { register: 'teammate' })).toEqual([]);

    const page = await h.open(GMAIL);
    await typeInto(page, '#body', ACK);
    await expect.poll(() => highlightedTexts(page)).toEqual([manager.text]);
    await page.keyboard.press('Alt+Shift+K');
    await card(page).waitFor();
    expect(await toButton(page).textContent()).toBe('To: a manager');
    expect(await card(page).textContent()).toContain(previewText(ACK, manager, 0));

    await page.keyboard.press('r');
    await expect.poll(() => toButton(page).textContent()).toBe('To: a client');
    await expect.poll(() => card(page).textContent()).toContain(previewText(ACK, findingIn(ACK, 'client'), 0));

    await page.keyboard.press('r');
    await expect.poll(() => toButton(page).textContent()).toBe('To: a teammate');
    await expect.poll(() => status(page).textContent()).toBe('Fine when writing to a teammate.');
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    expect(await card(page).getByRole('listbox').count()).toBe(0);
    // Nothing to choose: focus stays on the switch, and the editor is untouched.
    expect((await page.locator('#body').innerText()).split('\n')[0]).toBe(ACK);

    await page.keyboard.press('r');
    await expect.poll(() => toButton(page).textContent()).toBe('To: a manager');
    await expect.poll(() => highlightedTexts(page)).toEqual([manager.text]);
    await expect.poll(() => card(page).textContent()).toContain(previewText(ACK, manager, 0));
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'detached' });
    await page.close();
  });
});
