/**
 * Why sync did not take a write, in the user's terms. Pure.
 *
 * Chrome's messages name the quota: QUOTA_BYTES, QUOTA_BYTES_PER_ITEM and MAX_ITEMS mean sync is
 * full; MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR mean too many writes, which passes.
 */
export type SyncTrouble = 'quota' | 'rate' | 'offline' | 'sync-error';

export function classifySyncError(error: unknown): { reason: SyncTrouble; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (/max_?write_?operations|too many|throttl/i.test(detail)) return { reason: 'rate', detail };
  if (/QUOTA|MAX_ITEMS|quota/i.test(detail)) return { reason: 'quota', detail };
  if (/offline|network/i.test(detail)) return { reason: 'offline', detail };
  return { reason: 'sync-error', detail };
}

/** How long to wait before trying sync again after a refusal. */
export const RETRY_AFTER_MS = { rate: 60_000, offline: 30_000, 'sync-error': 60_000, quota: 0 } as const;
