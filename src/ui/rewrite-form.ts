import { phraseKey } from '../engine/normalize';
import type { Lang } from '../phrasebook/schema';
import { CUSTOM_LIMITS, type RewriteDraft, rewriteDraftSchema } from '../settings/custom-rewrites';
import type { PhraseIndex } from '../settings/duplicates';
import { type Problem, issueProblem } from '../settings/problems';

/**
 * The "my rewrite" form: what the user typed → a valid draft, or problems next to each field.
 * Pure. Phrases and rewrites are typed one per line.
 */
export interface RewriteFormInput {
  lang: Lang;
  patterns: string;
  rewrites: string;
  equivalent: string;
  note: string;
}

export const FORM_FIELDS = ['lang', 'patterns', 'rewrites', 'equivalent', 'note'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormErrors = Partial<Record<FormField | 'form', Problem[]>>;

export type FormResult = { ok: true; draft: RewriteDraft } | { ok: false; errors: FormErrors };

export const splitLines = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function emptyForm(lang: Lang): RewriteFormInput {
  return { lang, patterns: '', rewrites: '', equivalent: '', note: '' };
}

export function formFromRewrite(r: RewriteDraft): RewriteFormInput {
  return { lang: r.lang, patterns: r.patterns.join('\n'), rewrites: r.rewrites.join('\n'), equivalent: r.equivalent, note: r.note };
}

export interface FormContext {
  /** Phrases already known (built-in and custom). */
  index: PhraseIndex;
  /** The custom rewrite being edited, if any: its own phrases are not duplicates. */
  editingId?: string;
  /** How many custom rewrites exist. */
  count: number;
}

export function validateRewriteForm(input: RewriteFormInput, ctx: FormContext): FormResult {
  const errors: FormErrors = {};
  const add = (field: FormField | 'form', problem: Problem) => (errors[field] ??= []).push(problem);

  const patterns = splitLines(input.patterns);
  const parsed = rewriteDraftSchema.safeParse({
    lang: input.lang,
    patterns,
    rewrites: splitLines(input.rewrites),
    equivalent: input.equivalent,
    note: input.note,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, line] = issue.path;
      const target = (FORM_FIELDS as readonly unknown[]).includes(field) ? (field as FormField) : 'form';
      add(target, { ...issueProblem(issue), line: typeof line === 'number' ? line + 1 : undefined });
    }
  }

  const seen = new Map<string, number>();
  patterns.forEach((pattern, i) => {
    const key = phraseKey(pattern);
    const first = seen.get(key);
    if (first !== undefined) {
      add('patterns', { key: 'errDuplicateInForm', params: { phrase: pattern, first: first + 1 }, line: i + 1 });
      return;
    }
    seen.set(key, i);
    const known = ctx.index.find(pattern, ctx.editingId);
    if (known)
      add('patterns', {
        key: known.source === 'custom' ? 'errDuplicateCustom' : 'errDuplicateBuiltin',
        params: { phrase: known.phrase },
        line: i + 1,
      });
  });

  if (ctx.editingId === undefined && ctx.count >= CUSTOM_LIMITS.count)
    add('form', { key: 'errTooManyRewrites', params: { max: CUSTOM_LIMITS.count } });

  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, draft: parsed.data };
}
