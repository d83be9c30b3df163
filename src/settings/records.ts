/**
 * A set of records merged per record by id and time, with tombstones for deletions
 * (last writer wins, per record). Pure: no `browser.*`.
 *
 * Any two copies of a set (this device's snapshot, what sync holds, half of what another device
 * wrote) merge into the same result in any order, so a partial copy can add to what is known but
 * never take a record away: only a tombstone newer than a record removes it.
 */

/** One stored record: the value as stored (`raw`, which may be unreadable) and, if readable, its value. */
export interface Slot<T> {
  time: number;
  raw: unknown;
  /** Undefined when this Kuuki cannot read the record: it is kept as it is, never dropped. */
  value?: T;
}

export interface RecordSet<T> {
  /** In the user's order. */
  records: Map<string, Slot<T>>;
  /** Deleted ids and when. */
  tombs: Map<string, number>;
}

export const emptySet = <T>(): RecordSet<T> => ({ records: new Map(), tombs: new Map() });

/** A total order on two versions of one record at the same time, the same on every device. */
function wins(a: Slot<unknown>, b: Slot<unknown>): boolean {
  if (a.time !== b.time) return a.time > b.time;
  // Readable beats unreadable; then the larger stored text, so every device picks the same.
  if ((a.value === undefined) !== (b.value === undefined)) return a.value !== undefined;
  return JSON.stringify(a.raw) > JSON.stringify(b.raw);
}

/** Adds one version of a record to a set (in place). */
export function addRecord<T>(set: RecordSet<T>, id: string, slot: Slot<T>): void {
  const had = set.records.get(id);
  if (!had || wins(slot, had)) set.records.set(id, slot);
}

export function addTomb(set: RecordSet<unknown>, id: string, time: number): void {
  set.tombs.set(id, Math.max(time, set.tombs.get(id) ?? -Infinity));
}

/** Merges sets; order follows the first set, then records new in later ones. */
export function mergeSets<T>(...sets: RecordSet<T>[]): RecordSet<T> {
  const out = emptySet<T>();
  for (const s of sets) {
    for (const [id, slot] of s.records) addRecord(out, id, slot);
    for (const [id, time] of s.tombs) addTomb(out, id, time);
  }
  return settle(out);
}

/** Drops records a newer tombstone deleted, and tombstones a newer record outlived. */
export function settle<T>(set: RecordSet<T>): RecordSet<T> {
  for (const [id, time] of set.tombs) {
    const record = set.records.get(id);
    if (!record) continue;
    if (time >= record.time) set.records.delete(id);
    else set.tombs.delete(id);
  }
  return set;
}

/** The same records and tombstones (order aside)? */
export function sameSets(a: RecordSet<unknown>, b: RecordSet<unknown>): boolean {
  if (a.records.size !== b.records.size || a.tombs.size !== b.tombs.size) return false;
  for (const [id, slot] of a.records) {
    const other = b.records.get(id);
    if (!other || other.time !== slot.time || JSON.stringify(other.raw) !== JSON.stringify(slot.raw)) return false;
  }
  for (const [id, time] of a.tombs) if (b.tombs.get(id) !== time) return false;
  return true;
}
