import { describe, expect, it } from 'vitest';
import { AnalysisQueue, type Work } from '../../src/background/analysis-queue';

/** Work of `steps` steps that records when each step ran. */
function work(name: string, steps: number, log: string[]): Work<string> {
  let left = steps;
  return {
    step() {
      log.push(name);
      return --left <= 0;
    },
    result: () => `${name} done`,
  };
}

/** A queue whose clock advances 1 ms per step and whose turns run when `flush` is called. */
function manualQueue(sliceMs = 3) {
  let clock = 0;
  const pending: (() => void)[] = [];
  const queue = new AnalysisQueue<string>({ sliceMs, now: () => clock++, later: (run) => pending.push(run) });
  const flush = async () => {
    while (pending.length) {
      pending.shift()!();
      await Promise.resolve();
    }
  };
  return { queue, flush };
}

describe('the analysis queue', () => {
  it('lets a short request from one tab finish while a long one from another is still going', async () => {
    const log: string[] = [];
    const { queue, flush } = manualQueue();
    const long = queue.run('tab1:0:field-1', work('long', 1000, log));
    const short = queue.run('tab2:0:field-1', work('short', 2, log));
    const order: string[] = [];
    void long.then(() => order.push('long'));
    void short.then(() => order.push('short'));
    await flush();
    expect(order).toEqual(['short', 'long']);
    // The short one waited one slice of the long one, not all of it.
    expect(log.indexOf('short')).toBeLessThan(5);
    expect(await long).toEqual({ done: true, value: 'long done' });
  });

  it('answers an older request from the same field as superseded, at once', async () => {
    const log: string[] = [];
    const { queue, flush } = manualQueue();
    const older = queue.run('tab1:0:field-1', work('older', 50, log));
    const newer = queue.run('tab1:0:field-1', work('newer', 2, log));
    expect(await older).toEqual({ done: false, superseded: true });
    await flush();
    expect(await newer).toEqual({ done: true, value: 'newer done' });
    expect(log).not.toContain('older');
  });

  it('fails only the request whose work throws', async () => {
    const { queue, flush } = manualQueue();
    const broken = queue.run('a', { step: () => { throw new Error('boom'); }, result: () => '' });
    const fine = queue.run('b', work('fine', 1, []));
    await flush();
    await expect(broken).rejects.toThrow('boom');
    expect(await fine).toEqual({ done: true, value: 'fine done' });
    expect(queue.size).toBe(0);
  });
});
