import type { CDPSession, Frame, Page } from 'playwright-core';

/**
 * The tests' way into Kuuki's closed shadow root: through Kuuki's own isolated world, never the
 * page's. Over the DevTools protocol (which only the test's browser connection has) the harness
 * finds the execution context Chromium made for Kuuki's content script in a frame, evaluates
 * there, and opens the root with `chrome.dom.openOrClosedShadowRoot` — an API that exists only in
 * extension worlds. Nothing is added to the extension for tests, so there is no hook a page could
 * find: page script has no handle on that world and no such API.
 *
 * Clicks are real input (page.mouse at the element's centre), so they arrive with isTrusted true,
 * as a person's do. `untrustedClick` is the opposite: a script's click() on the very element.
 */

interface Context {
  id: number;
  origin: string;
  auxData?: { frameId?: string; type?: string };
}

interface Sessions {
  session: CDPSession;
  contexts: Map<number, Context>;
}

const sessions = new WeakMap<Page, Promise<Sessions>>();

function sessionFor(page: Page): Promise<Sessions> {
  let s = sessions.get(page);
  if (!s) {
    s = (async () => {
      const session = await page.context().newCDPSession(page);
      const contexts = new Map<number, Context>();
      session.on('Runtime.executionContextCreated', (e: { context: Context }) => contexts.set(e.context.id, e.context));
      session.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => contexts.delete(e.executionContextId));
      session.on('Runtime.executionContextsCleared', () => contexts.clear());
      await session.send('Runtime.enable');
      return { session, contexts };
    })();
    sessions.set(page, s);
  }
  return s;
}

/**
 * Kuuki's isolated world in `frame`, or null before its content script runs. Frames are told
 * apart by a mark the main world sets on the document element for a moment (worlds share the DOM).
 */
async function kuukiContext(frame: Frame): Promise<{ s: Sessions; id: number } | null> {
  const s = await sessionFor(frame.page());
  const candidates = [...s.contexts.values()].filter((c) => c.origin.startsWith('chrome-extension://') && c.auxData?.type === 'isolated');
  if (!candidates.length) return null;
  const token = `t${Math.random().toString(36).slice(2)}`;
  const marked = await frame.evaluate((t) => {
    document.documentElement.setAttribute('data-kuuki-test-frame', t);
    return true;
  }, token).catch(() => false);
  if (!marked) return null;
  try {
    // The newest first: after an update the old world stays behind, orphaned.
    for (const c of candidates.sort((a, b) => b.id - a.id)) {
      const r = (await s.session
        .send('Runtime.evaluate', {
          contextId: c.id,
          expression: `document.documentElement.getAttribute('data-kuuki-test-frame') === ${JSON.stringify(token)}`,
          returnByValue: true,
        })
        .catch(() => null)) as { result?: { value?: unknown } } | null;
      if (r?.result?.value === true) return { s, id: c.id };
    }
    return null;
  } finally {
    await frame.evaluate(() => document.documentElement.removeAttribute('data-kuuki-test-frame')).catch(() => undefined);
  }
}

/**
 * Runs `fn(roots, arg)` in Kuuki's world: `roots` are the shadow roots of every Kuuki host in the
 * frame. `fn` must be self-contained (it is sent as source). Null when Kuuki is not in the frame.
 */
export async function inKuuki<T, A>(frame: Frame, fn: (roots: ShadowRoot[], arg: A) => T, arg?: A): Promise<T | null> {
  return inKuukiSource(frame, fn.toString(), arg);
}

async function inKuukiSource<T>(frame: Frame, fnSource: string, arg: unknown): Promise<T | null> {
  const ctx = await kuukiContext(frame);
  if (!ctx) return null;
  const expression = `(() => {
    const roots = ${ROOTS_OF_KUUKI('chrome.dom.openOrClosedShadowRoot(h)')};
    return (${fnSource})(roots, ${JSON.stringify(arg ?? null)});
  })()`;
  const r = (await ctx.s.session.send('Runtime.evaluate', {
    contextId: ctx.id,
    expression,
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  if (r.exceptionDetails) throw new Error(`in Kuuki's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return (r.result.value ?? null) as T | null;
}

/**
 * What a locator needs from a browser: run a function on Kuuki's shadow roots in one frame (in a
 * world the page cannot reach), the frame's offset in the page, and a person's click at a point.
 * Chromium's comes from the DevTools protocol (below); Firefox's from WebDriver BiDi (firefox.ts).
 */
export interface KuukiTarget {
  run<T>(fnSource: string, arg: unknown): Promise<T | null>;
  /** Where the frame's viewport starts in the page's viewport. */
  offset(): Promise<{ x: number; y: number }>;
  click(x: number, y: number): Promise<void>;
}

/** Chromium: Kuuki's isolated world over CDP; Playwright's real mouse. */
export function chromiumTarget(frame: Frame): KuukiTarget {
  return {
    run: (fnSource, arg) => inKuukiSource(frame, fnSource, arg),
    async offset() {
      if (!frame.parentFrame()) return { x: 0, y: 0 };
      const owner = await frame.frameElement();
      const box = (await owner.boundingBox())!;
      const border = await owner.evaluate((el) => ({ left: (el as Element).clientLeft, top: (el as Element).clientTop }));
      return { x: box.x + border.left, y: box.y + border.top };
    },
    click: (x, y) => frame.page().mouse.click(x, y),
  };
}

/** The source Kuuki's world runs for a locator query: `roots` are the closed roots of Kuuki's hosts. */
export const ROOTS_OF_KUUKI = (openRoot: string) =>
  `[...document.querySelectorAll('kuuki-root, [data-kuuki-root]')].map((h) => ${openRoot}).filter(Boolean)`;

/** One step of a query: CSS inside the current elements, a role with an accessible name, or the nth. */
type Step = { css: string } | { role: string; name?: string } | { nth: number };

interface Found {
  count: number;
  text: string | null;
  visible: boolean;
  rect: { x: number; y: number; width: number; height: number } | null;
}

/** Resolves steps inside the roots; runs in Kuuki's world, so it is written to be sent as source. */
export function resolveSteps(roots: ShadowRoot[], arg: { steps: Step[]; action: string }): Found | unknown {
  let current: Element[] = roots.flatMap((r) => [...r.children]);
  const within = (els: Element[], pick: (el: Element) => Element[]) => [...new Set(els.flatMap(pick))];
  const roleOf = (el: Element) => el.getAttribute('role') ?? (el.tagName === 'BUTTON' ? 'button' : '');
  const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  for (const step of arg.steps) {
    if ('css' in step) current = within(current, (el) => [...(el.matches(step.css) ? [el] : []), ...el.querySelectorAll(step.css)]);
    else if ('role' in step)
      current = within(current, (el) =>
        [el, ...el.querySelectorAll('*')].filter((e) => roleOf(e) === step.role && (step.name === undefined || nameOf(e) === step.name)),
      );
    else current = current[step.nth] ? [current[step.nth]!] : [];
  }
  const el = current[0] as HTMLElement | undefined;
  if (arg.action === 'element') return el;
  if (arg.action === 'click()') {
    el?.click();
    return null;
  }
  if (arg.action === 'scrollIntoView') {
    // Where a person would scroll the card to reach the element (a card taller than its frame scrolls).
    el?.scrollIntoView({ block: 'nearest' });
    return null;
  }
  if (arg.action === 'keydown') {
    el?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    return null;
  }
  const r = el?.getBoundingClientRect();
  const style = el && getComputedStyle(el);
  return {
    count: current.length,
    text: el ? el.textContent : null,
    visible: !!el && !el.hidden && !!r && r.width > 0 && r.height > 0 && style!.visibility !== 'hidden',
    rect: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null,
  };
}

/** A small, Playwright-shaped locator for elements inside Kuuki's closed root. */
export class KuukiLocator {
  constructor(
    readonly target: KuukiTarget,
    private readonly steps: Step[],
  ) {}

  locator(css: string): KuukiLocator {
    return new KuukiLocator(this.target, [...this.steps, { css }]);
  }

  getByRole(role: string, options: { name?: string } = {}): KuukiLocator {
    return new KuukiLocator(this.target, [...this.steps, { role, name: options.name }]);
  }

  nth(n: number): KuukiLocator {
    return new KuukiLocator(this.target, [...this.steps, { nth: n }]);
  }

  first(): KuukiLocator {
    return this.nth(0);
  }

  private async find(): Promise<Found> {
    const found = await this.target.run<Found>(resolveSteps.toString(), { steps: this.steps, action: 'read' });
    return found ?? { count: 0, text: null, visible: false, rect: null };
  }

  async count(): Promise<number> {
    return (await this.find()).count;
  }

  async textContent(): Promise<string | null> {
    return (await this.find()).text;
  }

  async isVisible(): Promise<boolean> {
    return (await this.find()).visible;
  }

  async isHidden(): Promise<boolean> {
    return !(await this.isVisible());
  }

  /** In the page's viewport (frames offset), like Playwright's boundingBox. */
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const { rect } = await this.find();
    if (!rect) return null;
    const offset = await this.target.offset();
    return { ...rect, x: rect.x + offset.x, y: rect.y + offset.y };
  }

  async waitFor(options: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    const deadline = Date.now() + (options.timeout ?? 8000);
    for (;;) {
      const f = await this.find();
      const ok =
        state === 'attached' ? f.count > 0 : state === 'detached' ? f.count === 0 : state === 'visible' ? f.visible : !f.visible;
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`Kuuki UI ${JSON.stringify(this.steps)} never became ${state}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A person's click: real mouse input at the element's centre (isTrusted true). */
  async click(): Promise<void> {
    await this.waitFor();
    await this.target.run(resolveSteps.toString(), { steps: this.steps, action: 'scrollIntoView' });
    const box = (await this.boundingBox())!;
    await this.target.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** A script's click on the element itself (isTrusted false), as a page or extension holding it would. */
  async untrustedClick(): Promise<void> {
    await this.waitFor({ state: 'attached' });
    await this.target.run(resolveSteps.toString(), { steps: this.steps, action: 'click()' });
  }

  /** A script's Enter keydown on the element (isTrusted false). */
  async untrustedEnter(): Promise<void> {
    await this.waitFor({ state: 'attached' });
    await this.target.run(resolveSteps.toString(), { steps: this.steps, action: 'keydown' });
  }

  /** Runs `fn(element)` in Kuuki's world on the first match (`fn` is sent as source). */
  async evaluate<T>(fn: (el: Element) => T): Promise<T> {
    const source = `(roots, arg) => (${fn.toString()})((${resolveSteps.toString()})(roots, arg))`;
    return (await this.target.run<T>(source, { steps: this.steps, action: 'element' })) as T;
  }
}

/** Elements inside Kuuki's closed root in a page or frame. */
export const kuukiUi = (target: Page | Frame | KuukiTarget, css: string) =>
  new KuukiLocator('run' in target ? target : chromiumTarget('mainFrame' in target ? target.mainFrame() : target), [{ css }]);
