import { SYNC_QUOTA, itemBytes } from '../../src/settings/bytes';
import type { StorageArea, StorageEnv } from '../../src/settings/env';
import { localLock } from '../../src/settings/lock';

/**
 * Storage areas for tests that play more than one device: each device has its own local and sync
 * area; a device's sync writes reach the others item by item, when the test delivers them, as
 * Chrome sync does. Sync areas refuse writes the way Chrome does (bytes per item and in all,
 * items, writes a minute).
 */
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export class MemoryArea implements StorageArea {
  items: Record<string, unknown> = {};
  /** Makes the next set() fail with this message, or hang for ever. */
  failNext?: string | 'hang';
  constructor(
    private readonly quota = false,
    private readonly clock: () => number = () => 0,
    private readonly onWrite?: (changes: Record<string, unknown>) => void,
  ) {}
  private writes: number[] = [];

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    if (keys === null || keys === undefined) return clone(this.items);
    const list = typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(list.filter((k) => k in this.items).map((k) => [k, clone(this.items[k])]));
  }

  private count() {
    const now = this.clock();
    this.writes = this.writes.filter((t) => now - t < 60_000);
    if (this.quota && this.writes.length >= SYNC_QUOTA.writesPerMinute)
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    this.writes.push(now);
  }

  async set(values: Record<string, unknown>): Promise<void> {
    const fail = this.failNext;
    this.failNext = undefined;
    if (fail === 'hang') return new Promise(() => undefined);
    if (fail) throw new Error(fail);
    if (this.quota) {
      for (const [k, v] of Object.entries(values))
        if (itemBytes(k, v) > SYNC_QUOTA.perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded.');
      const next = { ...this.items, ...values };
      if (Object.keys(next).length > SYNC_QUOTA.maxItems) throw new Error('MAX_ITEMS quota exceeded.');
      const total = Object.entries(next).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
      if (total > SYNC_QUOTA.total) throw new Error('QUOTA_BYTES quota exceeded.');
      this.count();
    }
    Object.assign(this.items, clone(values));
    this.onWrite?.(clone(values));
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    if (this.quota) this.count();
    for (const k of list) delete this.items[k];
    const gone = Object.fromEntries(list.map((k) => [k, undefined]));
    this.onWrite?.(gone);
  }
}

export interface Device {
  name: string;
  sync: MemoryArea;
  local: MemoryArea;
  env: StorageEnv;
  /** Item updates from other devices not yet delivered, oldest first. */
  inbox: [string, unknown][];
  retries: (() => void)[];
}

export class World {
  time = 1_700_000_000_000;
  devices: Device[] = [];
  online = true;

  device(name: string): Device {
    const clock = () => this.time;
    const d: Device = {
      name,
      sync: undefined as unknown as MemoryArea,
      local: new MemoryArea(false, clock),
      env: undefined as unknown as StorageEnv,
      inbox: [],
      retries: [],
    };
    d.sync = new MemoryArea(true, clock, (changes) => {
      for (const other of this.devices) if (other !== d) for (const [k, v] of Object.entries(changes)) other.inbox.push([k, v]);
    });
    d.env = {
      sync: d.sync,
      local: d.local,
      now: clock,
      lock: localLock(),
      online: () => this.online,
      later: (task) => void d.retries.push(task),
    };
    this.devices.push(d);
    return d;
  }

  /** Delivers `count` item updates (all by default) to a device, one at a time. */
  deliver(d: Device, count = Infinity): void {
    for (let i = 0; i < count && d.inbox.length; i++) {
      const [k, v] = d.inbox.shift()!;
      if (v === undefined) delete d.sync.items[k];
      else d.sync.items[k] = clone(v);
    }
  }

  tick(ms: number): void {
    this.time += ms;
  }
}
