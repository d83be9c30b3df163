import { checksum } from './bytes';
import { type RecordSet, addRecord, emptySet } from './records';
import type { Unreadable } from './sync-layout';

/**
 * Reading what older Kuuki versions stored, so that it can be merged into the current layout.
 * Pure: no `browser.*`. Nothing here is ever written back: these keys are left as they were.
 */
export interface LegacyRead {
  set: RecordSet<never>;
  bad: Unreadable[];
  /** False when the old data looks half-arrived. */
  consistent: boolean;
  /** Lines that may be cut by a missing chunk: not read, not lost. */
  arriving: number;
}

const empty = (): LegacyRead => ({ set: emptySet(), bad: [], consistent: true, arriving: 0 });

/** Time of a record as the old layouts kept it. */
const recordTime = (r: unknown) => {
  const t = (r as { updatedAt?: unknown } | null)?.updatedAt;
  return typeof t === 'number' && Number.isFinite(t) ? t : 0;
};
const recordId = (r: unknown) => {
  const id = (r as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : undefined;
};

function addRewrite(out: LegacyRead, key: string, record: unknown) {
  const id = recordId(record);
  if (id === undefined) out.bad.push({ key, value: record, problems: ['id: missing'] });
  else addRecord(out.set, id, { time: recordTime(record), raw: record });
}

/**
 * Custom rewrites of layout 1 (one array at sync:customRewrites) and layout 2 (JSON lines cut
 * into string chunks). A layout-2 line is read only when every chunk it touches is there: a
 * line next to a missing chunk may be the head of one record and the tail of another.
 */
export function readLegacyRewrites(sync: Record<string, unknown>): LegacyRead {
  const out = empty();
  const key = 'sync:customRewrites';
  const meta = sync.customRewrites;
  if (Array.isArray(meta)) {
    for (const r of meta) addRewrite(out, key, r);
    return out;
  }
  const chunkIndices = Object.keys(sync)
    .map((k) => /^customRewrites:(\d+)$/.exec(k))
    .filter((m): m is RegExpExecArray => !!m && typeof sync[m[0]] === 'string')
    .map((m) => Number(m[1]));
  const m = meta as { version?: unknown; chunks?: unknown; checksum?: unknown } | undefined;
  const isV2 = m && m.version === 2 && typeof m.chunks === 'number' && typeof m.checksum === 'string';
  if (!isV2 && !chunkIndices.length) return out;
  if (!isV2 && meta !== undefined && !(typeof m?.version === 'number' && m.version > 2)) {
    // Chunks of layout 2 without readable metadata: read as runs below, noted as unsettled.
    out.consistent = false;
  }
  if (m && typeof m.version === 'number' && m.version > 2 && !chunkIndices.length) return out;
  const count = isV2 ? (m!.chunks as number) : Math.max(-1, ...chunkIndices) + 1;
  const chunk = (i: number) => (typeof sync[`customRewrites:${i}`] === 'string' ? (sync[`customRewrites:${i}`] as string) : undefined);
  const all = Array.from({ length: count }, (_, i) => chunk(i));
  if (isV2 && all.every((c) => c !== undefined) && checksum(all.join('')) === m!.checksum) {
    readLines(out, key, all.join(''), true, true);
    return out;
  }
  out.consistent = false;
  // Runs of chunks that are there; a line is whole only if it starts and ends inside a run
  // that reaches the start or end of the text, or is bounded by newlines within the run.
  let i = 0;
  while (i < count) {
    if (all[i] === undefined) {
      i++;
      continue;
    }
    const start = i;
    while (i < count && all[i] !== undefined) i++;
    readLines(out, key, all.slice(start, i).join(''), start === 0, i === count);
  }
  return out;
}

function readLines(out: LegacyRead, key: string, text: string, fromStart: boolean, toEnd: boolean) {
  const lines = text ? text.split('\n') : [];
  lines.forEach((line, j) => {
    if ((j === 0 && !fromStart) || (j === lines.length - 1 && !toEnd)) {
      if (line) out.arriving++;
      return;
    }
    try {
      addRewrite(out, key, JSON.parse(line) as unknown);
    } catch {
      out.bad.push({ key, value: line, problems: ['(line): not JSON'] });
    }
  });
}

/** A list kept as one array (layout 1 of the never-flag list), each record under its own id. */
export function readLegacyList(
  key: string,
  raw: unknown,
  idOf: (r: unknown) => string | undefined,
  timeOf: (r: unknown) => number,
  rawOf: (r: unknown) => unknown = (r) => r,
): LegacyRead {
  const out = empty();
  if (raw === undefined) return out;
  if (!Array.isArray(raw)) {
    out.bad.push({ key, value: raw, problems: ['(value): expected an array'] });
    return out;
  }
  for (const r of raw) {
    const id = idOf(r);
    if (id === undefined) out.bad.push({ key, value: r, problems: ['(record): unreadable'] });
    else addRecord(out.set, id, { time: timeOf(r), raw: rawOf(r) as never });
  }
  return out;
}
