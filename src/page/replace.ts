import { type Field, isValueField } from './fields';
import { readField, type TextModel } from './text-model';

/**
 * The one place Kuuki writes into a host page's editor, and only when the user asks: select the
 * exact range, then insert the way typing does, so the editor's own model stays in sync and its
 * undo stack gets one step. Never sets value, textContent or innerHTML.
 */
export type ReplaceResult = 'replaced' | 'stale' | 'refused';

function selectionRootOf(field: Field): { getSelection(): Selection | null } {
  const root = field.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  return typeof root.getSelection === 'function' ? (root as { getSelection(): Selection | null }) : document;
}

export function selectRange(field: Field, model: TextModel, start: number, end: number): boolean {
  if (isValueField(field)) {
    field.setSelectionRange(start, end);
    return true;
  }
  const range = model.toRange(start, end);
  const selection = document.getSelection();
  if (!range || !selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
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

export function replaceText(
  field: Field,
  start: number,
  end: number,
  expected: string,
  replacement: string,
  exclude?: string,
): ReplaceResult {
  const model = readField(field, exclude);
  if (model.text.slice(start, end) !== expected) return 'stale';
  const after = model.text.slice(0, start) + replacement + model.text.slice(end);
  field.focus({ preventScroll: true });
  if (!selectRange(field, model, start, end)) return 'refused';
  if (document.execCommand('insertText', false, replacement) && readField(field, exclude).text === after)
    return 'replaced';
  if (readField(field, exclude).text !== model.text) return 'replaced'; // the editor normalised it its own way
  // Editors that cancel execCommand listen for the input event a spell-checker would send.
  if (!selectRange(field, model, start, end)) return 'refused';
  const data = new DataTransfer();
  data.setData('text/plain', replacement);
  const targetRanges = isValueField(field)
    ? []
    : [model.toRange(start, end)].filter((r): r is Range => !!r).map((r) => new StaticRange(r));
  field.dispatchEvent(
    new InputEvent('beforeinput', {
      inputType: 'insertReplacementText',
      data: replacement,
      dataTransfer: data,
      targetRanges,
      bubbles: true,
      cancelable: true,
      composed: true,
    }),
  );
  return readField(field, exclude).text !== model.text ? 'replaced' : 'refused';
}
