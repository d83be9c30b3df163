import { render } from 'preact';
import type { Finding } from '../engine/types';
import { type MessageKey, translator } from '../i18n/messages';
import type { PageState } from '../messages';
import { nextRegister } from '../settings/registers';
import { Card, REGISTER_NAMES } from './card';
import { type Field, deepActiveElement, fieldFor, findFields, isValueField } from './fields';
import { ask } from './messaging';
import { caretOffset, replaceText } from './replace';
import { FieldSession } from './session';
import { frameHostname } from './sites';
import type { Site } from './sites/site';
import { readField } from './text-model';
import { type UiRoot, looksDark } from './ui-root';

type OpenedBy = 'hover' | 'click' | 'keyboard';

interface OpenCard {
  session: FieldSession | null;
  finding: Finding;
  /** Selected page text the finding is in, when there is no field session. */
  selectionText?: string;
  openedBy: OpenedBy;
  anchor: DOMRect;
  /** Where the caret was when the card took focus, to give it back exactly. */
  restore?: () => void;
  /** The reader was just switched: the next analysis re-offers the rewrites, or says the phrase is fine. */
  switching?: boolean;
  /** The first analysis request made for the reader switched to (earlier answers are for the old one). */
  switchedAt?: number;
  /** The phrase is fine for the reader now chosen. */
  fine?: boolean;
  /** What a screen reader is told (the reader switched). */
  status?: string;
}

const HOVER_OPEN_MS = 200;
const HOVER_CLOSE_MS = 350;

function saveCaret(field: Field): () => void {
  if (isValueField(field)) {
    const { selectionStart, selectionEnd, selectionDirection } = field;
    return () => {
      field.focus({ preventScroll: true });
      if (selectionStart !== null && selectionEnd !== null)
        field.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
    };
  }
  const selection = document.getSelection();
  const range = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
  return () => {
    field.focus({ preventScroll: true });
    if (range && selection) {
      selection.removeAllRanges();
      selection.addRange(range);
    }
  };
}

/** The page side of Kuuki in one document: watches fields, shows marks and the card, replaces. */
export class Assistant {
  private sessions = new Map<Field, FieldSession>();
  private card: OpenCard | null = null;
  /** Analysis requests made, and which one each field's findings answer. */
  private analyses = 0;
  private readonly answered = new WeakMap<Field, number>();
  /** The card's R presses, and how many of them the background has saved. */
  private registerSwitches = { made: 0, saved: 0 };
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private t: (key: MessageKey, params?: Record<string, string | number>) => string;

  constructor(
    private readonly ui: UiRoot,
    private state: PageState,
    private readonly site: Site,
    private readonly signal: AbortSignal,
  ) {
    this.t = translator(state.uiLanguage);
    const opts = { capture: true, passive: true, signal } as const;
    // Whatever opens a card must come from the user: events a page (or another extension)
    // dispatches have isTrusted false. Focus, scroll and resize only make Kuuki look, never act.
    document.addEventListener('focusin', (e) => this.onFocus(e.composedPath()[0] ?? null), opts);
    document.addEventListener('mousemove', (e) => e.isTrusted && this.onPointer(e.clientX, e.clientY), opts);
    document.addEventListener('click', (e) => e.isTrusted && this.onClick(e), opts);
    window.addEventListener('scroll', () => this.onLayout(), opts);
    window.addEventListener('resize', () => this.onLayout(), opts);
    window.addEventListener('keydown', (e) => e.isTrusted && this.onKey(e), { capture: true, signal });
    this.start();
  }

  /**
   * Which register switches a state read can be trusted about: one read while the card's own
   * switch was still being saved may hold the register from before it.
   */
  stateToken(): number {
    return this.registerSwitches.saved === this.registerSwitches.made ? this.registerSwitches.made : -1;
  }

  /** Settings changed: language, equivalents, the site toggled, or its register (`token` from stateToken when the read began). */
  update(state: PageState, token = this.stateToken()): void {
    const wasEnabled = this.state.enabled;
    if (token !== this.registerSwitches.made) state = { ...state, register: this.state.register };
    this.state = state;
    this.t = translator(state.uiLanguage);
    if (!state.enabled) {
      this.closeCard(false);
      for (const s of this.sessions.values()) s.dispose();
      this.sessions.clear();
    } else if (!wasEnabled) {
      this.start();
    } else {
      for (const s of this.sessions.values()) s.schedule(0);
    }
  }

  private start(): void {
    if (!this.state.enabled) return;
    for (const field of findFields(document)) if (readField(field).text.trim()) this.attach(field);
    const active = fieldFor(deepActiveElement());
    if (active) this.attach(active);
  }

  private attach(field: Field): FieldSession {
    let session = this.sessions.get(field);
    if (!session) {
      session = new FieldSession(
        field,
        {
          ui: this.ui,
          exclude: this.site.excludeFromText,
          analyze: async (text, id) => {
            const request = ++this.analyses;
            const answer = await ask({ type: 'analyze', text, field: id, register: this.state.register });
            if (!answer.superseded) this.answered.set(field, request);
            return answer.superseded ? null : answer.findings;
          },
          label: (n) => (n === 1 ? this.t('badgeLabelOne') : this.t('badgeLabel', { count: n })),
          onBadge: (s) => s.findings[0] && this.openCard(s, s.findings[0], 'keyboard'),
          onFindings: (s) => this.followFindings(s),
        },
        this.signal,
      );
      this.sessions.set(field, session);
      session.schedule(0);
    }
    return session;
  }

  private onFocus(target: EventTarget | null): void {
    if (!this.state.enabled) return;
    const field = fieldFor(target);
    if (field) this.attach(field);
  }

  private hit(x: number, y: number): { session: FieldSession; finding: Finding } | null {
    for (const session of this.sessions.values()) {
      const i = session.marks.hitTest(x, y);
      const finding = session.findings[i];
      if (finding) return { session, finding };
    }
    return null;
  }

  private onPointer(x: number, y: number): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const hit = this.hit(x, y);
      if (hit && hit.finding === this.card?.finding) {
        clearTimeout(this.hoverTimer);
        return;
      }
      clearTimeout(this.hoverTimer);
      if (hit && (!this.card || this.card.openedBy === 'hover')) {
        this.hoverTimer = setTimeout(() => this.openCard(hit.session, hit.finding, 'hover'), HOVER_OPEN_MS);
      } else if (!hit && this.card?.openedBy === 'hover') {
        this.hoverTimer = setTimeout(() => this.closeCard(false), HOVER_CLOSE_MS);
      }
    });
  }

  private onClick(e: MouseEvent): void {
    if (e.composedPath().includes(this.ui.host)) return;
    const hit = this.hit(e.clientX, e.clientY);
    if (hit) this.openCard(hit.session, hit.finding, 'click');
    else if (this.card) this.closeCard(false);
  }

  private onLayout(): void {
    requestAnimationFrame(() => {
      for (const s of this.sessions.values()) s.reposition();
      if (this.card?.session) this.followFindings(this.card.session);
    });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyK') {
      e.preventDefault();
      e.stopPropagation();
      this.openNearest();
    }
  }

  /** Alt+Shift+K (or the command): the card of the phrase nearest the caret. */
  openNearest(): void {
    const field = fieldFor(deepActiveElement());
    if (!field) return;
    const session = this.attach(field);
    if (session.isComposing || !session.findings.length) return;
    const caret = caretOffset(field, session.model) ?? 0;
    const distance = (f: Finding) => (caret < f.start ? f.start - caret : caret > f.end ? caret - f.end : 0);
    const nearest = session.findings.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    this.openCard(session, nearest, 'keyboard');
  }

  /** Context menu "Soften with Kuuki": the selection, in a field or anywhere on the page. */
  async softenSelection(): Promise<void> {
    const field = fieldFor(deepActiveElement());
    if (field) {
      const session = this.attach(field);
      await session.analyze();
      const selection = isValueField(field)
        ? { start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0 }
        : null;
      const caret = caretOffset(field, session.model) ?? 0;
      const inSelection = session.findings.find((f) =>
        selection ? f.end > selection.start && f.start < selection.end : f.start <= caret && caret <= f.end + 1,
      );
      const finding = inSelection ?? session.findings[0];
      if (finding) this.openCard(session, finding, 'keyboard');
      return;
    }
    const selection = document.getSelection();
    const text = selection?.toString() ?? '';
    if (!selection?.rangeCount || !text.trim()) return;
    const anchor = selection.getRangeAt(0).getBoundingClientRect();
    const { findings } = await ask({ type: 'analyze', text, register: this.state.register });
    const finding = findings[0];
    if (finding) this.showCard({ session: null, finding, selectionText: text, openedBy: 'click', anchor });
  }

  private openCard(session: FieldSession, finding: Finding, openedBy: OpenedBy): void {
    if (session.isComposing) return;
    const index = session.findings.indexOf(finding);
    const anchor = session.marks.anchor(index);
    if (!anchor) return;
    if (this.card?.finding === finding && this.card.openedBy === openedBy) return;
    const restore = openedBy === 'keyboard' ? (this.card?.restore ?? saveCaret(session.field)) : undefined;
    this.showCard({ session, finding, openedBy, anchor, restore });
  }

  private showCard(card: OpenCard): void {
    clearTimeout(this.hoverTimer);
    this.card = card;
    this.renderCard();
  }

  closeCard(restoreCaret: boolean): void {
    const card = this.card;
    if (!card) return;
    this.card = null;
    clearTimeout(this.hoverTimer);
    render(null, this.ui.cardMount);
    if (restoreCaret) card.restore?.();
  }

  /** Keeps the open card on its phrase as the text changes, or closes it when the phrase is gone. */
  private followFindings(session: FieldSession): void {
    const card = this.card;
    if (!card || card.session !== session) return;
    // Findings from before a switch of reader say nothing about the new reader: wait for theirs.
    if (card.switching && (this.answered.get(session.field) ?? 0) < card.switchedAt!) return;
    const same = session.findings.find((f) => f.start === card.finding.start && f.text === card.finding.text)
      ?? session.findings.find((f) => f.entryId === card.finding.entryId && f.text === card.finding.text);
    const anchor = same && session.marks.anchor(session.findings.indexOf(same));
    if (!same || !anchor) {
      // Just switched to a reader this phrase is fine for: say so, and let the user switch back.
      if (card.switching || (card.fine && session.model.text.includes(card.finding.text))) {
        this.card = { ...card, switching: false, fine: true, status: this.t('cardFineFor', { register: this.readerName() }) };
        this.renderCard();
      } else this.closeCard(false);
      return;
    }
    this.card = { ...card, finding: same, anchor, switching: false, fine: false };
    this.renderCard();
  }

  private readerName(): string {
    return this.t(REGISTER_NAMES[this.state.register]);
  }

  /**
   * The card's R: write to the next reader on this site (saved for the site, as the popup does)
   * and offer the rewrites for them, for this phrase and every other one on the page.
   */
  private switchRegister(card: OpenCard): void {
    const register = nextRegister(this.state.register);
    this.state = { ...this.state, register };
    this.registerSwitches.made++;
    // A srcdoc editor frame (TinyMCE) has no hostname of its own: it is its creator's site.
    void ask({ type: 'set-register', hostname: frameHostname(location, self.origin), register })
      .catch(() => undefined)
      .finally(() => this.registerSwitches.saved++);
    this.card = { ...card, switching: true, switchedAt: this.analyses + 1, status: this.t('cardRegisterNow', { register: this.readerName() }) };
    this.renderCard();
    const { session } = card;
    if (session) {
      for (const s of this.sessions.values()) if (s !== session) s.schedule(0);
      void session.analyze();
      return;
    }
    void ask({ type: 'analyze', text: card.selectionText ?? card.finding.text, register }).then(({ findings }) => {
      const current = this.card;
      if (!current || current.session || current.selectionText !== card.selectionText) return;
      const same = findings.find((f) => f.entryId === current.finding.entryId && f.text === current.finding.text)
        ?? findings.find((f) => f.text === current.finding.text);
      this.card = same
        ? { ...current, finding: same, switching: false, fine: false }
        : { ...current, switching: false, fine: true, status: this.t('cardFineFor', { register: this.readerName() }) };
      this.renderCard();
    });
  }

  /**
   * An action from the card rendered for `card` runs only while that card is still the one Kuuki
   * opened and shows; a stale or re-targeted handler does nothing. (The card itself lets only
   * trusted events through.)
   */
  private ifShowing<A extends unknown[]>(card: OpenCard, action: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      if (this.card === card) action(...args);
    };
  }

  private renderCard(): void {
    const card = this.card;
    if (!card) return;
    const { session, finding } = card;
    const mine = <A extends unknown[]>(action: (...args: A) => void) => this.ifShowing(card, action);
    const width = Math.min(340, window.innerWidth - 16);
    const left = Math.max(8, Math.min(card.anchor.left, window.innerWidth - width - 8));
    render(
      <Card
        finding={finding}
        text={session ? session.model.text : (card.selectionText ?? finding.text)}
        t={this.t}
        register={this.state.register}
        fine={card.fine}
        status={card.status}
        showEquivalent={this.state.showEquivalents}
        editable={!!session}
        autoFocus={card.openedBy === 'keyboard'}
        dark={looksDark(session?.field ?? document.body)}
        position={{ left, top: card.anchor.bottom + 6 }}
        onReplace={mine((rewrite: string) => session && this.replace(session, finding, rewrite))}
        onIgnore={mine(() => {
          this.closeCard(true);
          session?.ignore(finding);
        })}
        onNeverFlag={mine(() => {
          this.closeCard(true);
          session?.ignore(finding);
          void ask({ type: 'never-flag', text: finding.text, entryId: finding.entryId });
        })}
        onClose={mine((restore: boolean) => this.closeCard(restore))}
        onSwitchRegister={mine(() => this.switchRegister(card))}
        onPointerEnter={() => clearTimeout(this.hoverTimer)}
        onPointerLeave={() => {
          if (this.card?.openedBy === 'hover') this.hoverTimer = setTimeout(() => this.closeCard(false), HOVER_CLOSE_MS);
        }}
      />,
      this.ui.cardMount,
    );
    // Flip above the phrase when there is no room below.
    const el = this.ui.cardMount.firstElementChild as HTMLElement | null;
    if (el && card.anchor.bottom + 6 + el.offsetHeight > window.innerHeight - 8) {
      el.style.top = `${Math.max(8, card.anchor.top - 6 - el.offsetHeight)}px`;
    }
  }

  private replace(session: FieldSession, finding: Finding, rewrite: string): void {
    this.closeCard(false);
    const result = replaceText(session.field, finding.start, finding.end, finding.text, rewrite, {
      exclude: this.site.excludeFromText,
      via: this.site.replaceVia,
    });
    if (result !== 'replaced') session.schedule(0);
    else void session.analyze();
  }

  dispose(): void {
    this.closeCard(false);
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
  }
}
