import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, ja } from '../../src/i18n/messages';
import config from '../../wxt.config';

/**
 * public/_locales/{en,ja}/messages.json: what the browser itself shows (name, description, shortcut,
 * context menu) in its own language. The popup and card keep src/i18n/messages.ts, because the user
 * can switch those at run time and browser.i18n cannot (docs/i18n.md).
 */
type Messages = Record<string, { message: string; description?: string }>;
const LOCALES = ['en', 'ja'] as const;
const read = (locale: string): Messages => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'));
const messages = { en: read('en'), ja: read('ja') };

/** Every __MSG_name__ in a manifest (any depth). */
function messageRefs(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(messageRefs);
  if (value && typeof value === 'object') return Object.values(value).flatMap(messageRefs);
  return [];
}

async function manifestFor(browser: 'chrome' | 'firefox') {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the target');
  return manifest({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });
}

describe('_locales', () => {
  it('has the same keys in English and Japanese, every message non-empty, in Japanese for ja', () => {
    expect(Object.keys(messages.ja).sort()).toEqual(Object.keys(messages.en).sort());
    for (const locale of LOCALES)
      for (const [key, { message }] of Object.entries(messages[locale])) {
        expect(key, `${locale}: a message name may use only letters, digits and _`).toMatch(/^\w+$/);
        expect(message.trim(), `${locale}.${key}`).not.toBe('');
      }
    for (const [key, { message }] of Object.entries(messages.ja)) expect(message, `ja.${key}`).toMatch(/[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u);
  });

  it('has only the locales the manifest declares, and the default among them', async () => {
    expect(readdirSync('public/_locales').sort()).toEqual([...LOCALES]);
    for (const browser of ['chrome', 'firefox'] as const) expect((await manifestFor(browser)).default_locale).toBe('en');
  });

  it('defines every __MSG_x__ of both browsers’ manifests and of the entrypoints in both locales', async () => {
    const refs = new Set([...messageRefs(await manifestFor('chrome')), ...messageRefs(await manifestFor('firefox'))]);
    // Entrypoints can add to the manifest too (e.g. <meta name="manifest.default_title">).
    for (const file of readdirSync('entrypoints', { recursive: true, encoding: 'utf8' }))
      if (/\.(html|tsx?)$/.test(file)) messageRefs(readFileSync(join('entrypoints', file), 'utf8')).forEach((r) => refs.add(r));
    expect([...refs].sort()).toEqual(expect.arrayContaining(['commandOpenCard', 'extDescription', 'extName']));
    for (const locale of LOCALES) for (const ref of refs) expect(messages[locale][ref], `${locale} lacks ${ref}`).toBeDefined();
  });

  it('defines every key the code asks browser.i18n.getMessage for', () => {
    const keys = new Set<string>();
    for (const dir of ['entrypoints', 'src'])
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
        if (/\.tsx?$/.test(file))
          for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/getMessage\(\s*['"](\w+)['"]/g)) keys.add(m[1]!);
    expect([...keys]).toContain('softenMenu');
    for (const locale of LOCALES) for (const key of keys) expect(messages[locale][key], `${locale} lacks ${key}`).toBeDefined();
  });

  it('fits the stores’ limits (name ≤ 45 characters, description ≤ 132)', () => {
    for (const locale of LOCALES) {
      expect([...messages[locale].extName!.message].length, locale).toBeLessThanOrEqual(45);
      expect([...messages[locale].extDescription!.message].length, locale).toBeLessThanOrEqual(132);
    }
  });

  it('titles the context menu as the popup’s catalogue does, so both paths read the same', () => {
    expect(messages.en.softenMenu?.message).toBe(en.softenMenu);
    expect(messages.ja.softenMenu?.message).toBe(ja.softenMenu);
  });
});
