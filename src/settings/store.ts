import { z } from 'zod';
import { Collection, type CollectionView, type SaveReport } from './collection';
import { readLegacyList } from './legacy';
import { addRecord, emptySet } from './records';
import { DEFAULT_SETTINGS, type NeverFlag, type Settings, neverFlagSchema, settingsSchema } from './schema';
import { watchKeys } from './watch';

/**
 * Settings, the sites the user turned on, and the never-flag list, each a collection of records
 * (see collection.ts) validated one by one: a setting this version cannot read keeps its stored
 * value and uses its default here, one bad never-flag phrase is only that phrase, and nothing is
 * ever written back on a read. Layout 1 (sync:settings, sync:neverFlag) is read until the first write.
 */
export type { QuarantinedValue } from './quarantine';
export { listQuarantine } from './quarantine';

const describe = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);
export const describeIssues = describe;

/** Settings stored one record per field; enabledSites lives in its own collection. */
export const PREF_FIELDS = ['langs', 'showEquivalents', 'uiLanguage', 'disabledSites', 'registers'] as const;
export type PrefField = (typeof PREF_FIELDS)[number];
const fieldSchemas = settingsSchema.shape;

interface Pref {
  id: PrefField;
  value: unknown;
}

export function readStoredPref(id: string, raw: unknown): { value?: Pref; problems: string[] } {
  // A setting only a newer Kuuki knows is kept as it is, and is no problem here.
  if (!(PREF_FIELDS as readonly string[]).includes(id)) return { problems: [] };
  const parsed = fieldSchemas[id as PrefField].safeParse(raw);
  return parsed.success ? { value: { id: id as PrefField, value: parsed.data }, problems: [] } : { problems: describe(parsed.error) };
}

const prefs = new Collection<Pref>({
  name: 'prefs',
  parse: readStoredPref,
  idOf: (p) => p.id,
  toRaw: (p) => p.value,
  withTime: (p) => p,
  maxChunks: 4,
  reserve: 0,
  legacy(sync) {
    const out = { set: emptySet<never>(), bad: [], consistent: true, arriving: 0 };
    const old = sync.settings;
    if (old && typeof old === 'object' && !Array.isArray(old))
      for (const [k, v] of Object.entries(old)) if (k !== 'enabledSites') addRecord(out.set, k, { time: 0, raw: v as never });
    return out;
  },
});

const HOSTNAME = z.string().min(1).max(253).regex(/^[^\s/\\:@?#]+$/);

export function readStoredSite(id: string, raw: unknown): { value?: string; problems: string[] } {
  const host = HOSTNAME.safeParse(id);
  if (!host.success) return { problems: describe(host.error) };
  return raw === 1 ? { value: id, problems: [] } : { problems: ['(value): expected 1'] };
}

const sites = new Collection<string>({
  name: 'sites',
  parse: readStoredSite,
  idOf: (h) => h,
  toRaw: () => 1,
  withTime: (h) => h,
  maxChunks: 16,
  reserve: 0,
  legacy(sync) {
    const list = (sync.settings as { enabledSites?: unknown } | undefined)?.enabledSites;
    return readLegacyList('sync:settings.enabledSites', list === undefined ? undefined : list, (h) => (typeof h === 'string' ? h : undefined), () => 0, () => 1);
  },
});

export function readStoredNeverFlag(id: string, raw: unknown): { value?: NeverFlag; problems: string[] } {
  const parsed = neverFlagSchema.safeParse(raw);
  if (!parsed.success) return { problems: describe(parsed.error) };
  return parsed.data.phrase === id ? { value: parsed.data, problems: [] } : { problems: [`phrase: is not ${id}`] };
}

const neverFlags = new Collection<NeverFlag>({
  name: 'neverFlags',
  parse: readStoredNeverFlag,
  idOf: (n) => n.phrase,
  toRaw: (n) => n,
  withTime: (n) => n,
  maxChunks: 16,
  reserve: 0,
  legacy: (sync) =>
    readLegacyList(
      'sync:neverFlag',
      sync.neverFlag,
      (r) => {
        const p = (r as { phrase?: unknown } | null)?.phrase;
        return typeof p === 'string' && p ? p : undefined;
      },
      (r) => {
        const t = (r as { addedAt?: unknown } | null)?.addedAt;
        return typeof t === 'number' && Number.isFinite(t) ? t : 0;
      },
    ),
});

/** The collections by the sync key they are stored under (and that of their old layout). */
export const COLLECTIONS = { prefs, sites, neverFlags } as const;

function settingsOf(prefView: CollectionView<Pref>, siteView: CollectionView<string>): Settings {
  const fields = Object.fromEntries(prefView.values.map((p) => [p.id, p.value]));
  return settingsSchema.parse({ ...DEFAULT_SETTINGS, ...fields, enabledSites: siteView.values });
}

export interface SettingsState {
  settings: Settings;
  /** Why some settings, sites or never-flag phrases are on this device only, if they are. */
  deviceOnly?: SaveReport['reason'];
}

/** Settings, sites and never-flag phrases: where any of them is kept on this device only, and why. */
export async function readSettingsState(): Promise<SettingsState> {
  const [p, s, n] = await Promise.all([prefs.read(), sites.read(), neverFlags.read()]);
  const views = [p, s, n] as CollectionView<unknown>[];
  const deviceOnly = views.map((v) => v.pending ?? (v.newer ? 'newer' : v.localOnly.length ? 'quota' : undefined)).find(Boolean);
  return { settings: settingsOf(p, s), deviceOnly };
}

export async function getSettings(): Promise<Settings> {
  const [p, s] = await Promise.all([prefs.read(), sites.read()]);
  return settingsOf(p, s);
}

/** Saves the fields given (only those), each as its own record. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const { enabledSites, ...fields } = change;
  const checked = settingsSchema.partial().parse(change);
  const reports: SaveReport[] = [];
  const entries = Object.keys(fields).filter((k): k is PrefField => (PREF_FIELDS as readonly string[]).includes(k));
  if (entries.length)
    reports.push(
      await prefs.update((list) => {
        const next = list.filter((p) => !entries.includes(p.id));
        return [...next, ...entries.map((id) => ({ id, value: checked[id] }))];
      }),
    );
  if (enabledSites) reports.push(await sites.update(() => [...new Set(checked.enabledSites)]));
  return getSettings();
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return watchKeys(
    (area, key) => prefs.owns(area, key) || sites.owns(area, key) || (area === 'sync' && key === 'settings'),
    () => void getSettings().then(onChange, () => undefined),
  );
}

export function getNeverFlag(): Promise<NeverFlag[]> {
  return neverFlags.values();
}

export function addNeverFlag(phrase: string, entryId: string): Promise<SaveReport> {
  return neverFlags.update((list) => (list.some((n) => n.phrase === phrase) ? list : [...list, { phrase, entryId, addedAt: Date.now() }]));
}

export function removeNeverFlag(phrase: string): Promise<SaveReport> {
  return neverFlags.update((list) => list.filter((n) => n.phrase !== phrase));
}

export function putNeverFlag(entry: NeverFlag): Promise<SaveReport> {
  return neverFlags.update((list) => [...list.filter((n) => n.phrase !== entry.phrase), entry]);
}

export function watchNeverFlag(onChange: (list: NeverFlag[]) => void): () => void {
  return watchKeys(
    (area, key) => neverFlags.owns(area, key) || (area === 'sync' && key === 'neverFlag'),
    () => void getNeverFlag().then(onChange, () => undefined),
  );
}

/** Drops stored records this version cannot read (the user discarded them). */
export function dropUnreadable(collection: keyof typeof COLLECTIONS, id: string): Promise<SaveReport> {
  return (COLLECTIONS[collection] as Collection<unknown>).update((list) => list, [id]);
}

/** Pays what this device owes sync for settings, sites and the never-flag list. */
export async function settleSettings(): Promise<void> {
  for (const c of [prefs, sites, neverFlags] as Collection<unknown>[]) await c.settle();
}
