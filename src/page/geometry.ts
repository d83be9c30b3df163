import { type Field, type ValueField, isValueField } from './fields';
import type { TextModel } from './text-model';

/**
 * Where ranges of a field's text are on screen. contenteditable asks the DOM; textarea and input
 * measure a mirror (a hidden copy with the same text metrics) inside Kuuki's own shadow root.
 */
const MIRRORED = [
  'boxSizing', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontStyle', 'fontVariant', 'fontWeight',
  'fontStretch', 'fontSize', 'fontFamily', 'lineHeight', 'textAlign', 'textTransform', 'textIndent',
  'letterSpacing', 'wordSpacing', 'tabSize', 'direction', 'fontKerning', 'fontFeatureSettings',
] as const;

let mirror: HTMLDivElement | undefined;

function mirrorIn(container: HTMLElement): HTMLDivElement {
  if (!mirror || !mirror.isConnected) {
    mirror = document.createElement('div');
    mirror.setAttribute('aria-hidden', 'true');
    container.append(mirror);
  }
  return mirror;
}

function valueRects(field: ValueField, spans: [number, number][], container: HTMLElement): DOMRect[][] {
  const m = mirrorIn(container);
  const style = getComputedStyle(field);
  for (const prop of MIRRORED) m.style[prop] = style[prop];
  const textarea = field instanceof HTMLTextAreaElement;
  Object.assign(m.style, {
    position: 'fixed',
    top: '0',
    left: '-10000px',
    visibility: 'hidden',
    overflow: 'hidden',
    boxSizing: 'content-box',
    borderStyle: 'solid',
    borderColor: 'transparent',
    width: `${field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)}px`,
    height: 'auto',
    whiteSpace: textarea ? 'pre-wrap' : 'pre',
    overflowWrap: textarea ? 'break-word' : 'normal',
  });
  const value = field.value;
  m.replaceChildren();
  const marks: HTMLSpanElement[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    m.append(value.slice(at, start));
    const span = document.createElement('span');
    span.textContent = value.slice(start, end);
    m.append(span);
    marks.push(span);
    at = end;
  }
  m.append(value.slice(at) || '\u200b');
  const origin = m.getBoundingClientRect();
  const box = field.getBoundingClientRect();
  const dx = box.left - origin.left - field.scrollLeft;
  const dy = box.top - origin.top - field.scrollTop;
  return marks.map((span) =>
    [...span.getClientRects()].map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height)),
  );
}

/** Client rects of each [start, end) span, in viewport coordinates. */
export function spanRects(
  field: Field,
  model: TextModel,
  spans: [number, number][],
  container: HTMLElement,
): DOMRect[][] {
  if (isValueField(field)) return valueRects(field, spans, container);
  return spans.map(([start, end]) => [...(model.toRange(start, end)?.getClientRects() ?? [])]);
}

/** The part of the viewport where the field shows its text (marks outside it are hidden). */
export function visibleBox(field: Field): DOMRect {
  const r = field.getBoundingClientRect();
  return new DOMRect(r.left + field.clientLeft, r.top + field.clientTop, field.clientWidth, field.clientHeight);
}

export function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}
