/**
 * One writer at a time across every extension context (popup, other extension pages, the
 * background): the Web Locks API where the browser has it, otherwise a queue within this page.
 * A lock held by a page that closes is released by the browser, so a closed popup never blocks.
 */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>;

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** A queue of tasks within this page only. */
export function localLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The named lock shared by all contexts of this extension. */
export function sharedLock(name: string, locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks): Lock {
  if (!locks) return localLock();
  // Tasks of this page also queue locally, so a re-entrant call cannot deadlock on the lock.
  return <T>(task: () => Promise<T>) => locks.request(name, task);
}
