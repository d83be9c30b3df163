import { type SaveReport } from './collection';
import { newRewriteId, putCustomRewrite, readStoredRewrite, updateCustomRewrites } from './custom-rewrites';
import { type QuarantinedValue, discardQuarantined } from './quarantine';
import { PREF_FIELDS, type PrefField, dropUnreadable, putNeverFlag, readStoredNeverFlag, readStoredPref, readStoredSite, updateSettings, getSettings } from './store';
import { watchKeys } from './watch';
import { isQuarantineKey, listQuarantine } from './quarantine';

/**
 * What the user can do with a set-aside copy: restore what this version can read of it, or
 * discard it. Knows which collection each kind of copy came from.
 */
export type QuarantineKind = 'rewrite' | 'setting' | 'site' | 'neverFlag' | 'other';

export function quarantineKind(q: Pick<QuarantinedValue, 'key'>): QuarantineKind {
  if (/^(sync|local):customRewrites\b/.test(q.key)) return 'rewrite';
  if (q.key === 'sync:prefs' || q.key === 'sync:settings') return 'setting';
  if (q.key === 'sync:sites' || q.key === 'sync:settings.enabledSites') return 'site';
  if (/^sync:neverFlags?$/.test(q.key)) return 'neverFlag';
  return 'other';
}

type Plan = () => Promise<SaveReport | Awaited<ReturnType<typeof updateSettings>>>;

/** How to put back what can be read of a copy, or undefined if nothing can. */
function restorePlan(q: QuarantinedValue): Plan | undefined {
  switch (quarantineKind(q)) {
    case 'rewrite': {
      const raw = q.value as { id?: unknown } | null;
      const id = typeof raw?.id === 'string' ? raw.id : (q.record ?? newRewriteId());
      const { value } = readStoredRewrite(id, { ...(raw && typeof raw === 'object' ? raw : {}), id });
      return value ? () => putCustomRewrite({ ...value, updatedAt: Date.now() }) : undefined;
    }
    case 'setting': {
      const fields: [PrefField, unknown][] =
        q.record !== undefined
          ? [[q.record as PrefField, q.value]]
          : q.value && typeof q.value === 'object'
            ? (Object.entries(q.value) as [PrefField, unknown][])
            : [];
      const good = fields.filter(([k, v]) => (PREF_FIELDS as readonly string[]).includes(k) && readStoredPref(k, v).value);
      return good.length ? () => updateSettings(Object.fromEntries(good)) : undefined;
    }
    case 'site': {
      const host = q.record ?? (typeof q.value === 'string' ? q.value : undefined);
      if (host === undefined || !readStoredSite(host, 1).value) return undefined;
      return async () => updateSettings({ enabledSites: [...new Set([...(await getSettings()).enabledSites, host])] });
    }
    case 'neverFlag': {
      const phrase = (q.value as { phrase?: unknown } | null)?.phrase;
      const read = typeof phrase === 'string' ? readStoredNeverFlag(phrase, q.value) : undefined;
      return read?.value ? () => putNeverFlag(read.value!) : undefined;
    }
    default:
      return undefined;
  }
}

export const canRestore = (q: QuarantinedValue) => restorePlan(q) !== undefined;

/** Puts back what can be read of a copy, then forgets the copy. */
export async function restoreQuarantined(q: QuarantinedValue): Promise<boolean> {
  const plan = restorePlan(q);
  if (!plan) return false;
  await plan();
  await discardQuarantined(q.id);
  return true;
}

const COLLECTION_OF = { setting: 'prefs', site: 'sites', neverFlag: 'neverFlags' } as const;

/** Forgets a copy; if the stored record is one nothing here can read, it is removed too. */
export async function discardQuarantine(q: QuarantinedValue): Promise<void> {
  await discardQuarantined(q.id);
  if (q.record === undefined) return;
  const kind = quarantineKind(q);
  if (kind === 'rewrite') await updateCustomRewrites((list) => list, [q.record]);
  else if (kind in COLLECTION_OF) await dropUnreadable(COLLECTION_OF[kind as keyof typeof COLLECTION_OF], q.record);
}

export { listQuarantine };

export function watchQuarantine(onChange: () => void): () => void {
  return watchKeys((area, key) => area === 'local' && isQuarantineKey(key), onChange);
}
