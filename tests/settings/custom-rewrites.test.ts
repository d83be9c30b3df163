import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_QUOTA, checksum, itemBytes } from '../../src/settings/bytes';
import {
  CUSTOM_REWRITES_VERSION,
  type CustomRewrite,
  deleteCustomRewrite,
  getCustomRewrites,
  putCustomRewrite,
  readCustomRewrites,
  saveCustomRewrites,
  settleCustomRewrites,
  toEntry,
  watchCustomRewrites,
} from '../../src/settings/custom-rewrites';
import { listQuarantine } from '../../src/settings/quarantine';

const rewrite = (id: string, over: Partial<CustomRewrite> = {}): CustomRewrite => ({
  id,
  lang: 'en',
  patterns: [`per my last email ${id}`],
  rewrites: ['As I mentioned before,'],
  equivalent: '前回お伝えしたとおり、',
  note: '',
  updatedAt: 1,
  ...over,
});

/** A big Japanese rewrite: ~2 kB of UTF-8. */
const big = (id: string) =>
  rewrite(id, {
    lang: 'ja',
    patterns: [`大変申し訳ないのですがそれはできません${id}`],
    rewrites: Array.from({ length: 8 }, (_, i) => `恐れ入りますが、現状ではお引き受けするのが難しい状況です。${i}`),
    note: 'あ'.repeat(150),
  });

/** Makes fake sync storage refuse writes the way Chrome does: per item and in total. */
function enforceSyncQuota() {
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  return vi.spyOn(sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    const current = (await sync.get(null)) as Record<string, unknown>;
    const next = { ...current, ...items };
    for (const [k, v] of Object.entries(items))
      if (itemBytes(k, v) > SYNC_QUOTA.perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    const total = Object.entries(next).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    if (total > SYNC_QUOTA.total) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('custom rewrites in storage.sync', () => {
  it('round-trips through chunked sync items, each record whole in its chunk', async () => {
    const list = [rewrite('a'), rewrite('b', { lang: 'ja', patterns: ['(それは|)無理です'] })];
    const report = await saveCustomRewrites(list);
    expect(report).toEqual({ localOnly: [], reason: undefined });
    // Saved times are the store's own (never earlier than an existing one).
    const read = await getCustomRewrites();
    expect(read.map(({ updatedAt, ...r }) => r)).toEqual(list.map(({ updatedAt, ...r }) => r));
    const sync = await fakeBrowser.storage.sync.get(null);
    expect(sync.customRewrites).toMatchObject({ version: CUSTOM_REWRITES_VERSION, chunks: 1 });
    expect((sync['customRewrites:0'] as { e: unknown[][] }).e.map((e) => e[1])).toEqual(['a', 'b']);
  });

  it('splits into several items, each under the per-item quota', async () => {
    enforceSyncQuota();
    const list = Array.from({ length: 20 }, (_, i) => big(`r${i}`));
    const report = await saveCustomRewrites(list);
    expect(report.localOnly).toEqual([]);
    const sync = (await fakeBrowser.storage.sync.get(null)) as Record<string, unknown>;
    const chunkKeys = Object.keys(sync).filter((k) => /^customRewrites:\d+$/.test(k));
    expect(chunkKeys.length).toBeGreaterThan(3);
    for (const k of chunkKeys) expect(itemBytes(k, sync[k])).toBeLessThanOrEqual(SYNC_QUOTA.perItem);
    expect((await getCustomRewrites()).map((r) => r.id)).toEqual(list.map((r) => r.id));
  });

  it('keeps what sync cannot hold on this device, says so, and syncs it again when room is made', async () => {
    enforceSyncQuota();
    const list = Array.from({ length: 80 }, (_, i) => big(`r${i}`));
    const report = await saveCustomRewrites(list);
    expect(report.reason).toBe('quota');
    expect(report.localOnly.length).toBeGreaterThan(0);
    // The newest are the ones left on the device; nothing is lost.
    expect(report.localOnly).toContain("r79");
    const state = await readCustomRewrites();
    expect(state.rewrites.map((r) => r.id).sort()).toEqual(list.map((r) => r.id).sort());
    expect(state.localOnly).toEqual(report.localOnly);
    const total = Object.entries((await fakeBrowser.storage.sync.get(null)) as Record<string, unknown>).reduce(
      (n, [k, v]) => n + itemBytes(k, v),
      0,
    );
    expect(total).toBeLessThanOrEqual(SYNC_QUOTA.total);

    const after = await saveCustomRewrites(list.slice(40));
    expect(after.localOnly).toEqual([]);
    expect((await readCustomRewrites()).localOnly).toEqual([]);
  });

  it('keeps the change on this device when sync refuses the write', async () => {
    await saveCustomRewrites([rewrite('a')]);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE exceeded'));
    const report = await putCustomRewrite(rewrite('b'));
    expect(report).toMatchObject({ reason: 'rate', localOnly: ['b'] });
    expect((await getCustomRewrites()).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('leaves room in sync for settings and the never-flag list', async () => {
    enforceSyncQuota();
    await fakeBrowser.storage.sync.set({ neverFlag: Array.from({ length: 100 }, (_, i) => ({ phrase: `p${i}`.repeat(20) })) });
    await saveCustomRewrites(Array.from({ length: 80 }, (_, i) => big(`r${i}`)));
    // A settings write still fits afterwards.
    await expect(fakeBrowser.storage.sync.set({ settings: { langs: ['en'], note: 'x'.repeat(2000) } })).resolves.toBeUndefined();
  });

  it('edits, deletes and removes chunks no longer needed', async () => {
    await saveCustomRewrites(Array.from({ length: 20 }, (_, i) => big(`r${i}`)));
    await putCustomRewrite({ ...big('r3'), rewrites: ['もう少し検討させてください。'] });
    expect((await getCustomRewrites()).find((r) => r.id === 'r3')?.rewrites).toEqual(['もう少し検討させてください。']);
    for (let i = 0; i < 20; i++) if (i !== 3) await deleteCustomRewrite(`r${i}`);
    expect((await getCustomRewrites()).map((r) => r.id)).toEqual(['r3']);
    const sync = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(sync).filter((k) => k.startsWith('customRewrites:'))).toEqual(['customRewrites:0']);
  });

  it('reads the version 1 layout (one array), sets aside what fails validation, and migrates on the next write', async () => {
    await fakeBrowser.storage.sync.set({
      customRewrites: [rewrite('old'), { id: 'BAD ID', lang: 'fr', patterns: [], rewrites: [] }],
      customRewrites$: { v: 1 },
    });
    expect((await getCustomRewrites()).map((r) => r.id)).toEqual(['old']);
    // Reading wrote nothing over it.
    expect(Array.isArray((await fakeBrowser.storage.sync.get('customRewrites')).customRewrites)).toBe(true);
    const quarantined = await listQuarantine();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ key: 'sync:customRewrites', value: { id: 'BAD ID' } });
    // Read again: reported once, not again and again.
    await getCustomRewrites();
    expect(await listQuarantine()).toHaveLength(1);
    await settleCustomRewrites();
    const sync = await fakeBrowser.storage.sync.get(null);
    expect(sync.customRewrites).toMatchObject({ version: 3 });
    expect(sync.customRewrites$).toBeUndefined();
    expect((await getCustomRewrites()).map((r) => r.id)).toEqual(['old']);
  });

  it('sets aside a stored line that is not JSON, and keeps the readable part of a rewrite with a bad pattern', async () => {
    const good = JSON.stringify(rewrite('a'));
    const bad = JSON.stringify(rewrite('b', { patterns: ['a [b] c', 'keep this one'] }));
    const text = `${good}\n{not json\n${bad}`;
    await fakeBrowser.storage.sync.set({
      'customRewrites:0': text,
      customRewrites: { version: 2, chunks: 1, checksum: checksum(text), updatedAt: 2 },
    });
    const read = await getCustomRewrites();
    expect(read.map((r) => r.id)).toEqual(['a', 'b']);
    expect(read[1]!.patterns).toEqual(['keep this one']);
    const q = await listQuarantine();
    expect(q.map((x) => x.value)).toEqual(['{not json', JSON.parse(bad)]);
    expect(q[1]!.problems.join()).toContain('unsupported character');
  });

  it('never splices a layout-2 line across a missing chunk, and writes nothing while it is missing', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => JSON.stringify(rewrite(`r${i}`)));
    const text = lines.join('\n');
    const cut = [0, 1, 2, 3].map((i) => text.slice((i * text.length) / 4, ((i + 1) * text.length) / 4));
    const items: Record<string, unknown> = { customRewrites: { version: 2, chunks: 4, checksum: checksum(text), updatedAt: 2 } };
    cut.forEach((c, i) => i !== 2 && (items[`customRewrites:${i}`] = c));
    await fakeBrowser.storage.sync.set(items);
    const state = await readCustomRewrites();
    for (const r of state.rewrites) expect(r.patterns).toEqual([`per my last email ${r.id}`]);
    expect(state.unsettled).toBeGreaterThan(0);
    await putCustomRewrite(rewrite('new'));
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(items);
    expect((await getCustomRewrites()).map((r) => r.id)).toContain('new');
  });

  it('reads what it can of a newer version and writes to this device only', async () => {
    await fakeBrowser.storage.sync.set({
      customRewrites: { version: 9, chunks: 1, checksum: 'x', updatedAt: 1 },
      'customRewrites:0': { g: 'x', e: [['r', 'a', 1, rewrite('a')], ['future', true]] },
    });
    const state = await readCustomRewrites();
    expect(state).toMatchObject({ newer: true, rewrites: [rewrite('a')] });
    const report = await putCustomRewrite(rewrite('b'));
    expect(report).toMatchObject({ reason: 'newer', localOnly: ['b'] });
    expect((await fakeBrowser.storage.sync.get('customRewrites')).customRewrites).toMatchObject({ version: 9 });
  });

  it('tells watchers when rewrites change in either area, and only then', async () => {
    const seen = vi.fn();
    const unwatch = watchCustomRewrites(seen);
    await putCustomRewrite(rewrite('a'));
    expect(seen).toHaveBeenCalled();
    seen.mockClear();
    await fakeBrowser.storage.sync.set({ settings: {} });
    expect(seen).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ 'customRewrites:state': { version: 1, records: [], tombs: [] } });
    expect(seen).toHaveBeenCalledTimes(1);
    unwatch();
  });

  it('refuses to save an invalid rewrite', async () => {
    await expect(saveCustomRewrites([rewrite('a', { patterns: ['a (b'] })])).rejects.toThrow();
    expect(await getCustomRewrites()).toEqual([]);
  });

  it('gives the engine an entry of the custom category', () => {
    expect(toEntry(rewrite('a'))).toMatchObject({ id: 'en-custom-a', category: 'custom', why: '' });
  });
});
