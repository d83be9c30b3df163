import { describe, expect, it } from 'vitest';
import type { MatchableEntry } from '../../src/phrasebook/schema';
import { PhraseIndex } from '../../src/settings/duplicates';
import { type RewriteFormInput, validateRewriteForm } from '../../src/ui/rewrite-form';

const builtin: MatchableEntry[] = [
  { id: 'ja-muri', lang: 'ja', category: 'refusal', patterns: ['無理(です|)'], rewrites: ['a', 'b'], equivalent: 'e', why: 'w' },
];
const index = PhraseIndex.of(builtin, [{ id: 'mine', patterns: ['per my last email'] }]);
const form = (over: Partial<RewriteFormInput>): RewriteFormInput => ({
  lang: 'en',
  patterns: 'asap',
  rewrites: 'when you have a moment',
  equivalent: '',
  note: '',
  ...over,
});
const errors = (input: RewriteFormInput, ctx = { index, count: 1 } as Parameters<typeof validateRewriteForm>[1]) => {
  const result = validateRewriteForm(input, ctx);
  return result.ok ? {} : result.errors;
};

describe('rewrite form', () => {
  it('accepts a valid rewrite, one phrase and one rewrite a line', () => {
    const result = validateRewriteForm(form({ patterns: ' asap \n\n(right now|immediately)\n', rewrites: 'a\nb' }), { index, count: 0 });
    expect(result).toEqual({
      ok: true,
      draft: { lang: 'en', patterns: ['asap', '(right now|immediately)'], rewrites: ['a', 'b'], equivalent: '', note: '' },
    });
  });

  it('puts each problem next to its field, with the line', () => {
    const e = errors(form({ patterns: 'fine\na [b', rewrites: '', equivalent: 'x'.repeat(301), note: 'bell\u0007' }));
    expect(e.patterns).toEqual([{ key: 'patternBadChar', params: { char: '[' }, line: 2 }]);
    expect(e.rewrites).toEqual([{ key: 'errEmpty', line: undefined }]);
    expect(e.equivalent).toEqual([{ key: 'errTooLong', params: { max: 300 }, line: undefined }]);
    expect(e.note).toEqual([{ key: 'errControlChars', params: {}, line: undefined }]);
  });

  it('says an empty phrase once', () => {
    expect(errors(form({ patterns: '   ' })).patterns).toEqual([{ key: 'errEmpty', line: undefined }]);
  });

  it('finds duplicates: in the form, in the user’s rewrites, in the phrasebook', () => {
    const e = errors(form({ patterns: 'asap\nASAP\nPer my last email.\n無理です' }));
    expect(e.patterns).toEqual([
      { key: 'errDuplicateInForm', params: { phrase: 'ASAP', first: 1 }, line: 2 },
      { key: 'errDuplicateCustom', params: { phrase: 'per my last email' }, line: 3 },
      { key: 'errDuplicateBuiltin', params: { phrase: '無理です' }, line: 4 },
    ]);
  });

  it('lets a rewrite keep its own phrases when edited', () => {
    expect(errors(form({ patterns: 'per my last email' }), { index, count: 1, editingId: 'mine' })).toEqual({});
  });

  it('refuses a new rewrite past the limit, but not an edit', () => {
    expect(errors(form({}), { index, count: 300 }).form).toEqual([{ key: 'errTooManyRewrites', params: { max: 300 } }]);
    expect(errors(form({}), { index, count: 300, editingId: 'x' })).toEqual({});
  });
});
