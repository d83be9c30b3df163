import { z } from 'zod';
import { checksum, itemBytes, jsonBytes, stringBytes } from './bytes';
import { type RecordSet, addRecord, addTomb, emptySet } from './records';

/**
 * How a record set is laid out in `storage.sync` items (layout version 3). Pure: no `browser.*`.
 *
 *   NAME     { version: 3, chunks: n, checksum: gen, updatedAt }   written last in the same set()
 *   NAME:i   { g: gen, e: [entry, …] }                              i < n
 *
 * Every entry is whole in its chunk: ['r', id, time, record], ['d', id, time] for a deletion,
 * or, for a record too big for one item, ['p', id, time, hash, i, n, piece of its JSON text] —
 * read only once every piece with the same hash is there. A chunk that is missing, late or from
 * another write therefore never splices two records: each record is read whole or not at all,
 * and `consistent` says whether every chunk of the newest write is there.
 *
 * The meta item keeps the fields an older Kuuki (layout 2) checks, with a version it does not
 * know, so that version reads what it can and writes to its own device only.
 */
export const LAYOUT_VERSION = 3;

export interface Unreadable {
  /** Where it was stored, e.g. "sync:customRewrites:2". */
  key: string;
  value: unknown;
  problems: string[];
}

export interface Decoded {
  /** Layout version found (LAYOUT_VERSION when nothing is stored). */
  version: number;
  /** Whether anything of this layout is stored. */
  present: boolean;
  set: RecordSet<never>;
  bad: Unreadable[];
  /** Every chunk of the newest write is there and readable. */
  consistent: boolean;
  /** Records in pieces that have not all arrived. */
  arriving: number;
  /** Chunk keys past the newest write's end (left by an interrupted write; safe to remove). */
  stale: string[];
}

const metaSchema = z.object({
  version: z.number().int().min(1),
  chunks: z.number().int().min(0).max(512),
  checksum: z.string(),
  updatedAt: z.number(),
});
const chunkSchema = z.object({ g: z.string(), e: z.array(z.unknown()) });
const id = z.string().min(1).max(500);
const time = z.number().finite();
const entrySchema = z.union([
  z.tuple([z.literal('r'), id, time, z.unknown()]),
  z.tuple([z.literal('d'), id, time]),
  z.tuple([z.literal('p'), id, time, z.string(), z.number().int().min(0), z.number().int().min(1).max(512), z.string()]),
]);

export const chunkKey = (name: string, i: number) => `${name}:${i}`;
const chunkIndex = (name: string, key: string): number | undefined => {
  if (!key.startsWith(`${name}:`)) return undefined;
  const rest = key.slice(name.length + 1);
  return /^\d{1,3}$/.test(rest) ? Number(rest) : undefined;
};

export function isLayoutKey(name: string, key: string): boolean {
  // NAME$ is where an older Kuuki's storage helper kept its own metadata for NAME.
  return key === name || key === `${name}$` || chunkIndex(name, key) !== undefined;
}

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);

/** Reads a collection's sync items, whatever state they are in. */
export function decodeLayout(name: string, items: Record<string, unknown>): Decoded {
  const set = emptySet<never>();
  const bad: Unreadable[] = [];
  const chunkKeys = Object.keys(items).filter((k) => chunkIndex(name, k) !== undefined && items[k] !== undefined);
  const rawMeta = items[name];
  const out: Decoded = { version: LAYOUT_VERSION, present: false, set, bad, consistent: true, arriving: 0, stale: [] };
  if (rawMeta === undefined && !chunkKeys.length) return out;
  out.present = true;
  const meta = metaSchema.safeParse(rawMeta);
  if (!meta.success) {
    // Not this layout's metadata (an older layout's, or damaged): version 0, for the caller to read otherwise.
    out.consistent = false;
    out.version = 0;
    if (rawMeta !== undefined) bad.push({ key: `sync:${name}`, value: rawMeta, problems: issues(meta.error) });
  } else out.version = meta.data.version;
  const gen = meta.success ? meta.data.checksum : undefined;
  const count = meta.success ? meta.data.chunks : 0;
  for (let i = 0; i < count; i++) if (items[chunkKey(name, i)] === undefined) out.consistent = false;

  const pieces = new Map<string, { id: string; time: number; n: number; parts: Map<number, string> }>();
  for (const key of chunkKeys) {
    const index = chunkIndex(name, key)!;
    const chunk = chunkSchema.safeParse(items[key]);
    if (!chunk.success) {
      // A layout-2 chunk (a string) is read by the legacy reader, not here.
      if (typeof items[key] !== 'string') bad.push({ key: `sync:${key}`, value: items[key], problems: issues(chunk.error) });
      if (index < count) out.consistent = false;
      continue;
    }
    if (index >= count) out.stale.push(key);
    else if (chunk.data.g !== gen) out.consistent = false;
    for (const raw of chunk.data.e) {
      const entry = entrySchema.safeParse(raw);
      if (!entry.success) {
        bad.push({ key: `sync:${key}`, value: raw, problems: issues(entry.error) });
        continue;
      }
      const e = entry.data;
      if (e[0] === 'r') addRecord(set, e[1], { time: e[2], raw: e[3] });
      else if (e[0] === 'd') addTomb(set, e[1], e[2]);
      else {
        const group = `${e[1]}\u0000${e[2]}\u0000${e[3]}`;
        let p = pieces.get(group);
        if (!p) pieces.set(group, (p = { id: e[1], time: e[2], n: e[5], parts: new Map() }));
        if (e[4] < p.n) p.parts.set(e[4], e[6]);
      }
    }
  }
  for (const [group, p] of pieces) {
    const hash = group.split('\u0000')[2];
    const text = Array.from({ length: p.n }, (_, i) => p.parts.get(i));
    if (text.some((t) => t === undefined) || checksum(text.join('')) !== hash) {
      out.arriving++;
      out.consistent = false;
      continue;
    }
    try {
      addRecord(set, p.id, { time: p.time, raw: JSON.parse(text.join('')) as unknown });
    } catch {
      bad.push({ key: `sync:${name}`, value: text.join(''), problems: ['(record): not JSON'] });
    }
  }
  return out;
}

export interface EncodeOptions {
  /** Most bytes one item may cost. */
  perItem: number;
  /** Most bytes all of this collection's items may cost. */
  budget: number;
  maxChunks: number;
  /** A fresh id for this write. */
  gen: string;
  now: number;
}

export interface Encoded {
  /** Every item to set, the meta item included, in one set() call. */
  items: Record<string, unknown>;
  /** Ids of records left out for lack of room (in order). */
  left: string[];
}

type Entry = unknown[];

/** Lays a set out in chunks, records in order, then tombstones; what does not fit is left out. */
export function encodeLayout(name: string, set: RecordSet<unknown>, options: EncodeOptions): Encoded {
  const metaOf = (chunks: number) => ({ version: LAYOUT_VERSION, chunks, checksum: options.gen, updatedAt: options.now });
  const metaCost = itemBytes(name, metaOf(options.maxChunks));
  // A chunk item with no entries: key (3 digits at most), { "g": gen, "e": [] }.
  const emptyCost = itemBytes(chunkKey(name, 999), { g: options.gen, e: [] });
  const room = options.perItem - emptyCost;
  const chunks: Entry[][] = [];
  const sizes: number[] = [];
  let total = metaCost;
  const left: string[] = [];

  /** Places a group of entries (all or none): each goes in the last chunk if it fits, else a new one. */
  const place = (group: { entry: Entry; bytes: number }[]): boolean => {
    const trialChunks = chunks.map((c) => c.length);
    const trialSizes = [...sizes];
    let trialTotal = total;
    const placed: number[] = [];
    for (const { bytes } of group) {
      const last = trialSizes.length - 1;
      const extra = last >= 0 && trialChunks[last]! > 0 ? bytes + 1 : bytes;
      if (last >= 0 && trialSizes[last]! + extra <= room) {
        trialSizes[last]! += extra;
        trialChunks[last]!++;
        trialTotal += extra;
        placed.push(last);
      } else {
        if (trialSizes.length >= options.maxChunks || bytes > room) return false;
        trialSizes.push(bytes);
        trialChunks.push(1);
        trialTotal += emptyCost + bytes;
        placed.push(trialSizes.length - 1);
      }
    }
    if (trialTotal > options.budget) return false;
    group.forEach(({ entry }, i) => {
      const c = placed[i]!;
      (chunks[c] ??= []).push(entry);
    });
    sizes.splice(0, sizes.length, ...trialSizes);
    total = trialTotal;
    return true;
  };

  for (const [id, slot] of set.records) {
    const whole: Entry = ['r', id, slot.time, slot.raw];
    const bytes = jsonBytes(whole);
    const group = bytes <= room ? [{ entry: whole, bytes }] : pieces(id, slot.time, slot.raw, room);
    if (!place(group)) left.push(id);
  }
  for (const [id, t] of set.tombs) {
    const entry: Entry = ['d', id, t];
    place([{ entry, bytes: jsonBytes(entry) }]);
  }
  const items: Record<string, unknown> = {};
  chunks.forEach((entries, i) => (items[chunkKey(name, i)] = { g: options.gen, e: entries }));
  items[name] = metaOf(chunks.length);
  return { items, left };
}

/** A record's JSON text cut into part entries that each fit `room` bytes. */
function pieces(id: string, time: number, raw: unknown, room: number): { entry: Entry; bytes: number }[] {
  const text = JSON.stringify(raw) ?? 'null';
  const hash = checksum(text);
  const overhead = jsonBytes(['p', id, time, hash, 999, 999, '']);
  const limit = room - overhead;
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    let bytes = 0;
    while (end < text.length) {
      const wide = text.charCodeAt(end) >= 0xd800 && text.charCodeAt(end) <= 0xdbff ? 2 : 1;
      const cost = stringBytes(text.slice(end, end + wide)) - 2;
      if (bytes + cost > limit) break;
      bytes += cost;
      end += wide;
    }
    if (end === start) return [{ entry: [], bytes: Infinity }];
    out.push(text.slice(start, end));
    start = end;
  }
  return out.map((piece, i) => {
    const entry: Entry = ['p', id, time, hash, i, out.length, piece];
    return { entry, bytes: jsonBytes(entry) };
  });
}
