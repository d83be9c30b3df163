import { SYNC_QUOTA, areaBytes, checksum } from './bytes';
import { type StorageEnv, storageEnv } from './env';
import type { LegacyRead } from './legacy';
import { quarantine, type QuarantineInput } from './quarantine';
import { type RecordSet, type Slot, addRecord, addTomb, emptySet, mergeSets } from './records';
import { RETRY_AFTER_MS, type SyncTrouble, classifySyncError } from './sync-errors';
import { LAYOUT_VERSION, type Unreadable, decodeLayout, encodeLayout, isLayoutKey } from './sync-layout';

/**
 * A list of records kept in `storage.sync`, with everything this device knows kept beside it in
 * `storage.local` (NAME:state). The one place where a collection is read, merged and written.
 *
 * - Reading never writes over stored data: records are validated one by one, a record this
 *   version cannot read is kept as it is (and a copy set aside for the user), and what sync holds
 *   is merged with the device's state per record, by id and time, so a chunk that is missing or
 *   half-arrived can add records but never take one away.
 * - Writing happens under one lock shared by all extension contexts. The device state is written
 *   first, in one set() call, marked "pending"; then sync, in one set() call; then the mark is
 *   cleared. A write interrupted anywhere is either not there at all or is there on this device
 *   and still owed to sync, which the next writer (or `settle`) pays.
 * - Sync is never written over while it looks half-updated by another device (unless it has
 *   looked the same for STUCK_MS): the change waits on this device. What does not fit in sync,
 *   or what sync refuses, stays on this device, with the reason.
 */
export interface CollectionSpec<T> {
  /** The sync key of the meta item and prefix of its chunks; `local:NAME:state` on the device. */
  name: string;
  /** Validates one stored record, keeping what it can: a value, the problems found, or both. */
  parse(id: string, raw: unknown): { value?: T; problems: string[] };
  idOf(value: T): string;
  /** What to store for a value. */
  toRaw(value: T): unknown;
  /** The value with its own time field (if it has one) set. */
  withTime(value: T, time: number): T;
  maxChunks: number;
  /** Sync bytes to leave for the other collections to grow into. */
  reserve: number;
  /** Data of older layouts, read (never written) until this layout is first stored. */
  legacy?(sync: Record<string, unknown>, local: Record<string, unknown>): LegacyRead;
  legacyLocalKeys?: readonly string[];
}

export type SaveReason = SyncTrouble | 'newer' | 'arriving';

export interface SaveReport {
  /** Ids kept on this device only (sync is full, or refused the write). */
  localOnly: string[];
  /** Why not everything is in sync: full, too many writes, offline, refused, a newer Kuuki, or sync still arriving. */
  reason?: SaveReason;
  /** The browser's own words when sync refused the write. */
  detail?: string;
}

export interface CollectionView<T> {
  values: T[];
  /** Ids of records kept on this device only. */
  localOnly: string[];
  /** Records stored that are not readable yet: pieces still arriving, or unreadable while sync looks mid-update. */
  unsettled: number;
  /** Stored by a newer Kuuki: changes are kept on this device only. */
  newer: boolean;
  /** A change is saved on this device and still owed to sync, and why. */
  pending?: SaveReason;
  /** Stored records this version cannot read (kept as they are; copies set aside). */
  unreadable: string[];
}

/** How long sync may look half-updated before Kuuki treats it as what there is. */
export const STUCK_MS = 5 * 60_000;
const MAX_TOMBS = 1000;
const STATE_VERSION = 1;

interface DeviceState {
  pending: boolean;
  deviceOnly: string[];
  reason?: SaveReason;
  detail?: string;
  stuck?: { fp: string; since: number };
}

interface Loaded<T> {
  sync: Record<string, unknown>;
  /** What sync holds (current layout, or the legacy one), parsed. */
  synced: RecordSet<T>;
  merged: RecordSet<T>;
  state: DeviceState;
  hasState: boolean;
  bad: QuarantineInput[];
  fragments: Unreadable[];
  consistent: boolean;
  arriving: number;
  newer: boolean;
  stale: string[];
  legacy: boolean;
  /** Fingerprint of this collection's sync items. */
  fp: string;
}

const stateSchemaOk = (raw: unknown): raw is { version: number; records: unknown[]; tombs: unknown[] } & Partial<DeviceState> =>
  !!raw && typeof raw === 'object' && Array.isArray((raw as { records?: unknown }).records) && Array.isArray((raw as { tombs?: unknown }).tombs);

/** JSON with object keys sorted: the same for two values that differ only in key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  ) ?? 'undefined';
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export class Collection<T> {
  constructor(
    readonly spec: CollectionSpec<T>,
    private readonly envOf: () => StorageEnv = storageEnv,
  ) {}

  private get env() {
    return this.envOf();
  }

  private get stateKey() {
    return `${this.spec.name}:state`;
  }

  /** Is this sync or local key part of this collection? */
  owns(area: string, key: string): boolean {
    if (area === 'sync') return isLayoutKey(this.spec.name, key);
    return key === this.stateKey || !!this.spec.legacyLocalKeys?.includes(key);
  }

  private parseSet(raw: RecordSet<never>, key: string, bad: QuarantineInput[]): RecordSet<T> {
    const out = emptySet<T>();
    for (const [id, slot] of raw.records) {
      const { value, problems } = this.spec.parse(id, slot.raw);
      if (problems.length) bad.push({ key, record: id, value: slot.raw, problems });
      addRecord(out, id, { time: slot.time, raw: slot.raw, value });
    }
    for (const [id, t] of raw.tombs) addTomb(out, id, t);
    return out;
  }

  private async load(): Promise<Loaded<T>> {
    const { name } = this.spec;
    const [sync, local] = await Promise.all([
      this.env.sync.get(null),
      this.env.local.get([this.stateKey, ...(this.spec.legacyLocalKeys ?? [])]),
    ]);
    const bad: QuarantineInput[] = [];
    const decoded = decodeLayout(name, sync);
    const useLegacy = !!this.spec.legacy && (!decoded.present || decoded.version < LAYOUT_VERSION);
    const legacy = useLegacy ? this.spec.legacy!(sync, local) : undefined;
    const fromSync = useLegacy ? legacy!.set : decoded.set;
    bad.push(...(useLegacy ? legacy!.bad : decoded.bad));
    const synced = this.parseSet(fromSync, `sync:${name}`, bad);

    const rawState = local[this.stateKey];
    let state: DeviceState = { pending: false, deviceOnly: [] };
    const device = emptySet<never>();
    if (rawState !== undefined) {
      if (stateSchemaOk(rawState)) {
        state = {
          pending: rawState.pending === true,
          deviceOnly: Array.isArray(rawState.deviceOnly) ? rawState.deviceOnly.filter((x): x is string => typeof x === 'string') : [],
          reason: rawState.reason,
          detail: rawState.detail,
          stuck: rawState.stuck,
        };
        for (const r of rawState.records) {
          if (Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'number') addRecord(device, r[0], { time: r[1], raw: r[2] });
          else bad.push({ key: `local:${this.stateKey}`, value: r, problems: ['(record): unreadable'] });
        }
        for (const t of rawState.tombs)
          if (Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'number') addTomb(device, t[0], t[1]);
      } else bad.push({ key: `local:${this.stateKey}`, value: rawState, problems: ['(value): unreadable device state'] });
    }
    // A record is reported under its collection wherever it was read, so it is set aside once.
    const deviceSet = this.parseSet(device, `sync:${name}`, bad);
    const merged = mergeSets(deviceSet, synced);
    const consistent = useLegacy ? legacy!.consistent : decoded.consistent;
    const ours = Object.fromEntries(Object.entries(sync).filter(([k]) => isLayoutKey(name, k)));
    return {
      sync,
      synced,
      merged,
      state,
      hasState: rawState !== undefined,
      bad,
      fragments: [],
      consistent,
      arriving: useLegacy ? legacy!.arriving : decoded.arriving,
      newer: !useLegacy && decoded.version > LAYOUT_VERSION,
      stale: useLegacy ? [] : decoded.stale,
      legacy: useLegacy && (legacy!.set.records.size > 0 || legacy!.bad.length > 0),
      fp: checksum(JSON.stringify(ours)),
    };
  }

  /** What is stored, for showing and using. Writes nothing but copies of unreadable records. */
  async read(): Promise<CollectionView<T>> {
    const l = await this.load();
    await quarantine(l.bad, this.env);
    const values: T[] = [];
    const unreadable: string[] = [];
    for (const [id, slot] of l.merged.records) {
      if (slot.value === undefined) unreadable.push(id);
      else values.push(slot.value);
    }
    const ids = new Set(l.merged.records.keys());
    const settledStuck = !l.consistent && this.stuckExpired(l);
    return {
      values,
      localOnly: l.newer ? this.differing(l) : l.state.deviceOnly.filter((id) => ids.has(id)),
      unsettled: l.consistent || settledStuck ? 0 : Math.max(l.arriving, 1),
      newer: l.newer,
      pending: l.state.pending ? (l.state.reason ?? 'arriving') : undefined,
      unreadable,
    };
  }

  async values(): Promise<T[]> {
    return (await this.read()).values;
  }

  /** Ids whose device copy is not what sync holds. */
  private differing(l: Loaded<T>): string[] {
    return [...l.merged.records].filter(([id, s]) => !same(l.synced.records.get(id)?.raw, s.raw)).map(([id]) => id);
  }

  private stuckExpired(l: Loaded<T>): boolean {
    return !!l.state.stuck && l.state.stuck.fp === l.fp && this.env.now() - l.state.stuck.since >= STUCK_MS;
  }

  /**
   * Reads, changes and saves in one step, with no other writer of any extension context in
   * between. `change` sees the readable values in order; records it leaves out are deleted.
   * Records this version cannot read are kept unless their ids are in `drop`.
   */
  update(change: (values: T[]) => T[], drop: readonly string[] = []): Promise<SaveReport> {
    return this.env.lock(async () => {
      const l = await this.load();
      await quarantine(l.bad, this.env);
      const now = this.env.now();
      const before = [...l.merged.records].filter(([, s]) => s.value !== undefined);
      const after = change(before.map(([, s]) => s.value!));
      const next = emptySet<T>();
      const timeFor = (id: string) =>
        Math.max(now, (l.merged.records.get(id)?.time ?? -1) + 1, (l.merged.tombs.get(id) ?? -1) + 1);
      for (const v of after) {
        const id = this.spec.idOf(v);
        const checked = this.spec.parse(id, this.spec.toRaw(v));
        if (checked.problems.length || checked.value === undefined)
          throw new Error(`Kuuki: refusing to store an invalid record ${id}: ${checked.problems.join('; ')}`);
        if (next.records.has(id)) throw new Error(`Kuuki: two records with id ${id}`);
        const prev = l.merged.records.get(id);
        if (prev?.value !== undefined && same(prev.raw, this.spec.toRaw(v))) {
          next.records.set(id, prev);
          continue;
        }
        const time = timeFor(id);
        const value = this.spec.withTime(v, time);
        next.records.set(id, { time, raw: this.spec.toRaw(value), value });
      }
      for (const [id, slot] of l.merged.records) {
        if (next.records.has(id)) continue;
        if (slot.value === undefined && !drop.includes(id)) next.records.set(id, slot);
        else next.tombs.set(id, timeFor(id));
      }
      for (const [id, t] of l.merged.tombs) if (!next.records.has(id) && !next.tombs.has(id)) next.tombs.set(id, t);
      return this.commit(l, next);
    });
  }

  /** Pays what this device owes sync (an interrupted or refused write, an old layout, a record another device's write left out). */
  settle(): Promise<SaveReport | null> {
    return this.env.lock(async () => {
      const l = await this.load();
      await quarantine(l.bad, this.env);
      if (!l.consistent && !this.stuckExpired(l)) {
        if (l.state.stuck?.fp !== l.fp) await this.writeState(l.merged, { ...l.state, stuck: { fp: l.fp, since: this.env.now() } });
        return null;
      }
      if (l.newer) return null;
      const owed = l.state.pending || l.legacy || l.stale.length > 0 || this.syncLacks(l);
      if (owed) return this.commit(l, l.merged);
      // A device seeing this collection for the first time keeps what it read.
      if (!l.hasState && l.merged.records.size) await this.writeState(l.merged, l.state);
      return null;
    });
  }

  /** Does sync lack something this device knows (beyond what is kept here for lack of room)? */
  private syncLacks(l: Loaded<T>): boolean {
    const deviceOnly = new Set(l.state.deviceOnly);
    for (const [id, slot] of l.merged.records) {
      if (deviceOnly.has(id)) continue;
      const s = l.synced.records.get(id);
      if (!s || s.time !== slot.time || !same(s.raw, slot.raw)) return true;
    }
    for (const [id, t] of l.merged.tombs) if (l.synced.records.has(id) && (l.synced.tombs.get(id) ?? -1) < t) return true;
    return false;
  }

  private async writeState(set: RecordSet<T>, state: DeviceState): Promise<void> {
    const tombs = [...set.tombs].sort((a, b) => b[1] - a[1]).slice(0, MAX_TOMBS);
    await this.env.local.set({
      [this.stateKey]: {
        version: STATE_VERSION,
        records: [...set.records].map(([id, s]) => [id, s.time, s.raw]),
        tombs,
        ...state,
      },
    });
  }

  /** Device first (the commit point on this device), then sync. */
  private async commit(l: Loaded<T>, next: RecordSet<T>): Promise<SaveReport> {
    const { name } = this.spec;
    const env = this.env;
    await this.writeState(next, { ...l.state, pending: true });
    if (!l.hasState && this.spec.legacyLocalKeys?.length) await env.local.remove([...this.spec.legacyLocalKeys]);

    if (l.newer) {
      const localOnly = [...next.records].filter(([id, s]) => !same(l.synced.records.get(id)?.raw, s.raw)).map(([id]) => id);
      await this.writeState(next, { pending: false, deviceOnly: localOnly, reason: 'newer' });
      return { localOnly, reason: 'newer' };
    }
    if (!l.consistent && !this.stuckExpired(l)) {
      // Another device's write is still arriving: writing now would put back less than it wrote.
      const stuck = l.state.stuck?.fp === l.fp ? l.state.stuck : { fp: l.fp, since: env.now() };
      await this.writeState(next, { ...l.state, pending: true, reason: 'arriving', stuck });
      return { localOnly: [], reason: 'arriving' };
    }

    if (!l.consistent) {
      // Sync has looked half-updated for STUCK_MS: keep a copy of it as found before writing over it.
      const found = Object.fromEntries(Object.entries(l.sync).filter(([k]) => isLayoutKey(name, k)));
      await quarantine([{ key: `sync:${name}`, value: found, problems: ['(value): sync looked half-updated for a long time; this is how it was found'] }], env);
    }
    const others = Object.fromEntries(Object.entries(l.sync).filter(([k]) => !isLayoutKey(name, k)));
    const budget = SYNC_QUOTA.total - areaBytes(others) - this.spec.reserve;
    const raw: RecordSet<unknown> = { records: new Map([...next.records].map(([id, s]) => [id, s as Slot<unknown>])), tombs: next.tombs };
    let trouble: { reason: SyncTrouble; detail: string } | undefined;
    let left: string[] = [];
    let written: Record<string, unknown> | undefined;
    for (const share of [1, 0.75]) {
      const encoded = encodeLayout(name, raw, {
        perItem: SYNC_QUOTA.perItem,
        budget: Math.floor(budget * share),
        maxChunks: this.spec.maxChunks,
        gen: `${env.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
        now: env.now(),
      });
      try {
        await env.sync.set(encoded.items);
        written = encoded.items;
        left = encoded.left;
        trouble = undefined;
        break;
      } catch (e) {
        trouble = classifySyncError(e);
        if (trouble.reason !== 'quota') break;
      }
    }
    if (!written) {
      // Sync refused: every change stays on this device; a passing refusal is tried again.
      const localOnly = [...next.records].filter(([id, s]) => !same(l.synced.records.get(id)?.raw, s.raw)).map(([id]) => id);
      const retry = trouble!.reason !== 'quota';
      await this.writeState(next, { pending: retry, deviceOnly: retry ? l.state.deviceOnly : localOnly, reason: trouble!.reason, detail: trouble!.detail });
      if (retry) env.later(() => void this.settle().catch(() => undefined), RETRY_AFTER_MS[trouble!.reason]);
      return { localOnly, reason: trouble!.reason, detail: trouble!.detail };
    }
    // Chunks past the new end (harmless to readers, but they take room).
    const stale = Object.keys(l.sync).filter((k) => isLayoutKey(name, k) && !(k in written!));
    if (stale.length) await env.sync.remove(stale).catch(() => undefined);
    const reason: SaveReason | undefined = left.length ? 'quota' : env.online() ? undefined : 'offline';
    await this.writeState(next, { pending: false, deviceOnly: left, reason });
    return { localOnly: left, reason };
  }
}
