import { describe, expect, it } from 'vitest';
import type { MatchableEntry } from '../../src/phrasebook/schema';
import type { CustomRewrite } from '../../src/settings/custom-rewrites';
import { MAX_IMPORT_BYTES, exportFile, exportFileName, planImport } from '../../src/settings/transfer';

const builtin: MatchableEntry[] = [
  { id: 'ja-muri', lang: 'ja', category: 'refusal', patterns: ['無理(です|)'], rewrites: ['a', 'b'], equivalent: 'e', why: 'w' },
];
const rewrite = (id: string, over: Partial<CustomRewrite> = {}): CustomRewrite => ({
  id,
  lang: 'en',
  patterns: [`phrase ${id}`],
  rewrites: ['softer'],
  equivalent: '',
  note: '',
  updatedAt: 5,
  ...over,
});
const file = (rewrites: unknown[], extra: object = {}) =>
  JSON.stringify({ kuuki: 'custom-rewrites', version: 1, rewrites, ...extra });
const plan = (text: string, existing: CustomRewrite[] = []) => planImport(text, text.length, existing, builtin, 1000);
const keys = (r: ReturnType<typeof planImport>) => (r.ok ? [] : r.problems.map((p) => p.key));

describe('export and import', () => {
  it('round-trips: an export imports back as the same rewrites', () => {
    const list = [rewrite('a'), rewrite('b', { lang: 'ja', patterns: ['(至急|大至急)'], note: 'メモ' })];
    const text = exportFile(list);
    expect(JSON.parse(text)).toEqual({ kuuki: 'custom-rewrites', version: 1, rewrites: list });
    expect(plan(text)).toEqual({ ok: true, add: list, duplicates: [] });
  });

  it('names the file by date', () => {
    expect(exportFileName(new Date(2026, 0, 5))).toBe('kuuki-rewrites-2026-01-05.json');
  });

  it('shows duplicates instead of doubling them: same rewrite, same phrase, the phrasebook, twice in the file', () => {
    const existing = [rewrite('a'), rewrite('b')];
    const result = plan(
      file([
        rewrite('a'),
        { lang: 'en', patterns: ['PHRASE B'], rewrites: ['x'] },
        { lang: 'ja', patterns: ['無理です'], rewrites: ['難しいです'] },
        { lang: 'en', patterns: ['new one'], rewrites: ['x'] },
        { lang: 'en', patterns: ['(new one|another)'], rewrites: ['y'] },
      ]),
      existing,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.add.map((r) => r.patterns[0])).toEqual(['new one']);
    expect(result.duplicates.map((d) => [d.phrase, d.known.source])).toEqual([
      ['phrase a', 'same'],
      ['PHRASE B', 'custom'],
      ['無理です', 'builtin'],
      ['(new one|another)', 'file'],
    ]);
  });

  it('gives a new id when an imported id is taken by a different rewrite', () => {
    const result = plan(file([rewrite('a', { patterns: ['different'] })]), [rewrite('a')]);
    expect(result.ok && result.add[0]!.id).not.toBe('a');
    expect(result.ok && result.add[0]!.updatedAt).toBe(5);
  });

  it.each([
    ['oversized', 'x'.repeat(MAX_IMPORT_BYTES + 1), 'importTooLarge'],
    ['not JSON', '{"kuuki":', 'importNotJson'],
    ['not ours', '[1,2]', 'importWrongKind'],
    ['not ours either', '{"rewrites":[]}', 'importWrongKind'],
    ['newer', file([], { version: 2 }), 'importNewerVersion'],
    ['empty', file([]), 'importEmpty'],
    ['too many', file(Array.from({ length: 301 }, (_, i) => rewrite(`r${i}`))), 'importTooMany'],
    ['rewrites not a list', JSON.stringify({ kuuki: 'custom-rewrites', version: 1, rewrites: {} }), 'errWrongType'],
    ['prototype pollution', '{"kuuki":"custom-rewrites","version":1,"rewrites":[{"__proto__":{"x":1}}]}', 'importForbiddenKey'],
    ['constructor key', file([{ constructor: { prototype: {} } }]), 'importForbiddenKey'],
    ['nested deep', file([JSON.parse('['.repeat(30) + ']'.repeat(30))]), 'importTooDeep'],
  ])('refuses a file that is %s', (_, text, key) => {
    expect(keys(plan(text))).toContain(key);
  });

  it('lists every problem with the rewrite, field and line at fault', () => {
    const result = plan(
      file([
        { lang: 'fr', patterns: ['ok'], rewrites: ['ok'] },
        { lang: 'en', patterns: ['fine', 'a (b'], rewrites: [] },
        { lang: 'en', patterns: ['x'.repeat(201)], rewrites: ['ok\u0007'] },
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.item, p.field, p.line, p.key])).toEqual([
      [1, 'lang', undefined, 'errNotOneOf'],
      [2, 'patterns', 2, 'patternUnclosed'],
      [2, 'rewrites', undefined, 'errEmpty'],
      [3, 'patterns', 1, 'errTooLong'],
      [3, 'rewrites', 1, 'errControlChars'],
    ]);
  });

  it('refuses an import that would pass the limit together with what is saved', () => {
    const existing = Array.from({ length: 299 }, (_, i) => rewrite(`e${i}`));
    expect(keys(plan(file([rewrite('n1'), rewrite('n2')]), existing))).toEqual(['importTooMany']);
  });
});
