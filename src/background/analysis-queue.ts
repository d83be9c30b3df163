/**
 * Shares the background's one engine between tabs: each request is analysed a slice at a time
 * (a few sentences, a few milliseconds), taking turns with every other request in flight, so a
 * tab holding a huge or hostile text cannot hold up another tab's marks. A newer request from
 * the same field replaces the older one, which is answered as superseded at once: the older text
 * is gone from the page anyway.
 */
export interface Work<T> {
  /** Does a little work; true when done. */
  step(): boolean;
  result(): T;
}

export type Outcome<T> = { done: true; value: T } | { done: false; superseded: true };

interface Job<T> {
  key: string;
  work: Work<T>;
  settle(outcome: Outcome<T>): void;
  fail(error: unknown): void;
}

export interface QueueOptions {
  /** How long one turn may run before the next job's turn, in ms. */
  sliceMs?: number;
  now?: () => number;
  /** Runs the next turn later (a macrotask, so messages from other tabs get in between). */
  later?: (run: () => void) => void;
}

export class AnalysisQueue<T> {
  private readonly jobs: Job<T>[] = [];
  private scheduled = false;
  private readonly sliceMs: number;
  private readonly now: () => number;
  private readonly later: (run: () => void) => void;

  constructor(options: QueueOptions = {}) {
    this.sliceMs = options.sliceMs ?? 8;
    this.now = options.now ?? (() => performance.now());
    this.later = options.later ?? ((run) => setTimeout(run, 0));
  }

  /** Queues work for `key` (tab, frame and field); resolves when it is done or superseded. */
  run(key: string, work: Work<T>): Promise<Outcome<T>> {
    return new Promise((settle, fail) => {
      const older = this.jobs.findIndex((j) => j.key === key);
      if (older >= 0) this.jobs.splice(older, 1)[0]!.settle({ done: false, superseded: true });
      this.jobs.push({ key, work, settle, fail });
      this.schedule();
    });
  }

  /** Requests still in flight. */
  get size(): number {
    return this.jobs.length;
  }

  private schedule(): void {
    if (this.scheduled || !this.jobs.length) return;
    this.scheduled = true;
    this.later(() => this.turn());
  }

  /** One job's turn: work until done or out of time, then the next job goes first. */
  private turn(): void {
    this.scheduled = false;
    const job = this.jobs.shift();
    if (!job) return;
    const until = this.now() + this.sliceMs;
    try {
      let done = false;
      do done = job.work.step();
      while (!done && this.now() < until);
      if (done) job.settle({ done: true, value: job.work.result() });
      else this.jobs.push(job);
    } catch (e) {
      job.fail(e); // one broken request must not stop the others
    }
    this.schedule();
  }
}

/** Work over a generator that yields between steps and returns its result. */
export function generatorWork<T>(steps: Generator<void, T, void>): Work<T> {
  let value: T | undefined;
  let finished = false;
  return {
    step() {
      const next = steps.next();
      if (next.done) {
        value = next.value;
        finished = true;
      }
      return finished;
    },
    result: () => value as T,
  };
}
