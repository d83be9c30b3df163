import { remap } from '../engine/remap';
import type { Finding } from '../engine/types';
import { type Field, isValueField } from './fields';
import { FieldMarks } from './marks';
import { type TextModel, readField } from './text-model';
import type { UiRoot } from './ui-root';

export interface SessionContext {
  ui: UiRoot;
  exclude?: string;
  analyze(text: string): Promise<Finding[]>;
  label(count: number): string;
  /** The badge was clicked. */
  onBadge(session: FieldSession): void;
  /** Findings changed (the card may need to follow or close). */
  onFindings(session: FieldSession): void;
}

/** Time after the last keystroke before a field is analysed (marks must show within 300 ms). */
const QUIET_MS = 120;

/**
 * One watched field: analyses it when typing pauses (never during IME composition), keeps its
 * findings matched to its current text, and paints its marks. All listeners go with `signal`.
 */
export class FieldSession {
  findings: Finding[] = [];
  model: TextModel;
  readonly marks: FieldMarks;
  private composing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private readonly ignored = new Set<string>();
  private readonly controller = new AbortController();

  constructor(
    readonly field: Field,
    private readonly ctx: SessionContext,
    parentSignal: AbortSignal,
  ) {
    this.model = readField(field, ctx.exclude);
    this.marks = new FieldMarks(field, ctx.ui, () => ctx.onBadge(this));
    const signal = this.controller.signal;
    parentSignal.addEventListener('abort', () => this.dispose(), { signal });
    const on = (type: string, handler: (e: Event) => void) => field.addEventListener(type, handler, { signal });
    on('input', (e) => {
      if (!(e as InputEvent).isComposing) this.schedule();
    });
    on('compositionstart', () => {
      this.composing = true;
      clearTimeout(this.timer);
    });
    on('compositionend', () => {
      this.composing = false;
      this.schedule();
    });
    on('scroll', () => this.reposition());
    if (!isValueField(field)) {
      // Editors also change text without input events (undo, send, collaborators).
      const observer = new MutationObserver(() => this.schedule());
      observer.observe(field, { childList: true, characterData: true, subtree: true });
      signal.addEventListener('abort', () => observer.disconnect());
    }
    const resize = new ResizeObserver(() => this.reposition());
    resize.observe(field);
    signal.addEventListener('abort', () => resize.disconnect());
  }

  get isComposing(): boolean {
    return this.composing;
  }

  schedule(delay = QUIET_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.analyze(), delay);
  }

  async analyze(): Promise<void> {
    if (this.composing || this.controller.signal.aborted) return;
    const asked = readField(this.field, this.ctx.exclude).text;
    const mine = ++this.seq;
    let findings: Finding[];
    try {
      findings = await this.ctx.analyze(asked);
    } catch {
      return; // the extension went away; leave the page as it is
    }
    if (mine !== this.seq || this.composing || this.controller.signal.aborted) return;
    this.model = readField(this.field, this.ctx.exclude);
    this.findings = remap(asked, this.model.text, findings).filter((f) => !this.ignored.has(ignoreKey(f)));
    this.marks.paint(this.model, this.findings, this.ctx.label);
    this.ctx.onFindings(this);
  }

  reposition(): void {
    if (this.findings.length) this.marks.reposition(this.model, this.findings, this.ctx.label);
  }

  ignore(finding: Finding): void {
    this.ignored.add(ignoreKey(finding));
    this.findings = this.findings.filter((f) => f !== finding);
    this.marks.paint(this.model, this.findings, this.ctx.label);
    this.ctx.onFindings(this);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.controller.abort();
    this.marks.dispose();
    this.findings = [];
  }
}

const ignoreKey = (f: Finding) => `${f.entryId}\u0000${f.text}`;
