import { browser } from 'wxt/browser';
import { type Lock, sharedLock } from './lock';

/**
 * The storage areas, clock and lock the settings modules use. The only place that reaches for
 * `browser.storage` areas; tests give a simulated pair of devices instead.
 */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageEnv {
  sync: StorageArea;
  local: StorageArea;
  now(): number;
  lock: Lock;
  /** False when the browser knows it is offline (sync then waits). */
  online(): boolean;
  /** Runs a task later (a retry after sync refused a write). */
  later(task: () => void, ms: number): void;
}

let current: StorageEnv | undefined;

export function browserEnv(): StorageEnv {
  return {
    sync: browser.storage.sync as unknown as StorageArea,
    local: browser.storage.local as unknown as StorageArea,
    now: () => Date.now(),
    lock: sharedLock('kuuki-storage'),
    online: () => (globalThis.navigator as { onLine?: boolean } | undefined)?.onLine !== false,
    later: (task, ms) => void setTimeout(task, ms),
  };
}

export function storageEnv(): StorageEnv {
  return (current ??= browserEnv());
}

/** For tests: use these areas (or, with no argument, the browser's again). */
export function setStorageEnv(env?: StorageEnv): void {
  current = env;
}
