import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_SETTINGS, type NeverFlag, type Settings, neverFlagSchema, settingsSchema } from './schema';

/**
 * Typed, validated storage. Data that fails validation on read is moved aside to
 * `local:quarantine` (and reported by listQuarantine) rather than silently dropped.
 */
const settingsItem = storage.defineItem<unknown>('sync:settings', { fallback: {}, version: 1 });
const neverFlagItem = storage.defineItem<unknown>('sync:neverFlag', { fallback: [], version: 1 });
const quarantineItem = storage.defineItem<QuarantinedValue[]>('local:quarantine', { fallback: [] });

export interface QuarantinedValue {
  key: string;
  value: unknown;
  problems: string[];
  at: number;
}

export async function quarantine(key: string, value: unknown, problems: string[]): Promise<void> {
  const kept = await quarantineItem.getValue();
  // The same value found again (another page read it too) is kept once.
  const same = JSON.stringify(value);
  if (kept.some((q) => q.key === key && JSON.stringify(q.value) === same)) return;
  await quarantineItem.setValue([...kept, { key, value, problems, at: Date.now() }].slice(-50));
}

export function listQuarantine(): Promise<QuarantinedValue[]> {
  return quarantineItem.getValue();
}

/** Forgets quarantined values the user has seen and dismissed. */
export async function dismissQuarantined(keep: (q: QuarantinedValue) => boolean): Promise<void> {
  await quarantineItem.setValue((await quarantineItem.getValue()).filter(keep));
}

export function watchQuarantine(onChange: (list: QuarantinedValue[]) => void): () => void {
  return quarantineItem.watch((list) => onChange(list ?? []));
}

export const describeIssues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);

type Item = ReturnType<typeof storage.defineItem<unknown>>;

/** A stored value checked against its schema; invalid data falls back, with its problems. */
function parse<T>(schema: z.ZodType<T>, raw: unknown, fallback: T): { value: T; problems?: string[] } {
  const parsed = schema.safeParse(raw ?? fallback);
  return parsed.success ? { value: parsed.data } : { value: fallback, problems: describeIssues(parsed.error) };
}

/** Reads an item; invalid data is quarantined and replaced by the fallback, never silently lost. */
async function read<T>(item: Item, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const raw = await item.getValue();
  const { value, problems } = parse(schema, raw, fallback);
  if (problems) {
    await quarantine(key, raw, problems);
    await item.setValue(value);
  }
  return value;
}

export function getSettings(): Promise<Settings> {
  return read(settingsItem, 'sync:settings', settingsSchema, DEFAULT_SETTINGS);
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await getSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => onChange(parse(settingsSchema, raw, DEFAULT_SETTINGS).value));
}

const neverFlagList = z.array(neverFlagSchema);

export function getNeverFlag(): Promise<NeverFlag[]> {
  return read(neverFlagItem, 'sync:neverFlag', neverFlagList, []);
}

export async function addNeverFlag(phrase: string, entryId: string): Promise<void> {
  const list = await getNeverFlag();
  if (list.some((n) => n.phrase === phrase)) return;
  await neverFlagItem.setValue([...list, { phrase, entryId, addedAt: Date.now() }]);
}

export async function removeNeverFlag(phrase: string): Promise<void> {
  await neverFlagItem.setValue((await getNeverFlag()).filter((n) => n.phrase !== phrase));
}

export function watchNeverFlag(onChange: (list: NeverFlag[]) => void): () => void {
  return neverFlagItem.watch((raw) => onChange(parse(neverFlagList, raw, []).value));
}
