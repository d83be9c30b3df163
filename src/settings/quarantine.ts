import { checksum } from './bytes';
import { type StorageEnv, storageEnv } from './env';

/**
 * Stored data Kuuki could not read, copied aside on this device for the user to see, restore or
 * discard. Each copy is its own local item (`quarantine:<id>`), so there is no cap to push old
 * ones out and one damaged copy cannot hide the others. Listing never fails: a copy that is
 * itself unreadable is listed as such.
 */
export interface QuarantinedValue {
  id: string;
  /** Where it was stored, e.g. "sync:customRewrites:3", "sync:prefs" with `record` "langs". */
  key: string;
  /** The record's id within its collection, when known. */
  record?: string;
  value: unknown;
  problems: string[];
  at: number;
}

export type QuarantineInput = Omit<QuarantinedValue, 'id' | 'at'>;

const PREFIX = 'quarantine:';
const LEGACY_KEY = 'quarantine';
const DISCARDED_KEY = 'quarantineDiscarded';
const MAX_DISCARDED = 2000;

export const quarantineId = (q: Pick<QuarantinedValue, 'key' | 'record' | 'value'>) =>
  checksum(`${q.key}\u0000${q.record ?? ''}\u0000${JSON.stringify(q.value) ?? 'undefined'}`);

export const isQuarantineKey = (key: string) => key === LEGACY_KEY || key.startsWith(PREFIX) || key === DISCARDED_KEY;

async function discarded(env: StorageEnv): Promise<Set<string>> {
  const raw = (await env.local.get(DISCARDED_KEY))[DISCARDED_KEY];
  return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
}

/** Copies values aside (once each; not again after the user discarded them). */
export async function quarantine(entries: readonly QuarantineInput[], env = storageEnv()): Promise<void> {
  if (!entries.length) return;
  const keys = entries.map((e) => PREFIX + quarantineId(e));
  const [have, gone] = await Promise.all([env.local.get(keys), discarded(env)]);
  const items: Record<string, unknown> = {};
  entries.forEach((e, i) => {
    const key = keys[i]!;
    const id = key.slice(PREFIX.length);
    if (have[key] !== undefined || gone.has(id)) return;
    items[key] = { ...e, at: env.now() };
  });
  if (Object.keys(items).length) await env.local.set(items);
}

function readOne(id: string, key: string, raw: unknown): QuarantinedValue {
  const q = raw as Partial<QuarantinedValue> | null;
  if (q && typeof q === 'object' && typeof q.key === 'string' && Array.isArray(q.problems) && 'value' in q)
    return {
      id,
      key: q.key,
      record: typeof q.record === 'string' ? q.record : undefined,
      value: q.value,
      problems: q.problems.map(String),
      at: typeof q.at === 'number' ? q.at : 0,
    };
  return { id, key: `local:${key}`, value: raw, problems: ['(value): this set-aside copy is itself unreadable'], at: 0 };
}

/** Everything set aside, oldest first. */
export async function listQuarantine(env = storageEnv()): Promise<QuarantinedValue[]> {
  const all = await env.local.get(null);
  const out: QuarantinedValue[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (key.startsWith(PREFIX)) out.push(readOne(key.slice(PREFIX.length), key, raw));
  }
  // The list of Kuuki 0.1 (one array, at most 50).
  const legacy = all[LEGACY_KEY];
  if (legacy !== undefined) {
    if (Array.isArray(legacy)) legacy.forEach((q, i) => out.push(readOne(`legacy-${i}`, LEGACY_KEY, q)));
    else out.push(readOne('legacy', LEGACY_KEY, legacy));
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Forgets one set-aside copy; the same value found again is not set aside again. */
export async function discardQuarantined(id: string, env = storageEnv()): Promise<void> {
  if (id.startsWith('legacy')) {
    const all = (await env.local.get(LEGACY_KEY))[LEGACY_KEY];
    const index = Number(id.slice('legacy-'.length));
    if (Array.isArray(all) && Number.isInteger(index)) {
      const rest = all.filter((_, i) => i !== index);
      if (rest.length) await env.local.set({ [LEGACY_KEY]: rest });
      else await env.local.remove(LEGACY_KEY);
    } else await env.local.remove(LEGACY_KEY);
    return;
  }
  const gone = [...(await discarded(env)), id].slice(-MAX_DISCARDED);
  await env.local.set({ [DISCARDED_KEY]: gone });
  await env.local.remove(PREFIX + id);
}
