import { browser } from 'wxt/browser';
import { z } from 'zod';
import { PhrasePatternError, parsePhrasePattern } from '../engine/phrase-pattern';
import { LANGS, type MatchableEntry } from '../phrasebook/schema';
import { SYNC_QUOTA, areaBytes, checksum, itemBytes, joinChunks, packLines } from './chunks';
import { describeIssues, quarantine } from './store';

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
 * Storage layout (version 2)
 *
 *   sync:customRewrites        { version, chunks, checksum, updatedAt }
 *   sync:customRewrites:0..n   string chunks of JSON lines, one rewrite a line (see chunks.ts)
 *   local:customRewrites:device { version, rewrites[] } — rewrites that did not fit in sync
 *
 * Version 1 kept one array at sync:customRewrites; it is migrated on first read.
 * A reader that finds a version newer than its own reads what it can and writes to this device only.
 */
export const CUSTOM_REWRITES_VERSION = 2;
const META_KEY = 'customRewrites';
const DEVICE_KEY = 'customRewrites:device';
const CHUNK_KEY = /^customRewrites:(\d+)$/;
const chunkKey = (i: number) => `customRewrites:${i}`;

/** Sync bytes left for everything else (settings, never-flag list) to grow into. */
const RESERVE_BYTES = 12_288;
/** Slack under the per-item quota, for how a browser may count bytes. */
const ITEM_MARGIN = 192;

/** Upgrades one stored record from `from` to the current version. */
const RECORD_MIGRATIONS: Record<number, (record: unknown) => unknown> = {
  // 1 → 2 changed where rewrites are kept (one array → chunks), not their shape.
  2: (record) => record,
};

function migrateRecord(record: unknown, from: number): unknown {
  let value = record;
  for (let v = from + 1; v <= CUSTOM_REWRITES_VERSION; v++) value = RECORD_MIGRATIONS[v]?.(value) ?? value;
  return value;
}

const metaSchema = z.object({
  version: z.number().int().min(2),
  chunks: z.number().int().min(0).max(SYNC_QUOTA.maxItems),
  checksum: z.string(),
  updatedAt: z.number(),
});
const deviceSchema = z.object({ version: z.number().int().min(1), rewrites: z.array(z.unknown()) });

interface Unreadable {
  key: string;
  value: unknown;
  problems: string[];
}

interface Decoded {
  version: number;
  good: CustomRewrite[];
  bad: Unreadable[];
  /** All chunks present and matching the checksum: safe to rewrite. */
  consistent: boolean;
}

function validate(records: unknown[], from: number, key: string, version: number): Pick<Decoded, 'good' | 'bad'> {
  const good: CustomRewrite[] = [];
  const bad: Unreadable[] = [];
  for (const record of records) {
    if (version > CUSTOM_REWRITES_VERSION) {
      // A newer Kuuki's records: take those we understand, leave the rest untouched.
      const parsed = customRewriteSchema.safeParse(record);
      if (parsed.success) good.push(parsed.data);
      continue;
    }
    const parsed = customRewriteSchema.safeParse(migrateRecord(record, from));
    if (parsed.success) good.push(parsed.data);
    else bad.push({ key, value: record, problems: describeIssues(parsed.error) });
  }
  return { good, bad };
}

/** Reads the sync items of custom rewrites, whatever version wrote them. */
export function decodeSync(items: Record<string, unknown>): Decoded {
  const key = `sync:${META_KEY}`;
  const chunkKeys = Object.keys(items).filter((k) => CHUNK_KEY.test(k));
  const raw = items[META_KEY];
  if (raw === undefined && !chunkKeys.length) return { version: CUSTOM_REWRITES_VERSION, good: [], bad: [], consistent: true };
  if (Array.isArray(raw)) return { version: 1, ...validate(raw, 1, key, 1), consistent: true };
  const meta = metaSchema.safeParse(raw);
  const count = meta.success ? meta.data.chunks : chunkKeys.length;
  const chunks: string[] = [];
  let consistent = meta.success;
  for (let i = 0; i < count; i++) {
    const chunk = items[chunkKey(i)];
    if (typeof chunk === 'string') chunks.push(chunk);
    else consistent = false;
  }
  const { text, lines } = joinChunks(chunks);
  if (meta.success && checksum(text) !== meta.data.checksum) consistent = false;
  const version = meta.success ? meta.data.version : CUSTOM_REWRITES_VERSION;
  const records: unknown[] = [];
  const bad: Unreadable[] = [];
  for (const l of lines) {
    try {
      records.push(JSON.parse(l));
    } catch {
      bad.push({ key, value: l, problems: ['(line): not JSON'] });
    }
  }
  const checked = validate(records, version, key, version);
  if (!meta.success && raw !== undefined) bad.unshift({ key, value: raw, problems: describeIssues(meta.error) });
  return {
    version,
    good: checked.good,
    bad: version > CUSTOM_REWRITES_VERSION ? [] : [...bad, ...checked.bad],
    consistent,
  };
}

function decodeDevice(raw: unknown): Pick<Decoded, 'good' | 'bad'> {
  const key = `local:${DEVICE_KEY}`;
  if (raw === undefined) return { good: [], bad: [] };
  const parsed = deviceSchema.safeParse(raw);
  if (!parsed.success) return { good: [], bad: [{ key, value: raw, problems: describeIssues(parsed.error) }] };
  return validate(parsed.data.rewrites, parsed.data.version, key, parsed.data.version);
}

/** Sync and device copies together: one per id, the newer edit winning. */
function merge(synced: CustomRewrite[], device: CustomRewrite[]): CustomRewrite[] {
  const byId = new Map<string, CustomRewrite>();
  for (const r of [...synced, ...device]) {
    const had = byId.get(r.id);
    if (!had || r.updatedAt >= had.updatedAt) byId.set(r.id, r);
  }
  return [...byId.values()];
}

export interface CustomRewritesState {
  rewrites: CustomRewrite[];
  /** Ids of rewrites kept on this device only (sync was full or refused the write). */
  localOnly: string[];
  /** Stored records that could not be read while sync looked mid-update (left where they are). */
  unsettled: number;
  /** Stored by a newer Kuuki: changes are kept on this device only. */
  newer: boolean;
}

async function readAreas() {
  const [sync, local] = await Promise.all([browser.storage.sync.get(null), browser.storage.local.get(DEVICE_KEY)]);
  return { sync: sync as Record<string, unknown>, device: (local as Record<string, unknown>)[DEVICE_KEY] };
}

/**
 * Everything the user added, with where it is kept. Records that fail validation are moved to
 * the quarantine (reported in the popup) and the stored data rewritten without them; an old
 * layout is migrated. Nothing is written while sync looks half-updated.
 */
export async function readCustomRewrites(repaired = false): Promise<CustomRewritesState> {
  const areas = await readAreas();
  const synced = decodeSync(areas.sync);
  const device = decodeDevice(areas.device);
  const newer = synced.version > CUSTOM_REWRITES_VERSION;
  const repairSync = synced.consistent && !newer && (synced.bad.length > 0 || synced.version < CUSTOM_REWRITES_VERSION);
  if (!repaired && (repairSync || device.bad.length)) {
    // write() sets the unreadable records aside, then stores the rest in the current layout.
    await updateCustomRewrites((list) => list);
    return readCustomRewrites(true);
  }
  const rewrites = merge(synced.good, device.good);
  const deviceIds = new Set(device.good.map((r) => r.id));
  return {
    rewrites,
    localOnly: rewrites.filter((r) => deviceIds.has(r.id)).map((r) => r.id),
    unsettled: synced.consistent ? 0 : synced.bad.length,
    newer,
  };
}

export async function getCustomRewrites(): Promise<CustomRewrite[]> {
  return (await readCustomRewrites()).rewrites;
}

export interface SaveReport {
  /** Ids kept on this device only. */
  localOnly: string[];
  /** Why some are on this device only: sync is full, refused the write, or belongs to a newer Kuuki. */
  reason?: 'quota' | 'sync-error' | 'newer';
  /** The browser's own words when sync refused the write. */
  detail?: string;
}

// One write at a time from this page, so two quick saves cannot interleave.
let tail: Promise<unknown> = Promise.resolve();
function queue<T>(task: () => Promise<T>): Promise<T> {
  const run = tail.then(task, task);
  tail = run.catch(() => undefined);
  return run;
}

const sameRewrite = (a: CustomRewrite | undefined, b: CustomRewrite) => !!a && JSON.stringify(a) === JSON.stringify(b);

async function writeDevice(rewrites: CustomRewrite[]): Promise<void> {
  if (rewrites.length) await browser.storage.local.set({ [DEVICE_KEY]: { version: CUSTOM_REWRITES_VERSION, rewrites } });
  else await browser.storage.local.remove(DEVICE_KEY);
}

/** How many bytes of sync custom rewrites may use, given what else is stored there. */
export function syncBudget(items: Record<string, unknown>): number {
  const others = Object.fromEntries(
    Object.entries(items).filter(([k]) => k !== META_KEY && !CHUNK_KEY.test(k) && k !== `${META_KEY}$`),
  );
  return SYNC_QUOTA.total - areaBytes(others) - RESERVE_BYTES;
}

async function write(list: CustomRewrite[], areas: Awaited<ReturnType<typeof readAreas>>): Promise<SaveReport> {
  const rewrites = z.array(customRewriteSchema).max(CUSTOM_LIMITS.count).parse(list);
  const current = decodeSync(areas.sync);
  // Records this write would overwrite but could not read are set aside first, never lost.
  for (const b of [...current.bad, ...decodeDevice(areas.device).bad]) await quarantine(b.key, b.value, b.problems);
  if (current.version > CUSTOM_REWRITES_VERSION) {
    const syncedById = new Map(current.good.map((r) => [r.id, r]));
    const local = rewrites.filter((r) => !sameRewrite(syncedById.get(r.id), r));
    await writeDevice(local);
    return { localOnly: local.map((r) => r.id), reason: 'newer' };
  }

  const meta = (chunks: number, text: string) => ({
    version: CUSTOM_REWRITES_VERSION,
    chunks,
    checksum: checksum(text),
    updatedAt: Date.now(),
  });
  const metaBytes = itemBytes(META_KEY, meta(SYNC_QUOTA.maxItems, ''));
  const packed = packLines(
    rewrites.map((r) => JSON.stringify(r)),
    {
      keyOf: chunkKey,
      perItem: SYNC_QUOTA.perItem - ITEM_MARGIN,
      budget: syncBudget(areas.sync) - metaBytes,
      maxChunks: 64,
    },
  );
  let local = packed.left.map((i) => rewrites[i]!);
  let reason: SaveReport['reason'] = local.length ? 'quota' : undefined;
  let detail: string | undefined;
  // Device first: a rewrite moving out of sync is never missing in between.
  await writeDevice(local);
  const values: Record<string, unknown> = { [META_KEY]: meta(packed.chunks.length, packed.chunks.join('')) };
  packed.chunks.forEach((c, i) => (values[chunkKey(i)] = c));
  try {
    await browser.storage.sync.set(values);
    // Chunks past the new end, and the metadata an older Kuuki's storage helper kept.
    const stale = Object.keys(areas.sync).filter(
      (k) => (CHUNK_KEY.test(k) && Number(CHUNK_KEY.exec(k)![1]) >= packed.chunks.length) || k === `${META_KEY}$`,
    );
    if (stale.length) await browser.storage.sync.remove(stale);
  } catch (e) {
    // Sync refused (quota, or too many writes a minute): keep every change on this device.
    detail = (e as Error)?.message ?? String(e);
    reason = /quota/i.test(detail) ? 'quota' : 'sync-error';
    const syncedById = new Map(current.good.map((r) => [r.id, r]));
    local = rewrites.filter((r) => !sameRewrite(syncedById.get(r.id), r));
    await writeDevice(local);
  }
  return { localOnly: local.map((r) => r.id), reason, detail };
}

/** Replaces all custom rewrites; those sync cannot hold are kept on this device. */
export function saveCustomRewrites(list: CustomRewrite[]): Promise<SaveReport> {
  return queue(async () => write(list, await readAreas()));
}

/** Reads, changes and saves in one step (no other save from this page in between). */
export function updateCustomRewrites(change: (list: CustomRewrite[]) => CustomRewrite[]): Promise<SaveReport> {
  return queue(async () => {
    const areas = await readAreas();
    const current = merge(decodeSync(areas.sync).good, decodeDevice(areas.device).good);
    return write(change(current), areas);
  });
}

export function putCustomRewrite(rewrite: CustomRewrite): Promise<SaveReport> {
  return updateCustomRewrites((list) =>
    list.some((r) => r.id === rewrite.id) ? list.map((r) => (r.id === rewrite.id ? rewrite : r)) : [...list, rewrite],
  );
}

export function deleteCustomRewrite(id: string): Promise<SaveReport> {
  return updateCustomRewrites((list) => list.filter((r) => r.id !== id));
}

const isOurs = (key: string) => key === META_KEY || CHUNK_KEY.test(key) || key === DEVICE_KEY;

export function watchCustomRewrites(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'sync' || area === 'local') && Object.keys(changes).some(isOurs)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
