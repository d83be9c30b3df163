import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyRewrite } from '../../src/engine/apply';
import { type Harness, badge, card, launch, overlayMarks, pause } from './harness';

const URL = 'https://app.slack.com/kuuki-test/textarea.html';
let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(() => h?.close());

describe('plain textarea', () => {
  it('marks a blunt phrase, opens the card by click, replaces with undo', async () => {
    const page = await h.open(URL);
    const draft = page.locator('#draft');
    await draft.click();
    const text = "Hi Ken. This method doesn't work. Thanks!";
    const [finding] = analyze(text);
    await page.keyboard.type(text);
    await expect.poll(() => overlayMarks(page).count()).toBeGreaterThan(0);
    await expect.poll(() => badge(page).textContent()).toBe('1');

    const box = (await overlayMarks(page).first().boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await card(page).waitFor();
    expect(await card(page).textContent()).toContain(finding!.text);
    expect(await card(page).textContent()).toContain(finding!.equivalent);

    await pause(page);
    await card(page).getByRole('button', { name: 'Replace' }).click();
    const replaced = applyRewrite(text, finding!);
    await expect.poll(() => draft.inputValue()).toBe(replaced);
    expect(await draft.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(finding!.start + finding!.rewrites[0]!.length);
    await expect.poll(() => overlayMarks(page).count()).toBe(0);

    await page.keyboard.press('Control+z');
    await expect.poll(() => draft.inputValue()).toBe(text);
  });
});
