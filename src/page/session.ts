import { remap } from '../engine/remap';
import type { Finding } from '../engine/types';
import { type Field, isValueField } from './fields';
import { FieldMarks } from './marks';
import { ANALYSIS_CAP } from '../messages';
import { type TextWindow, analysisWindow, inWindow } from './analysis-window';
import { caretOffset } from './replace';
import { type TextModel, readField } from './text-model';
import type { UiRoot } from './ui-root';

export interface SessionContext {
  ui: UiRoot;
  exclude?: string;
  /** Findings for `text`, or null when a newer request from this field superseded it. */
  analyze(text: string, field: string): Promise<Finding[] | null>;
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
let sessions = 0;

export class FieldSession {
  findings: Finding[] = [];
  /** Tells this field's requests from other fields' in the background's queue. */
  readonly id = `field-${++sessions}`;
  /** The part of the text last analysed: a long field is analysed around the caret. */
  private window: TextWindow = { start: 0, end: 0 };
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
    // A field too long to analyse at once follows the caret: moving it elsewhere analyses there.
    const follow = () => {
      const caret = caretOffset(field, this.model);
      if (this.model.text.length > ANALYSIS_CAP && caret !== null && !inWindow(this.window, caret)) this.schedule();
    };
    on('mouseup', follow);
    on('keyup', follow);
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
    const model = readField(this.field, this.ctx.exclude);
    const asked = model.text;
    const window = analysisWindow(asked, caretOffset(this.field, model));
    const mine = ++this.seq;
    let findings: Finding[] | null;
    try {
      findings = await this.ctx.analyze(asked.slice(window.start, window.end), this.id);
    } catch {
      return; // the extension went away; leave the page as it is
    }
    if (findings === null || mine !== this.seq || this.composing || this.controller.signal.aborted) return;
    this.window = window;
    if (window.start) findings = findings.map((f) => shifted(f, window.start));
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

const shifted = (f: Finding, by: number): Finding => ({
  ...f,
  start: f.start + by,
  end: f.end + by,
  sentence: { start: f.sentence.start + by, end: f.sentence.end + by },
});
