import type { Finding } from '../engine/types';
import { type Field, isValueField } from './fields';
import { contains, spanRects, visibleBox } from './geometry';
import { HIGHLIGHT_NAME } from './styles';
import type { TextModel } from './text-model';
import type { UiRoot } from './ui-root';

/**
 * Draws one field's marks without touching its DOM: light-DOM contenteditables get CSS Custom
 * Highlights; textareas, inputs and editors inside shadow roots get boxes in Kuuki's own layer.
 */
const highlighted = new Map<Field, Range[]>();

function repaintHighlights(): void {
  const all = [...highlighted.values()].flat();
  if (!all.length) CSS.highlights.delete(HIGHLIGHT_NAME);
  else CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...all));
}

export class FieldMarks {
  private boxes: HTMLDivElement[] = [];
  private badge: HTMLButtonElement;
  private rects: DOMRect[][] = [];
  private readonly useHighlights: boolean;

  constructor(
    private readonly field: Field,
    private readonly ui: UiRoot,
    onBadge: () => void,
  ) {
    this.useHighlights = !isValueField(field) && field.getRootNode() === document && 'highlights' in CSS;
    this.badge = document.createElement('button');
    this.badge.type = 'button';
    this.badge.className = 'badge';
    this.badge.hidden = true;
    this.badge.addEventListener('mousedown', (e) => e.preventDefault());
    // Only the user's click opens the card (a script's click() has isTrusted false).
    this.badge.addEventListener('click', (e) => e.isTrusted && onBadge());
  }

  /** Redraws marks for `findings`, which must describe `model`'s current text. */
  paint(model: TextModel, findings: readonly Finding[], label: (count: number) => string): void {
    this.rects = spanRects(this.field, model, findings.map((f) => [f.start, f.end]), this.ui.layer);
    if (this.useHighlights) {
      highlighted.set(
        this.field,
        findings.map((f) => model.toRange(f.start, f.end)).filter((r): r is Range => !!r),
      );
      repaintHighlights();
    } else {
      this.drawBoxes();
    }
    this.placeBadge(findings.length, label);
  }

  /** Follows scrolling and resizing. */
  reposition(model: TextModel, findings: readonly Finding[], label: (count: number) => string): void {
    if (this.useHighlights) {
      this.rects = spanRects(this.field, model, findings.map((f) => [f.start, f.end]), this.ui.layer);
      this.placeBadge(findings.length, label);
    } else {
      this.paint(model, findings, label);
    }
  }

  /** The index of the finding under a viewport point, if any. */
  hitTest(x: number, y: number): number {
    if (!contains(visibleBox(this.field), x, y)) return -1;
    return this.rects.findIndex((rects) => rects.some((r) => contains(r, x, y)));
  }

  /** Where a finding is drawn (its first visible line), for placing the card. */
  anchor(index: number): DOMRect | undefined {
    return this.rects[index]?.[this.rects[index]!.length - 1];
  }

  clear(): void {
    if (highlighted.delete(this.field)) repaintHighlights();
    for (const box of this.boxes) box.remove();
    this.boxes = [];
    this.rects = [];
    this.badge.hidden = true;
  }

  dispose(): void {
    this.clear();
    this.badge.remove();
  }

  private drawBoxes(): void {
    const clip = visibleBox(this.field);
    const wanted = this.rects.flat().filter((r) => r.bottom > clip.top && r.top < clip.bottom && r.right > clip.left && r.left < clip.right);
    while (this.boxes.length > wanted.length) this.boxes.pop()!.remove();
    while (this.boxes.length < wanted.length) {
      const box = document.createElement('div');
      box.className = 'mark';
      this.ui.layer.append(box);
      this.boxes.push(box);
    }
    wanted.forEach((r, i) => {
      const top = Math.max(r.top, clip.top);
      const bottom = Math.min(r.bottom, clip.bottom);
      Object.assign(this.boxes[i]!.style, {
        left: `${Math.max(r.left, clip.left)}px`,
        top: `${top}px`,
        width: `${Math.min(r.right, clip.right) - Math.max(r.left, clip.left)}px`,
        height: `${bottom - top}px`,
      });
    });
  }

  private placeBadge(count: number, label: (count: number) => string): void {
    const box = this.field.getBoundingClientRect();
    this.badge.hidden = count === 0 || box.width === 0;
    if (this.badge.hidden) return;
    if (!this.badge.isConnected) this.ui.layer.append(this.badge);
    this.badge.textContent = String(count);
    this.badge.setAttribute('aria-label', label(count));
    this.badge.title = label(count);
    this.badge.style.left = `${box.right - 26}px`;
    this.badge.style.top = `${box.bottom - 24}px`;
  }
}
