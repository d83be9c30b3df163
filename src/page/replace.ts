import { editorNoteFor } from './editors';
import { type Field, isValueField } from './fields';
import { readField, type TextModel } from './text-model';

/**
 * The one place Kuuki writes into a host page's editor, and only when the user asks: select the
 * exact range, then insert the way the browser's own spell-checker and typing do, so the editor's
 * own model stays in sync and its undo stack gets one step. Never sets value, textContent or
 * innerHTML. What each editor listens to is in docs/editors.md.
 */
export type ReplaceResult = 'replaced' | 'stale' | 'refused';

export interface ReplaceOptions {
  /** Parts of the field that are not the user's text (a site note's quoted reply). */
  exclude?: string;
  /**
   * A site note's choice for an editor that keeps no undo step for native input: hand the text to
   * its own paste path (RoosterJS in Outlook), after the spell-checker's path found no taker.
   */
  via?: 'paste';
}

function selectionRootOf(field: Field): { getSelection(): Selection | null } {
  const root = field.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  return typeof root.getSelection === 'function' ? (root as { getSelection(): Selection | null }) : field.ownerDocument;
}

export function selectRange(field: Field, model: TextModel, start: number, end: number): boolean {
  if (isValueField(field)) {
    field.setSelectionRange(start, end);
    return true;
  }
  const range = model.toRange(start, end);
  const doc = field.ownerDocument;
  const selection = doc.getSelection();
  if (!range || !selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  // The browser tells the page later; editors that map native input through the selection they
  // last saw (Draft.js) must see this one before the insert, or the caret lands off the rewrite.
  doc.dispatchEvent(new Event('selectionchange'));
  return true;
}

/** The caret (or selection start) as an offset into the field's text. */
export function caretOffset(field: Field, model: TextModel): number | null {
  if (isValueField(field)) return field.selectionEnd;
  const selection = selectionRootOf(field).getSelection();
  if (!selection?.rangeCount) return null;
  const range = selection.getRangeAt(0);
  if (!field.contains(range.endContainer)) return null;
  return model.offsetOf(range.endContainer, range.endOffset);
}

/**
 * The spell-checker's path: `beforeinput` with `insertReplacementText`, the text and the target
 * range. Editors with their own model (Slate, CKEditor 5, Quill) handle it and cancel
 * it; for the rest nothing happens and it is not cancelled.
 */
function offerReplacement(field: HTMLElement, model: TextModel, start: number, end: number, replacement: string): boolean {
  const range = model.toRange(start, end);
  if (!range) return false;
  const view = field.ownerDocument.defaultView ?? window;
  const data = new view.DataTransfer();
  data.setData('text/plain', replacement);
  return !field.dispatchEvent(
    new view.InputEvent('beforeinput', {
      inputType: 'insertReplacementText',
      data: replacement,
      dataTransfer: data,
      targetRanges: [new view.StaticRange(range)],
      bubbles: true,
      cancelable: true,
      composed: true,
    }),
  );
}

/** The editor's own paste path, for the selected range; true if the editor took it. */
function pasteInto(field: HTMLElement, replacement: string): boolean {
  const view = field.ownerDocument.defaultView ?? window;
  const data = new view.DataTransfer();
  data.setData('text/plain', replacement);
  return !field.dispatchEvent(new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}

export function replaceText(
  field: Field,
  start: number,
  end: number,
  expected: string,
  replacement: string,
  options: ReplaceOptions = {},
): ReplaceResult {
  const { exclude } = options;
  const model = readField(field, exclude);
  if (model.text.slice(start, end) !== expected) return 'stale';
  field.focus({ preventScroll: true });
  if (!selectRange(field, model, start, end)) return 'refused';
  if (!isValueField(field) && !editorNoteFor(field)?.typingOnly) {
    if (offerReplacement(field, model, start, end, replacement)) return 'replaced';
    if (options.via === 'paste' && pasteInto(field, replacement)) return 'replaced';
    // The editor may have moved the selection while looking at the event.
    if (!selectRange(field, model, start, end)) return 'refused';
  }
  // The typing path: editors that watch the DOM (ProseMirror, Draft.js, plain fields) follow it.
  field.ownerDocument.execCommand('insertText', false, replacement);
  // Unchanged: nothing took it. Changed, maybe not exactly so: the editor normalised it its own way.
  if (readField(field, exclude).text === model.text) return 'refused';
  if (editorNoteFor(field)?.announceReplacement) {
    const view = field.ownerDocument.defaultView ?? window;
    field.dispatchEvent(new view.InputEvent('input', { inputType: 'insertReplacementText', data: replacement, bubbles: true, composed: true }));
  }
  return 'replaced';
}
