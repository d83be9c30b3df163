import { describe, expect, it } from 'vitest';
import { latestOnly } from '../src/latest';

/** A promise settled from outside, to finish loads in any order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('latestOnly', () => {
  it('drops a load that finishes after a newer one (the stored value before a save)', async () => {
    const loads = [deferred<string>(), deferred<string>()];
    let i = 0;
    const seen: string[] = [];
    const refresh = latestOnly(() => loads[i++]!.promise, (v) => seen.push(v));
    refresh(); // started before the save
    refresh(); // started after it
    loads[1]!.resolve('after save');
    await flush();
    loads[0]!.resolve('before save');
    await flush();
    expect(seen).toEqual(['after save']);
  });

  it('hands on every result when loads finish in order, and reports only the newest failure', async () => {
    const seen: string[] = [];
    const failed: unknown[] = [];
    let n = 0;
    const refresh = latestOnly(
      () => (++n === 2 ? Promise.reject(new Error('gone')) : Promise.resolve(`v${n}`)),
      (v) => seen.push(v),
      (e) => failed.push(e),
    );
    refresh();
    await flush();
    refresh();
    await flush();
    refresh();
    await flush();
    expect(seen).toEqual(['v1', 'v3']);
    expect(failed).toHaveLength(1);
  });
});
