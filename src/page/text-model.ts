import { type Field, isValueField } from './fields';

/**
 * A field's text as the engine sees it, and the way back from offsets to the DOM.
 * contenteditable: text nodes in order, block boundaries and <br> as "\n", non-editable islands
 * (mentions, chips) and site-excluded parts (quoted replies) as U+FFFC, which no pattern matches.
 */
export interface TextModel {
  text: string;
  /** A DOM Range over [start, end), or null when it would cross an island. contenteditable only. */
  toRange(start: number, end: number): Range | null;
  /** The offset of a DOM position, or null when it is not inside the model's text. */
  offsetOf(node: Node, offset: number): number | null;
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TR', 'TD', 'TH', 'UL',
]);
export const ISLAND = '\uFFFC';

interface Segment {
  node: Text;
  start: number;
}

export function readField(field: Field, exclude?: string): TextModel {
  if (isValueField(field)) {
    return { text: field.value, toRange: () => null, offsetOf: () => null };
  }
  let text = '';
  const segments: Segment[] = [];
  const newline = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (data) {
          segments.push({ node: child as Text, start: text.length });
          text += data;
        }
      } else if (child instanceof HTMLElement) {
        if (child.tagName === 'BR') {
          text += '\n';
        } else if (child.contentEditable === 'false' || (exclude && child.matches(exclude))) {
          if (BLOCKS.has(child.tagName)) newline();
          else text += ISLAND;
        } else {
          const block = BLOCKS.has(child.tagName);
          if (block) newline();
          walk(child);
          if (block) newline();
        }
      }
    }
  };
  walk(field);

  // The last segment starting at or before `offset`.
  const segmentAt = (offset: number): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const position = (offset: number, isEnd: boolean): [Text, number] | null => {
    let i = segmentAt(isEnd ? offset - 1 : offset);
    const seg = segments[i];
    if (!seg) return null;
    const local = offset - seg.start;
    if (local < 0 || local > seg.node.data.length || (!isEnd && local === seg.node.data.length && ++i)) {
      const next = segments[i];
      return next && next.start === offset ? [next.node, 0] : null;
    }
    return [seg.node, local];
  };

  return {
    text,
    toRange(start, end) {
      if (start >= end || text.slice(start, end).includes(ISLAND)) return null;
      const from = position(start, false);
      const to = position(end, true);
      if (!from || !to) return null;
      const range = document.createRange();
      range.setStart(...from);
      range.setEnd(...to);
      return range;
    },
    offsetOf(node, offset) {
      if (node.nodeType === Node.TEXT_NODE) {
        const seg = segments.find((s) => s.node === node);
        return seg ? seg.start + offset : null;
      }
      // An element position: the start of the first text at or after it.
      const after = node.childNodes[offset] ?? null;
      const ref = after ?? node;
      const seg = segments.find((s) => {
        const cmp = ref.compareDocumentPosition(s.node);
        return after ? s.node === after || !!(cmp & Node.DOCUMENT_POSITION_FOLLOWING) || !!(cmp & Node.DOCUMENT_POSITION_CONTAINED_BY) : !!(cmp & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      return seg ? seg.start : text.length;
    },
  };
}
