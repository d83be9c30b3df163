import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { previewText } from '../../src/engine/apply';
import { builtinEntries } from '../../src/phrasebook/builtin';
import { displayRewrite } from '../../src/ui/search';
import { type Harness, card, launch, overlayMarks } from './harness';

/**
 * The popup page of the built extension, opened as a tab (`?site=` stands in for the tab the
 * popup would be opened on). Screenshots of each view go to test-results/popup/.
 */
const FIXTURE = 'https://app.slack.com/kuuki-test/textarea.html';
const SHOTS = 'test-results/popup';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const SIZE = { width: 412, height: 580 };
const dekimasen = builtinEntries().find((e) => e.id === 'ja-dekimasen')!;

let h: Harness;
let popup: Page;
beforeAll(async () => {
  h = await launch();
  mkdirSync(SHOTS, { recursive: true });
  popup = await h.context.newPage();
});
afterAll(() => h?.close());

type Chrome = {
  storage: Record<'sync' | 'local', { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void>; clear(): Promise<void> }>;
};
const chromeOf = () => (globalThis as unknown as { chrome: Chrome }).chrome;

/** Sync items of a stored collection (layout 3) holding these records, as of now. */
function layoutItems(name: string, records: [string, unknown][]): Record<string, unknown> {
  const at = Date.now();
  return {
    [name]: { version: 3, chunks: 1, checksum: `test${at}`, updatedAt: at },
    [`${name}:0`]: { g: `test${at}`, e: records.map(([id, raw]) => ['r', id, at, raw]) },
  };
}

/** The records of a stored collection, by id (the newest of each). */
function recordsOf(sync: Record<string, unknown>, name: string): Record<string, unknown> {
  const out: Record<string, [number, unknown]> = {};
  for (const [k, v] of Object.entries(sync))
    if (k.startsWith(`${name}:`))
      for (const e of (v as { e: unknown[][] }).e)
        if (e[0] === 'r' && (out[e[1] as string]?.[0] ?? -1) < (e[2] as number)) out[e[1] as string] = [e[2] as number, e[3]];
  return Object.fromEntries(Object.entries(out).map(([id, [, raw]]) => [id, raw]));
}

/** Sets settings fields as a newer save would (replacing the stored settings). */
async function seedSettings(page: Page, fields: Record<string, unknown>) {
  await page.evaluate(
    async ({ src, items }) => {
      const chrome = new Function(`return (${src})()`)() as Chrome;
      await chrome.storage.sync.set(items);
    },
    { src: chromeOf.toString(), items: layoutItems('prefs', Object.entries(fields)) },
  );
}

/** Clears Kuuki's storage and sets the UI language (through the extension's own page). */
async function reset(uiLanguage: 'en' | 'ja' = 'en') {
  await openPopup();
  await popup.evaluate(
    async ({ uiLanguage, chromeOf }) => {
      const chrome = new Function(`return (${chromeOf})()`)() as Chrome;
      // Under Kuuki's own storage lock: a background settle that read before the clear must
      // not write its copy back after it (that leaked one test's rewrites into the next).
      await navigator.locks.request('kuuki-storage', async () => {
        await chrome.storage.sync.clear();
        await chrome.storage.local.clear();
        await chrome.storage.sync.set({ settings: { uiLanguage } });
      });
    },
    { uiLanguage, chromeOf: chromeOf.toString() },
  );
}

function snapshot(page: Page) {
  return page.evaluate(async (src) => {
    const chrome = new Function(`return (${src})()`)() as Chrome;
    return { sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) };
  }, chromeOf.toString());
}

async function openPopup(params = 'site=app.slack.com'): Promise<Page> {
  await popup.setViewportSize(SIZE);
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?${params}`);
  await popup.locator('[role="tablist"]').waitFor();
  return popup;
}

const tab = (page: Page, name: string | RegExp) => page.getByRole('tab', { name });
const panel = (page: Page) => page.getByRole('tabpanel');

async function addRewrite(page: Page, fields: { patterns: string; rewrites: string; lang?: 'en' | 'ja' }) {
  await page.locator('#rw-patterns').waitFor();
  if (fields.lang) await page.locator(`input[name="rw-lang"][value="${fields.lang}"]`).check();
  await page.locator('#rw-patterns').fill(fields.patterns);
  await page.locator('#rw-rewrites').fill(fields.rewrites);
  await page.locator('form.editor button[type="submit"]').click();
}

async function typeInFixture(text: string): Promise<Page> {
  const page = await h.open(FIXTURE);
  await page.locator('#draft').click();
  await page.keyboard.type(text);
  return page;
}

beforeEach(async () => {
  await reset('en');
});

describe('phrasebook', () => {
  it('finds entries in both languages, opens one with Enter and goes back with Esc', async () => {
    const page = await openPopup();
    const search = page.getByRole('combobox', { name: 'Search the phrasebook' });
    const options = page.locator('#pb-results [role="option"]');
    const ids = () => options.evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pb-search');
    await page.keyboard.type("doesn't work");
    await expect.poll(async () => (await ids()).slice(0, 3)).toContain('en-this-doesnt-work');
    const doesntWork = builtinEntries().find((e) => e.id === 'en-this-doesnt-work')!;
    const rewrite = displayRewrite(doesntWork.rewrites[0]!);
    expect(await page.locator('#pb-results [data-entry="en-this-doesnt-work"]').textContent()).toContain(rewrite);

    // Words of a rewrite; Japanese; the other language's equivalent.
    await search.fill(rewrite.split(/[^A-Za-z']+/).filter((w) => w.length > 3).slice(0, 2).join(' '));
    await expect.poll(ids).toContain('en-this-doesnt-work');
    await search.fill('できません');
    await expect.poll(async () => (await ids())[0]).toBe('ja-dekimasen');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await search.fill(dekimasen.equivalent.split(/[.?]/)[0]!);
    await expect.poll(ids).toContain('ja-dekimasen');
    await search.fill('zzqx no such phrase');
    await expect.poll(() => options.count()).toBe(0);
    expect(await panel(page).textContent()).toContain('Nothing matches');

    // Filters.
    await search.fill('できません');
    await page.getByLabel('Language', { exact: true }).selectOption('en');
    await expect.poll(ids).not.toContain('ja-dekimasen');
    await page.getByLabel('Language', { exact: true }).selectOption('all');
    await page.getByLabel('Category').selectOption('refusal');
    await expect.poll(ids).toContain('ja-dekimasen');
    expect(await ids()).not.toContain('en-this-doesnt-work');
    await page.getByLabel('Category').selectOption('all');

    await search.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('article.detail');
    await detail.waitFor();
    // Every rewrite with a copy button, the equivalent, the why and the examples.
    const text = (await detail.textContent()) ?? '';
    const examples = dekimasen.examples.flatMap((x) => [x.text, x.after]);
    for (const part of [...dekimasen.rewrites.map(displayRewrite), dekimasen.equivalent, dekimasen.why, ...examples])
      expect(text).toContain(part);
    // Rewrites for each reader that has its own, under their own heading.
    const variants = Object.values(dekimasen.byRegister ?? {}).flatMap((v) => v!.rewrites);
    expect(variants.length).toBeGreaterThan(0);
    for (const part of variants) expect(text).toContain(part);
    expect(text).toContain('Softer rewrites, to a teammate');
    expect(await detail.getByRole('button', { name: 'Copy' }).count()).toBe(dekimasen.rewrites.length + variants.length + 1);
    await page.keyboard.press('Escape');
    await page.locator('#pb-search').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pb-search');
    expect(await search.inputValue()).toBe('できません');

    // Arrows move the active result; Enter opens that one; type anywhere to search.
    await search.fill('');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => search.getAttribute('aria-activedescendant')).toBe('pb-option-1');
    const second = await options.nth(1).getAttribute('data-entry');
    await page.keyboard.press('Enter');
    await detail.waitFor();
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => search.getAttribute('aria-activedescendant')).toBe('pb-option-1');
    expect(await options.nth(1).getAttribute('data-entry')).toBe(second);
    await page.locator('#tab-phrasebook').focus();
    await page.keyboard.type('wonder');
    expect(await search.inputValue()).toBe('wonder');
  });

  it('copies a rewrite', async () => {
    const page = await openPopup();
    await page.locator('#pb-search').fill("doesn't work");
    const first = page.locator('#pb-results [role="option"]').first();
    await first.waitFor();
    const openedId = await first.getAttribute('data-entry');
    const opened = builtinEntries().find((e) => e.id === openedId)!;
    await page.keyboard.press('Enter');
    await page.locator('article.detail').waitFor();
    const copy = page.locator('article.detail .rewrites li').first().getByRole('button');
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copied');
    // Paste it back to see what was copied.
    await tab(page, 'Try it').click();
    await page.locator('#try-draft').focus();
    await page.keyboard.press('Control+V');
    expect(await page.locator('#try-draft').inputValue()).toBe(displayRewrite(opened.rewrites[0]!));
  });
});

describe('try it', () => {
  it('shows findings and rewrites live', async () => {
    const page = await openPopup();
    await tab(page, 'Try it').click();
    const draft = "Hi Ken. This method doesn't work. それは無理です。";
    await page.locator('#try-draft').fill(draft);
    const found = analyze(draft);
    await expect.poll(() => page.locator('.finding').count(), { timeout: 10_000 }).toBe(found.length);
    // Each rewrite is shown as the sentence it makes.
    expect(await page.locator('.finding').first().textContent()).toContain(previewText(draft, found[0]!, 0));
    await page.locator('#try-draft').fill('Thanks, all good.');
    await expect.poll(() => page.locator('.count').textContent()).toBe('Nothing blunt found.');
  });
});

describe('my rewrites', () => {
  it('adding a custom rewrite makes it flag on a page already open', async () => {
    const fixture = await typeInFixture("This method doesn't work. Per the roadmap doc, the date is Friday.");
    await expect.poll(() => overlayMarks(fixture).count()).toBe(1);

    const page = await openPopup();
    await tab(page, 'My rewrites').click();
    await page.getByRole('button', { name: 'Add a rewrite' }).click();
    await addRewrite(page, { patterns: 'per the roadmap (doc|deck)', rewrites: 'If I read the roadmap right\nThe roadmap suggests' });
    await expect.poll(() => page.locator('.mine-item').count()).toBe(1);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved');

    await expect.poll(() => overlayMarks(fixture).count()).toBe(2);
    await fixture.close();
  });

  it('edits a rewrite, deletes it, and undoes the delete', async () => {
    const page = await openPopup();
    await tab(page, 'My rewrites').click();
    await page.getByRole('button', { name: 'Add a rewrite' }).click();
    await addRewrite(page, { patterns: 'per the roadmap doc', rewrites: 'If I read the roadmap right' });
    const item = page.locator('.mine-item');
    await expect.poll(() => item.count()).toBe(1);

    await item.getByRole('button', { name: 'Edit' }).click();
    expect(await page.locator('#rw-patterns').inputValue()).toBe('per the roadmap doc');
    await page.locator('#rw-rewrites').fill('The roadmap suggests');
    await page.locator('#rw-note').fill('Points to the plan, not the person.');
    await page.locator('form.editor button[type="submit"]').click();
    await expect.poll(() => item.textContent()).toContain('The roadmap suggests');
    expect(await item.count()).toBe(1);

    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => item.count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toContain('Deleted “per the roadmap doc”.');
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('The roadmap suggests');

    // It is in the phrasebook too, with its note.
    await tab(page, 'Phrasebook').click();
    await page.locator('#pb-search').fill('roadmap doc');
    await page.keyboard.press('Enter');
    expect(await page.locator('article.detail').textContent()).toContain('Points to the plan, not the person.');
  });

  it('shows the problem next to the field at fault and saves nothing', async () => {
    const page = await openPopup();
    await tab(page, 'My rewrites').click();
    await page.getByRole('button', { name: 'Add a rewrite' }).click();
    await addRewrite(page, { patterns: 'a [b] c', rewrites: '' });
    const patternsError = page.locator('#rw-patterns-error');
    await patternsError.waitFor();
    expect(await patternsError.textContent()).toContain('unsupported character “[”');
    expect(await page.locator('#rw-rewrites-error').textContent()).toContain('can’t be empty');
    expect(await page.locator('#rw-patterns').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#rw-patterns').getAttribute('aria-describedby')).toContain('rw-patterns-error');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rw-patterns');

    // Already in the phrasebook; listed twice; too long.
    await page.locator('#rw-patterns').fill(`できません\nasap\nASAP\n${'x'.repeat(201)}`);
    await page.locator('#rw-rewrites').fill('なるべく早めに');
    await expect.poll(() => patternsError.textContent()).toContain('“できません” is already in the phrasebook');
    expect(await patternsError.textContent()).toContain('Line 3: “ASAP” is already on line 2');
    expect(await patternsError.textContent()).toContain('Line 4: Too long: at most 200 characters');
    expect(await page.locator('#rw-rewrites-error').count()).toBe(0);

    await page.locator('form.editor button[type="submit"]').click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.mine-item').count()).toBe(0);
    const stored = await snapshot(page);
    expect(Object.keys(stored.sync).filter((k) => k.startsWith('customRewrites'))).toEqual([]);
  });

  it('refuses a malformed import with a list of what is wrong, and changes nothing', async () => {
    const page = await openPopup();
    await tab(page, 'My rewrites').click();
    await page.getByRole('button', { name: 'Add a rewrite' }).click();
    await addRewrite(page, { patterns: 'per the roadmap doc', rewrites: 'If I read the roadmap right' });
    await expect.poll(() => page.locator('.mine-item').count()).toBe(1);
    const before = await snapshot(page);

    const files = {
      'not-json.json': '{"kuuki": "custom-rewrites", ',
      'wrong-kind.json': JSON.stringify({ hello: 'world' }),
      'hostile.json': '{"kuuki":"custom-rewrites","version":1,"rewrites":[{"__proto__":{"polluted":true},"lang":"en","patterns":["x"],"rewrites":["y"]}]}',
      'bad-items.json': JSON.stringify({
        kuuki: 'custom-rewrites',
        version: 1,
        rewrites: [
          { lang: 'fr', patterns: ['ok phrase'], rewrites: ['fine'] },
          { lang: 'en', patterns: ['a (b'], rewrites: [] },
          { lang: 'en', patterns: ['new phrase'], rewrites: ['softer'] },
        ],
      }),
    };
    const expected: Record<string, string[]> = {
      'not-json.json': ['isn’t valid JSON'],
      'wrong-kind.json': ['isn’t a Kuuki rewrites file'],
      'hostile.json': ['forbidden key “__proto__”'],
      'bad-items.json': ['Rewrite 1 · Language: Must be one of: en, ja.', 'Rewrite 2 · Blunt phrases · line 1: Has “(” without a closing “)”.', 'Rewrite 2 · Softer rewrites: This can’t be empty.'],
    };
    for (const [name, content] of Object.entries(files)) {
      await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      const alert = page.locator('.transfer [role="alert"]');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('can’t be imported, and nothing was changed');
      for (const e of expected[name]!) expect(text).toContain(e);
      if (name === 'bad-items.json') await page.screenshot({ path: join(SHOTS, 'import-errors-en-light.png') });
      await alert.getByRole('button').click();
    }
    // Too large: refused by its size.
    await page.locator('#import-file').setInputFiles({
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(300 * 1024, 32),
    });
    await expect.poll(() => page.locator('.transfer [role="alert"]').textContent()).toContain('larger than 256 kB');

    expect(await snapshot(page)).toEqual(before);
    expect(await page.locator('.mine-item').count()).toBe(1);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  });

  it('exports to a file and imports it back, showing duplicates instead of doubling them', async () => {
    const page = await openPopup();
    await tab(page, 'My rewrites').click();
    await page.getByRole('button', { name: 'Add a rewrite' }).click();
    await addRewrite(page, { patterns: 'per the roadmap doc', rewrites: 'If I read the roadmap right\nThe roadmap suggests' });
    await page.getByRole('button', { name: 'Add a rewrite' }).click();
    await addRewrite(page, { lang: 'ja', patterns: 'ロードマップ通り(で|)', rewrites: 'ロードマップに沿って進められればと思います' });
    await expect.poll(() => page.locator('.mine-item').count()).toBe(2);
    const saved = await snapshot(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to a file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kuuki-rewrites-\d{4}-\d\d-\d\d\.json$/);
    const file = readFileSync((await download.path())!, 'utf8');
    const parsed = JSON.parse(file) as { kuuki: string; version: number; rewrites: { patterns: string[] }[] };
    expect(parsed).toMatchObject({ kuuki: 'custom-rewrites', version: 1 });
    expect(parsed.rewrites.map((r) => r.patterns[0])).toEqual(['per the roadmap doc', 'ロードマップ通り(で|)']);

    // Importing into the same data: everything is a duplicate.
    await page.locator('#import-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => page.locator('.transfer').textContent()).toContain('Everything in this file is already there.');
    expect(await page.locator('.transfer').textContent()).toContain('“per the roadmap doc” is already saved');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Into an empty store: the same rewrites come back.
    await reset('en');
    await openPopup();
    await tab(page, 'My rewrites').click();
    await page.locator('#import-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => page.locator('.transfer').textContent()).toContain('2 new rewrites will be added.');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.locator('.mine-item').count()).toBe(2);
    const restored = await snapshot(page);
    // The same rewrites (saved now, so with a new time).
    const rewritesOf = (s: typeof saved) =>
      Object.values(recordsOf(s.sync, 'customRewrites')).map((r) => ({ ...(r as object), id: undefined, updatedAt: undefined }));
    expect(rewritesOf(restored)).toEqual(rewritesOf(saved));
  });
  it('keeps what sync cannot hold on this device and says so plainly (real sync quotas)', async () => {
    const page = await openPopup();
    await tab(page, 'My rewrites').click();
    // ~150 rewrites of ~1.6 kB each: well past sync's 100 kB in all.
    const rewrites = Array.from({ length: 150 }, (_, i) => ({
      lang: 'ja',
      patterns: [`ロードマップ通り${i}番`],
      rewrites: Array.from({ length: 5 }, (_, j) => `ロードマップに沿って進められればと思います（案${j}）。`.repeat(3)),
      equivalent: 'If we could follow the roadmap, that would be great.',
      note: 'ロードマップの話'.repeat(10),
    }));
    const file = JSON.stringify({ kuuki: 'custom-rewrites', version: 1, rewrites });
    await page.locator('#import-file').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.locator('.mine-item').count()).toBe(150);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Sync storage is full, so \d+ rewrites are kept on this device only/);
    const localOnly = await page.locator('.mine-item .tag.warning').count();
    expect(localOnly).toBeGreaterThan(0);
    expect(localOnly).toBeLessThan(150);
    expect(await panel(page).locator('.notice.warning').first().textContent()).toContain(`${localOnly} rewrites are kept on this device only`);

    const stored = await snapshot(page);
    expect(Object.keys(recordsOf(stored.sync, 'customRewrites'))).toHaveLength(150 - localOnly);
    expect((stored.local['customRewrites:state'] as { records: unknown[] }).records).toHaveLength(150);
    const syncBytes = await page.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { sync: { getBytesInUse(k: null): Promise<number> } } } }).chrome.storage.sync.getBytesInUse(null),
    );
    expect(syncBytes).toBeLessThanOrEqual(102_400);
    // All of them still flag, from either area.
    await tab(page, 'Try it').click();
    await page.locator('#try-draft').fill('ロードマップ通り149番でお願いします。ロードマップ通り0番で。');
    await expect.poll(() => page.locator('.finding').count(), { timeout: 10_000 }).toBe(2);
  }, 60_000);

  it('reports stored rewrites that fail validation instead of dropping them', async () => {
    const page = await openPopup();
    await page.evaluate(async (src) => {
      const chrome = new Function(`return (${src})()`)() as Chrome;
      // The first layout (one array), with one rewrite that no longer validates.
      await chrome.storage.sync.set({
        customRewrites: [
          { id: 'good', lang: 'en', patterns: ['per the roadmap doc'], rewrites: ['If I read the roadmap right'], updatedAt: 1 },
          { id: 'bad', lang: 'en', patterns: ['per the [roadmap'], rewrites: ['x'], updatedAt: 1 },
        ],
      });
    }, chromeOf.toString());
    await openPopup();
    await tab(page, 'My rewrites').click();
    await expect.poll(() => page.locator('.mine-item').count()).toBe(1);
    const notice = page.locator('.notice.warning', { hasText: 'set aside' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('1 stored item couldn’t be read and was set aside, not deleted.');
    await notice.getByText('Show what was set aside').click();
    expect(await notice.locator('pre').textContent()).toContain('per the [roadmap');
    expect(await notice.textContent()).toContain('unsupported character');
    expect(await notice.textContent()).toContain('A custom rewrite');
    // Migrated by the background, the unreadable rewrite kept as it was.
    await expect.poll(async () => (await snapshot(page)).sync.customRewrites).toMatchObject({ version: 3 });
    const stored = await snapshot(page);
    expect(Object.keys(recordsOf(stored.sync, 'customRewrites')).sort()).toEqual(['bad', 'good']);
    const copies = Object.entries(stored.local).filter(([k]) => k.startsWith('quarantine:'));
    expect(copies.map(([, q]) => (q as { value: { id: string } }).value.id)).toEqual(['bad']);
    // Nothing of it can be read, so it can only be copied or discarded.
    expect(await notice.getByRole('button', { name: 'Restore' }).count()).toBe(0);
    await notice.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(async () => Object.keys(recordsOf((await snapshot(page)).sync, 'customRewrites'))).toEqual(['good']);
  });
});

describe('settings', () => {
  it('picks who the user writes to on each site, and the card there follows', async () => {
    const page = await openPopup();
    await tab(page, 'Settings').click();
    const gmail = page.locator('[id="register-mail.google.com"]');
    const slack = page.locator('[id="register-app.slack.com"]');
    expect([await gmail.inputValue(), await slack.inputValue()]).toEqual(['manager', 'teammate']);
    expect(await slack.evaluate((el) => (el as HTMLSelectElement).labels?.[0]?.textContent)).toBe('I’m writing to');
    await gmail.selectOption('client');
    await slack.selectOption('client');
    await expect.poll(async () => recordsOf((await snapshot(page)).sync, 'prefs')).toMatchObject({
      registers: { 'mail.google.com': 'client', 'app.slack.com': 'client' },
    });

    const text = 'Fix the typo on page 3.';
    const [client] = analyze(text, { register: 'client' });
    const fixture = await typeInFixture(text);
    await expect.poll(() => overlayMarks(fixture).count()).toBe(1);
    await fixture.keyboard.press('Alt+Shift+K');
    await card(fixture).waitFor();
    expect(await card(fixture).locator('button.register').textContent()).toBe('To: a client');
    expect(await card(fixture).textContent()).toContain(previewText(text, client!, 0));
    await fixture.close();

    // Back to a site's default: nothing stored for it.
    await page.bringToFront();
    await slack.selectOption('teammate');
    await expect.poll(async () => recordsOf((await snapshot(page)).sync, 'prefs')).toMatchObject({ registers: { 'mail.google.com': 'client' } });
  });

  it('the site switch turns marking off on that site, and on again', async () => {
    const fixture = await typeInFixture("This method doesn't work.");
    await expect.poll(() => overlayMarks(fixture).count()).toBe(1);

    const page = await openPopup('site=app.slack.com');
    const toggle = page.getByRole('switch', { name: /app\.slack\.com/ });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => overlayMarks(fixture).count()).toBe(0);

    // The settings list shows it off too; back on from there.
    await tab(page, 'Settings').click();
    const listed = page.getByRole('checkbox', { name: /app\.slack\.com/ });
    expect(await listed.isChecked()).toBe(false);
    await listed.check();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await fixture.bringToFront();
    await fixture.locator('#draft').click();
    await fixture.keyboard.type(' ');
    await expect.poll(() => overlayMarks(fixture).count()).toBe(1);
    await fixture.close();
  });

  it('saves languages, equivalents, shows the shortcut and un-ignores a never-flag phrase', async () => {
    const page = await openPopup();
    await page.evaluate(async (src) => {
      const chrome = new Function(`return (${src})()`)() as Chrome;
      await chrome.storage.sync.set({ neverFlag: [{ phrase: 'asap', entryId: 'en-asap', addedAt: 1 }] });
    }, chromeOf.toString());
    await tab(page, 'Settings').click();
    await page.getByRole('radio', { name: 'Japanese' }).check();
    await page.getByRole('checkbox', { name: 'Show the equivalent in the other language' }).uncheck();
    await expect.poll(async () => recordsOf((await snapshot(page)).sync, 'prefs')).toMatchObject({ langs: ['ja'], showEquivalents: false });
    expect(await panel(page).textContent()).toContain('Alt+Shift+K');
    expect(await panel(page).textContent()).toContain('chrome://extensions/shortcuts');
    await page.getByRole('button', { name: 'Flag again' }).click();
    await expect.poll(() => panel(page).textContent()).toContain('Nothing here yet');
    await expect.poll(async () => recordsOf((await snapshot(page)).sync, 'neverFlags')).toEqual({});

    // A site the user turned on (on another device) is listed with a remove button.
    await page.evaluate(
      async ({ src, items }) => {
        const chrome = new Function(`return (${src})()`)() as Chrome;
        await chrome.storage.sync.set(items);
      },
      { src: chromeOf.toString(), items: layoutItems('sites', [['notion.so', 1]]) },
    );
    const remove = page.getByRole('button', { name: 'Remove' });
    await remove.waitFor();
    expect(await panel(page).locator('.sites').textContent()).toContain('notion.so');
    await remove.click();
    await expect.poll(async () => recordsOf((await snapshot(page)).sync, 'sites')).toEqual({});
  });
});

/** Text a user sees (and hears) that belongs to the interface, not to data in another language. */
function interfaceStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Data (phrasebook entries, the user's rewrites, hostnames) is marked with its own lang or translate="no".
    const isData = (el: Element) => {
      if (el.closest('[translate="no"]')) return true;
      const owner = el.closest('[lang]');
      return !!owner && owner !== document.documentElement;
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || isData(el) || el.closest('script, style')) continue;
      if (el.tagName !== 'OPTION' && !el.getClientRects().length) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]'))
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v && !isData(el)) out.push(v);
      }
    return out;
  });
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/;
const ALLOWED_LATIN = new Set(['Kuuki', 'Enter', 'Esc', 'JSON', 'kB', 'ID']);
const latinWords = (s: string) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_LATIN.has(w));

/** Opens each view in turn; `visit` sees each one. */
async function eachView(page: Page, visit: (view: string) => Promise<void>) {
  await tab(page, /Phrasebook|フレーズ集/).click();
  await page.locator('#pb-search').fill('');
  await visit('phrasebook');
  await page.locator('#pb-search').fill('doesn’t work');
  await page.locator('#pb-search').press('Enter');
  await page.locator('article.detail').waitFor();
  await visit('detail');
  await page.keyboard.press('Escape');

  await tab(page, /Try it|試す/).click();
  await page.locator('#try-draft').fill("Hi Ken. This method doesn't work. それは無理です。");
  await expect.poll(() => page.locator('.finding').count(), { timeout: 10_000 }).toBe(2);
  await visit('try');

  await tab(page, /My rewrites|マイ言い換え/).click();
  await page.locator('.mine-item').first().waitFor();
  await visit('mine');
  await page.locator('.mine .row button.primary').click();
  await page.locator('#rw-patterns').fill('a [b');
  await page.locator('form.editor button[type="submit"]').click();
  await page.locator('#rw-patterns-error').waitFor();
  await visit('editor');
  await page.keyboard.press('Escape');

  await tab(page, /Settings|設定/).click();
  await page.locator('.settings').waitFor();
  await visit('settings');
}

async function seedForViews(page: Page) {
  await page.evaluate(async (src) => {
    const chrome = new Function(`return (${src})()`)() as Chrome;
    await chrome.storage.sync.set({ neverFlag: [{ phrase: 'asap', entryId: 'en-asap', addedAt: 1 }] });
  }, chromeOf.toString());
  await tab(page, 'My rewrites').click();
  await page.getByRole('button', { name: 'Add a rewrite' }).click();
  await addRewrite(page, { patterns: 'per the roadmap (doc|deck)', rewrites: 'If I read the roadmap right' });
  await page.getByRole('button', { name: 'Add a rewrite' }).click();
  await addRewrite(page, { lang: 'ja', patterns: 'ロードマップ通り(で|)', rewrites: 'ロードマップに沿って進められればと思います' });
  await expect.poll(() => page.locator('.mine-item').count()).toBe(2);
}

describe('interface', () => {
  it('switching the UI language switches every visible string', async () => {
    const page = await openPopup();
    await seedForViews(page);
    await eachView(page, async (view) => {
      const japanese = (await interfaceStrings(page)).filter((s) => JAPANESE.test(s));
      expect(japanese, `${view} (en)`).toEqual([]);
    });
    await page.getByLabel('Interface language').selectOption('ja');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await expect.poll(() => tab(page, '設定').count()).toBe(1);
    await eachView(page, async (view) => {
      const english = (await interfaceStrings(page)).filter((s) => latinWords(s).length);
      expect(english, `${view} (ja)`).toEqual([]);
    });
  });

  it('passes axe-core, fits the popup without sideways scrolling, in both languages and schemes', async () => {
    const page = await openPopup();
    await seedForViews(page);
    for (const lang of ['en', 'ja'] as const)
      for (const scheme of ['light', 'dark'] as const) {
        await seedSettings(page, { uiLanguage: lang });
        await page.emulateMedia({ colorScheme: scheme });
        await openPopup();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await eachView(page, async (view) => {
          await page.evaluate(() => new Promise(requestAnimationFrame));
          await page.screenshot({ path: join(SHOTS, `${view}-${lang}-${scheme}.png`) });
          const fit = await page.evaluate(() =>
            [document.documentElement, document.body, document.querySelector('.panel')!].map((el) => [
              el.scrollWidth,
              el.clientWidth,
            ]),
          );
          for (const [scroll, client] of fit) expect(scroll, `${view} ${lang} ${scheme} scrolls sideways`).toBeLessThanOrEqual(client!);
          expect(await page.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(800);
          const violations = await axe(page);
          expect(violations, `${view} ${lang} ${scheme}`).toEqual([]);
        });
      }
    await page.emulateMedia({ colorScheme: null });
  }, 180_000);
});

/** Serious and critical axe-core violations on the page, as readable lines. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ passes: unknown[]; violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations', 'passes'] });
    // axe really looked: the page has labelled controls, contrast, landmarks to pass.
    if (result.passes.length < 5) return [`axe checked too little (${result.passes.length} rules passed)`];
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
