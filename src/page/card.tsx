import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../engine/types';
import type { MessageKey } from '../i18n/messages';
import type { Register } from '../phrasebook/schema';
import { previewParts, previewText } from '../engine/apply';

export interface CardProps {
  finding: Finding;
  /** The text the finding is in (the field's, or the selection's): the card shows the sentence as it will read. */
  text: string;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Who the rewrites are written for; R (or the "To:" button) switches to the next reader. */
  register: Register;
  /** The phrase is fine for this reader (after a switch): no rewrites to offer. */
  fine?: boolean;
  /** Said to screen readers when it changes (a switch of reader). */
  status?: string;
  showEquivalent: boolean;
  /** False for text Kuuki cannot edit (a selection on a page): rewrites are copied instead. */
  editable: boolean;
  /** Take keyboard focus when opened (Alt+Shift+K); hover and click leave it in the editor. */
  autoFocus: boolean;
  dark: boolean;
  position: { left: number; top: number };
  onReplace(rewrite: string): void;
  onIgnore(): void;
  onNeverFlag(): void;
  onClose(restoreCaret: boolean): void;
  onSwitchRegister(): void;
  onPointerEnter?(): void;
  onPointerLeave?(): void;
}

export const REGISTER_NAMES: Record<Register, MessageKey> = {
  teammate: 'registerTeammate',
  manager: 'registerManager',
  client: 'registerClient',
};

/**
 * Only the user's own input acts: events a script dispatches (the page's, or another extension's
 * that opened Kuuki's closed root) have isTrusted false and are dropped here.
 */
function byUser<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}

/**
 * The card: the blunt phrase, then each softer alternative as the whole sentence the user will
 * send (Kuuki's words marked), the other language's equivalent and why.
 */
export function Card(props: CardProps) {
  const { finding, t } = props;
  const [chosen, setChosen] = useState(0);
  const [copied, setCopied] = useState(-1);
  const list = useRef<HTMLDivElement>(null);
  const toButton = useRef<HTMLButtonElement>(null);
  const fine = !!props.fine;

  useEffect(() => setChosen(0), [finding]);
  useEffect(() => {
    // With nothing to choose, focus stays on the reader switch, so R (or Enter) switches back.
    if (props.autoFocus) (fine ? toButton.current : list.current)?.focus({ preventScroll: true });
  }, [finding, props.autoFocus, fine]);

  const act = (i: number) => {
    const rewrite = finding.rewrites[i];
    if (rewrite === undefined) return;
    if (props.editable) props.onReplace(rewrite);
    else
      void navigator.clipboard.writeText(previewText(props.text, finding, i)).then(
        () => setCopied(i),
        () => setCopied(-1),
      );
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const n = finding.rewrites.length;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !fine) {
      setChosen((c) => (c + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter' && e.target === list.current && !fine) {
      act(chosen);
    } else if (e.key === 'Escape') {
      props.onClose(true);
    } else if ((e.key === 'r' || e.key === 'R') && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing) {
      props.onSwitchRegister();
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const equivalentLabel = finding.lang === 'en' ? t('cardEquivalent') : t('cardEquivalentJa');
  const reader = t(REGISTER_NAMES[props.register]);
  return (
    <div
      class={`card${props.dark ? ' dark' : ''}`}
      role="dialog"
      aria-label={t('cardTitle')}
      style={{ left: `${props.position.left}px`, top: `${props.position.top}px` }}
      onKeyDown={byUser(onKeyDown)}
      // Keep the caret in the editor when the card is used with the mouse.
      onMouseDown={(e) => {
        if (!(e.target instanceof HTMLElement && e.target.closest('[tabindex="0"]')) && props.editable)
          e.preventDefault();
      }}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <div class="head">
        <span class="title">{t('cardTitle')}</span>
        <button
          type="button"
          class="register"
          ref={toButton}
          // The visible words first, so the name said is the name seen.
          aria-label={`${t('cardTo')} ${reader}, ${t('cardSwitchRegister')}`}
          aria-keyshortcuts="R"
          onClick={byUser(() => props.onSwitchRegister())}
        >
          {t('cardTo')} {reader}
        </button>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={byUser(() => props.onClose(true))}>
          ×
        </button>
      </div>
      <p class="phrase" lang={finding.lang}>
        {finding.text}
      </p>
      <p class="status" role="status">
        {props.status ?? ''}
      </p>
      {fine ? (
        <p class="fine">{t('cardFineFor', { register: reader })}</p>
      ) : (
      <>
      <div
        class="options"
        role="listbox"
        tabIndex={0}
        ref={list}
        aria-label={t('cardAlternatives')}
        aria-activedescendant={`kuuki-option-${chosen}`}
      >
        {finding.rewrites.map((rewrite, i) => (
          <div
            key={rewrite}
            id={`kuuki-option-${i}`}
            role="option"
            aria-selected={i === chosen}
            class={i === chosen ? 'option chosen' : 'option'}
            lang={finding.lang}
            onMouseEnter={byUser(() => setChosen(i))}
            onClick={byUser(() => act(i))}
          >
            {finding.adds[i] && <span class="adds">{t('cardAdds')}</span>}
            {previewParts(props.text, finding, i).map((part) =>
              part.changed ? <strong class="changed">{part.text}</strong> : part.text,
            )}
            {!props.editable && <span class="copy">{copied === i ? t('cardCopied') : t('cardCopy')}</span>}
          </div>
        ))}
      </div>
      {props.showEquivalent && finding.equivalent && (
        <p class="equivalent">
          <span class="label">{equivalentLabel}</span>
          <span lang={finding.lang === 'en' ? 'ja' : 'en'}>{finding.equivalent}</span>
        </p>
      )}
      {finding.why && (
        <p class="why">
          <span class="label">{t('cardWhy')}</span>
          {finding.why}
        </p>
      )}
      </>
      )}
      {fine ? null : props.editable ? (
        <div class="actions">
          <button type="button" class="primary" onClick={byUser(() => act(chosen))}>
            {t('cardReplace')}
          </button>
          <button type="button" onClick={byUser(() => props.onIgnore())}>
            {t('cardIgnore')}
          </button>
          <button type="button" onClick={byUser(() => props.onNeverFlag())}>
            {t('cardNeverFlag')}
          </button>
        </div>
      ) : (
        <p class="hint">{t('cardReadOnly')}</p>
      )}
      {props.editable && <p class="hint">{t('cardHint')}</p>}
    </div>
  );
}
