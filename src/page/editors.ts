import type { Field } from './fields';

/**
 * What one editor needs beyond the shared replacement path (src/page/replace.ts), told by the
 * editor's own mark on its field. docs/editors.md says what each editor listens to.
 */
export interface EditorNote {
  name: string;
  matches(field: Field): boolean;
  /**
   * After the typing path, also send the `input` the browser's spell-checker sends
   * (`insertReplacementText`): the editor's undo manager takes that, not typing, as its own step.
   */
  announceReplacement?: true;
  /**
   * Skip the spell-checker's `beforeinput` and go straight to the typing path: the editor
   * cancels that event without always applying it.
   */
  typingOnly?: true;
}

const NOTES: readonly EditorNote[] = [
  // TinyMCE's body (in its iframe) counts execCommand's insertText as more typing, merged into the
  // typing undo level; a spell-checker replacement it records as a step of its own.
  { name: 'TinyMCE', matches: (f) => f.classList.contains('mce-content-body'), announceReplacement: true },
  // Lexical takes insertReplacementText in Chromium, but in Firefox it cancels it and leaves its
  // model as it was; it follows execCommand's insertText, with its own undo, in both.
  { name: 'Lexical', matches: (f) => f.getAttribute('data-lexical-editor') === 'true', typingOnly: true },
];

export function editorNoteFor(field: Field): EditorNote | undefined {
  return NOTES.find((n) => n.matches(field));
}
