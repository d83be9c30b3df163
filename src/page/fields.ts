/**
 * Which elements Kuuki reads: textareas, text inputs and contenteditable editing hosts
 * (Gmail's compose body, Slack's Quill editor, ProseMirror, Lexical), minus opt-outs.
 */
export type ValueField = HTMLTextAreaElement | HTMLInputElement;
export type Field = ValueField | HTMLElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);
const OPT_OUT = '[data-kuuki="off"], [data-gramm="false"], [data-enable-grammarly="false"]';

export function isValueField(el: Element): el is ValueField {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

/** Crosses shadow-root boundaries to test ancestors for opt-outs. */
function optedOut(el: Element): boolean {
  for (let node: Element | null = el; node; ) {
    if (node.matches(OPT_OUT)) return true;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return false;
}

/** The editing host a node belongs to: the outermost contenteditable ancestor in its tree. */
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** The field an event target belongs to, if Kuuki should read it. */
export function fieldFor(target: EventTarget | null): Field | null {
  if (!(target instanceof HTMLElement)) return null;
  let field: Field | null = null;
  if (target instanceof HTMLTextAreaElement) field = target;
  else if (target instanceof HTMLInputElement) field = TEXT_INPUT_TYPES.has(target.type) ? target : null;
  else if (target.isContentEditable) field = editingHost(target);
  if (!field || optedOut(field)) return null;
  if (isValueField(field) && (field.readOnly || field.disabled)) return null;
  if (field.closest('kuuki-root')) return null;
  return field;
}

/** The focused element, looking inside open shadow roots and the current frame only. */
export function deepActiveElement(doc: Document = document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const CANDIDATES = 'textarea, input, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

/** Fields already on the page (with text worth checking), including inside open shadow roots. */
export function findFields(root: ParentNode): Field[] {
  const out: Field[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll<HTMLElement>(CANDIDATES)) {
      const field = fieldFor(el);
      if (field && !out.includes(field)) out.push(field);
    }
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root);
  return out;
}
