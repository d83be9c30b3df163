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

function parseSettings(raw: unknown): { settings: Settings; problems?: string[] } {
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? { settings: parsed.data } : { settings: DEFAULT_SETTINGS, problems: describeIssues(parsed.error) };
}

export async function getSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const { settings, problems } = parseSettings(raw);
  if (problems) {
    await quarantine('sync:settings', raw, problems);
    await settingsItem.setValue(settings);
  }
  return settings;
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await getSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => onChange(parseSettings(raw).settings));
}

const neverFlagList = z.array(neverFlagSchema);

function parseNeverFlag(raw: unknown): NeverFlag[] {
  const parsed = neverFlagList.safeParse(raw ?? []);
  return parsed.success ? parsed.data : [];
}

export async function getNeverFlag(): Promise<NeverFlag[]> {
  const raw = await neverFlagItem.getValue();
  const parsed = neverFlagList.safeParse(raw ?? []);
  if (!parsed.success) {
    await quarantine('sync:neverFlag', raw, describeIssues(parsed.error));
    await neverFlagItem.setValue([]);
    return [];
  }
  return parsed.data;
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
  return neverFlagItem.watch((raw) => onChange(parseNeverFlag(raw)));
}
