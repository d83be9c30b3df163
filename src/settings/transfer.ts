import { z } from 'zod';
import type { MatchableEntry } from '../phrasebook/schema';
import { CUSTOM_LIMITS, type CustomRewrite, REWRITE_ID, newRewriteId, rewriteDraftSchema } from './custom-rewrites';
import { type KnownPhrase, PhraseIndex } from './duplicates';
import { type Problem, issueProblem } from './problems';

/**
 * Export and import of custom rewrites as a JSON file. Pure: reading the file and saving the
 * result are the caller's. An import is all or nothing: any problem refuses the whole file.
 */
export const EXPORT_KIND = 'custom-rewrites';
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 256 * 1024;
const MAX_DEPTH = 16;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function exportFile(rewrites: readonly CustomRewrite[]): string {
  const file = { kuuki: EXPORT_KIND, version: EXPORT_VERSION, rewrites };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function exportFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `kuuki-rewrites-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** A problem in an imported file: which rewrite (1-based) and field, if any. */
export interface ImportProblem extends Problem {
  item?: number;
  field?: string;
}

export interface ImportDuplicate {
  /** The rewrite in the file, as the user would recognise it. */
  phrase: string;
  lang: CustomRewrite['lang'];
  /** What it repeats. */
  known: KnownPhrase | { source: 'same'; id: string; phrase: string } | { source: 'file'; id: string; phrase: string };
}

export type ImportResult =
  | { ok: true; add: CustomRewrite[]; duplicates: ImportDuplicate[] }
  | { ok: false; problems: ImportProblem[] };

const itemSchema = rewriteDraftSchema.extend({
  id: z.string().regex(REWRITE_ID).optional(),
  updatedAt: z.number().int().nonnegative().optional(),
});

const fileSchema = z.object({
  kuuki: z.literal(EXPORT_KIND),
  version: z.number().int().min(1),
  rewrites: z.array(z.unknown()),
});

/** Keys that could reach an object's prototype if merged carelessly, and nesting no rewrite needs. */
function hostileKeys(value: unknown, path: string[] = [], found: ImportProblem[] = []): ImportProblem[] {
  if (found.length >= 20 || value === null || typeof value !== 'object') return found;
  if (path.length > MAX_DEPTH) {
    found.push({ key: 'importTooDeep', params: { max: MAX_DEPTH } });
    return found;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) found.push({ key: 'importForbiddenKey', params: { key, path: [...path, key].join('.') } });
    hostileKeys((value as Record<string, unknown>)[key], [...path, key], found);
  }
  return found;
}

const sameContent = (a: CustomRewrite, b: z.infer<typeof itemSchema>) =>
  a.lang === b.lang &&
  JSON.stringify([a.patterns, a.rewrites, a.equivalent, a.note]) ===
    JSON.stringify([b.patterns, b.rewrites, b.equivalent, b.note]);

/**
 * Checks a file and works out what importing it would add. `byteSize` is the file's size as the
 * browser reports it (text may be shorter after decoding).
 */
export function planImport(
  text: string,
  byteSize: number,
  existing: readonly CustomRewrite[],
  builtin: readonly MatchableEntry[],
  now = Date.now(),
): ImportResult {
  const refuse = (...problems: ImportProblem[]): ImportResult => ({ ok: false, problems });
  if (byteSize > MAX_IMPORT_BYTES || text.length > MAX_IMPORT_BYTES)
    return refuse({ key: 'importTooLarge', params: { max: MAX_IMPORT_BYTES / 1024 } });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse({ key: 'importNotJson' });
  }
  const hostile = hostileKeys(data);
  if (hostile.length) return refuse(...hostile);
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    const kind = (data as { kuuki?: unknown } | null)?.kuuki;
    if (typeof data !== 'object' || data === null || Array.isArray(data) || kind !== EXPORT_KIND)
      return refuse({ key: 'importWrongKind' });
    return refuse(...file.error.issues.map((i) => ({ ...issueProblem(i), field: i.path.join('.') })));
  }
  if (file.data.version > EXPORT_VERSION) return refuse({ key: 'importNewerVersion', params: { version: file.data.version } });
  const count = file.data.rewrites.length;
  if (count > CUSTOM_LIMITS.count) return refuse({ key: 'importTooMany', params: { count, max: CUSTOM_LIMITS.count } });
  if (count === 0) return refuse({ key: 'importEmpty' });

  const problems: ImportProblem[] = [];
  const items: z.infer<typeof itemSchema>[] = [];
  file.data.rewrites.forEach((raw, i) => {
    const parsed = itemSchema.safeParse(raw);
    if (parsed.success) items.push(parsed.data);
    else
      for (const issue of parsed.error.issues) {
        const [field, line] = issue.path;
        problems.push({
          ...issueProblem(issue),
          item: i + 1,
          field: field === undefined ? undefined : String(field),
          line: typeof line === 'number' ? line + 1 : undefined,
        });
      }
  });
  if (problems.length) return refuse(...problems);

  const index = PhraseIndex.of(builtin, existing);
  const byId = new Map(existing.map((r) => [r.id, r]));
  const usedIds = new Set(existing.map((r) => r.id));
  const add: CustomRewrite[] = [];
  const duplicates: ImportDuplicate[] = [];
  const inFile = new PhraseIndex();
  for (const item of items) {
    const phrase = item.patterns[0]!;
    const same = item.id ? byId.get(item.id) : undefined;
    if (same && sameContent(same, item)) {
      duplicates.push({ phrase, lang: item.lang, known: { source: 'same', id: same.id, phrase: same.patterns[0]! } });
      continue;
    }
    const known = item.patterns.map((p) => index.find(p)).find(Boolean);
    if (known) {
      duplicates.push({ phrase, lang: item.lang, known });
      continue;
    }
    const twice = item.patterns.map((p) => inFile.find(p)).find(Boolean);
    if (twice) {
      duplicates.push({ phrase, lang: item.lang, known: { source: 'file', id: twice.id, phrase: twice.phrase } });
      continue;
    }
    let id = item.id && !usedIds.has(item.id) ? item.id : newRewriteId(now);
    while (usedIds.has(id)) id = newRewriteId(now);
    usedIds.add(id);
    inFile.addCustom(id, item.patterns);
    // A time from the file is never later than now: a far-future one would win over every later edit.
    add.push({ ...item, id, updatedAt: Math.min(item.updatedAt ?? now, now) });
  }
  if (existing.length + add.length > CUSTOM_LIMITS.count)
    return refuse({ key: 'importTooMany', params: { count: existing.length + add.length, max: CUSTOM_LIMITS.count } });
  return { ok: true, add, duplicates };
}
