import { z } from 'zod';
import { PhrasePatternError, parsePhrasePattern } from '../engine/phrase-pattern';
import { LANGS, type MatchableEntry } from '../phrasebook/schema';
import { Collection, type SaveReport } from './collection';
import { readLegacyRewrites } from './legacy';
import { addRecord } from './records';
import { watchKeys } from './watch';

/** How big and how many: the form, the import and the stored data share these. */
export const CUSTOM_LIMITS = {
  count: 300,
  patterns: 20,
  rewrites: 10,
  pattern: 200,
  rewrite: 300,
  equivalent: 300,
  note: 200,
} as const;

const CONTROL = /[\u0000-\u001f\u007f]/;
const noControl = (s: string) => !CONTROL.test(s);
const controlIssue = { params: { key: 'errControlChars' } } as const;

const line = (max: number) => z.string().trim().min(1).max(max).refine(noControl, controlIssue);
const optionalLine = (max: number) => z.string().trim().max(max).refine(noControl, controlIssue);

/** A blunt phrase in the phrase-pattern language; the parser's reason travels in params. */
export const customPatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(CUSTOM_LIMITS.pattern)
  .superRefine((pattern, ctx) => {
    // Empty or too long is already reported above; say it once.
    if (!pattern || pattern.length > CUSTOM_LIMITS.pattern) return;
    try {
      parsePhrasePattern(pattern);
    } catch (e) {
      if (!(e instanceof PhrasePatternError)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message, params: { reason: e.message } });
    }
  });

/** What the user writes; the stored rewrite adds an id and a time. */
export const rewriteDraftSchema = z.object({
  lang: z.enum(LANGS),
  patterns: z.array(customPatternSchema).min(1).max(CUSTOM_LIMITS.patterns),
  rewrites: z.array(line(CUSTOM_LIMITS.rewrite)).min(1).max(CUSTOM_LIMITS.rewrites),
  equivalent: optionalLine(CUSTOM_LIMITS.equivalent).default(''),
  note: optionalLine(CUSTOM_LIMITS.note).default(''),
});
export type RewriteDraft = z.infer<typeof rewriteDraftSchema>;

export const REWRITE_ID = /^[a-z0-9-]{1,40}$/;

/** A rewrite the user added: blunt phrase patterns → softer rewrites. */
export const customRewriteSchema = rewriteDraftSchema.extend({
  id: z.string().regex(REWRITE_ID),
  updatedAt: z.number().int().nonnegative(),
});
export type CustomRewrite = z.infer<typeof customRewriteSchema>;

/** The engine's view of a custom rewrite. */
export function toEntry(c: CustomRewrite): MatchableEntry {
  return {
    id: `${c.lang}-custom-${c.id}`,
    lang: c.lang,
    category: 'custom',
    patterns: c.patterns,
    rewrites: c.rewrites,
    equivalent: c.equivalent,
    why: c.note,
  };
}

export function newRewriteId(now = Date.now()): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/*
 * Storage: a collection (see collection.ts) named "customRewrites", one record per rewrite, its
 * time the rewrite's updatedAt. Layouts 1 (one array) and 2 (JSON lines cut into string chunks,
 * plus local:customRewrites:device) are read until the first write in layout 3.
 */
export const CUSTOM_REWRITES_VERSION = 3;
export type { SaveReport } from './collection';

const describe = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);

/**
 * Validates a stored rewrite field by field: a pattern or rewrite line that fails is left out,
 * an optional text that fails is emptied, and the rest is kept, as long as a usable rewrite
 * remains. The problems found are reported either way.
 */
export function readStoredRewrite(id: string, raw: unknown): { value?: CustomRewrite; problems: string[] } {
  const whole = customRewriteSchema.safeParse(raw);
  if (whole.success) return whole.data.id === id ? { value: whole.data, problems: [] } : { problems: [`id: is not ${id}`] };
  const problems = describe(whole.error);
  const r = (raw ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || r.id !== id || !REWRITE_ID.test(id)) return { problems };
  const lang = z.enum(LANGS).safeParse(r.lang);
  const lines = <S extends z.ZodType<string>>(schema: S, list: unknown, max: number) =>
    (Array.isArray(list) ? list : []).map((x) => schema.safeParse(x)).filter((p) => p.success).map((p) => p.data as string).slice(0, max);
  const patterns = lines(customPatternSchema, r.patterns, CUSTOM_LIMITS.patterns);
  const rewrites = lines(line(CUSTOM_LIMITS.rewrite), r.rewrites, CUSTOM_LIMITS.rewrites);
  const text = (max: number, v: unknown) => optionalLine(max).safeParse(v ?? '');
  const equivalent = text(CUSTOM_LIMITS.equivalent, r.equivalent);
  const note = text(CUSTOM_LIMITS.note, r.note);
  const updatedAt = z.number().int().nonnegative().safeParse(r.updatedAt);
  if (!lang.success || !patterns.length || !rewrites.length) return { problems };
  const value = customRewriteSchema.safeParse({
    id,
    lang: lang.data,
    patterns,
    rewrites,
    equivalent: equivalent.success ? equivalent.data : '',
    note: note.success ? note.data : '',
    updatedAt: updatedAt.success ? updatedAt.data : 0,
  });
  return value.success ? { value: value.data, problems } : { problems };
}

const rewrites = new Collection<CustomRewrite>({
  name: 'customRewrites',
  parse: readStoredRewrite,
  idOf: (r) => r.id,
  toRaw: (r) => r,
  withTime: (r, updatedAt) => ({ ...r, updatedAt }),
  maxChunks: 64,
  // Sync bytes left for settings, sites and the never-flag list to grow into.
  reserve: 12_288,
  legacy(sync, local) {
    const read = readLegacyRewrites(sync);
    const device = (local['customRewrites:device'] as { rewrites?: unknown } | undefined)?.rewrites;
    if (Array.isArray(device))
      for (const r of device) {
        const id = (r as { id?: unknown } | null)?.id;
        const time = (r as { updatedAt?: unknown } | null)?.updatedAt;
        if (typeof id === 'string') addRecord(read.set, id, { time: typeof time === 'number' ? time : 0, raw: r as never });
        else read.bad.push({ key: 'local:customRewrites:device', value: r, problems: ['id: missing'] });
      }
    return read;
  },
  legacyLocalKeys: ['customRewrites:device'],
});

export interface CustomRewritesState {
  rewrites: CustomRewrite[];
  /** Ids of rewrites kept on this device only (sync was full or refused the write). */
  localOnly: string[];
  /** Stored records not readable yet while sync looks mid-update (left where they are). */
  unsettled: number;
  /** Stored by a newer Kuuki: changes are kept on this device only. */
  newer: boolean;
  /** A change saved on this device that sync has not taken yet, and why. */
  pending?: SaveReport['reason'];
}

/** Everything the user added, with where it is kept. Writes nothing over stored data. */
export async function readCustomRewrites(): Promise<CustomRewritesState> {
  const view = await rewrites.read();
  return { rewrites: view.values, localOnly: view.localOnly, unsettled: view.unsettled, newer: view.newer, pending: view.pending };
}

export function getCustomRewrites(): Promise<CustomRewrite[]> {
  return rewrites.values();
}

/** Replaces all custom rewrites; those sync cannot hold are kept on this device. */
export async function saveCustomRewrites(list: CustomRewrite[]): Promise<SaveReport> {
  z.array(customRewriteSchema).max(CUSTOM_LIMITS.count).parse(list);
  return rewrites.update(() => list);
}

/** Reads, changes and saves in one step (no other save from any extension page in between). */
export function updateCustomRewrites(change: (list: CustomRewrite[]) => CustomRewrite[], drop: readonly string[] = []): Promise<SaveReport> {
  return rewrites.update((list) => {
    const next = change(list);
    if (next.length > CUSTOM_LIMITS.count) throw new Error(`Kuuki: at most ${CUSTOM_LIMITS.count} rewrites`);
    return next;
  }, drop);
}

export function putCustomRewrite(rewrite: CustomRewrite): Promise<SaveReport> {
  return updateCustomRewrites((list) =>
    list.some((r) => r.id === rewrite.id) ? list.map((r) => (r.id === rewrite.id ? rewrite : r)) : [...list, rewrite],
  );
}

export function deleteCustomRewrite(id: string): Promise<SaveReport> {
  return updateCustomRewrites((list) => list.filter((r) => r.id !== id));
}

/** Pays what this device owes sync (see Collection.settle). */
export function settleCustomRewrites(): Promise<SaveReport | null> {
  return rewrites.settle();
}

export function watchCustomRewrites(onChange: () => void): () => void {
  return watchKeys((area, key) => rewrites.owns(area, key), onChange);
}
