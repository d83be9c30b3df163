import { segment } from './segment';
import type { Finding } from './types';

/** The text after replacing a finding's phrase with one of its rewrites: what one click sends. */
export function applyRewrite(text: string, finding: Pick<Finding, 'start' | 'end' | 'rewrites'>, choice = 0): string {
  const rewrite = finding.rewrites[choice];
  if (rewrite === undefined) return text;
  return text.slice(0, finding.start) + rewrite + text.slice(finding.end);
}

/** A run of the sentence after a rewrite: the writer's words, or words Kuuki changed. */
export interface SentencePart {
  text: string;
  changed: boolean;
}

/**
 * The finding's sentence as it will read after the rewrite, split into the writer's words and
 * Kuuki's. `sentence` defaults to the one the finding was found in; a caller whose text changed
 * since passes the sentence around the finding in the current text.
 */
export function sentenceAfter(
  text: string,
  finding: Pick<Finding, 'start' | 'end' | 'rewrites' | 'kept' | 'sentence'>,
  choice = 0,
  sentence: { start: number; end: number } = finding.sentence,
): SentencePart[] {
  const rewrite = finding.rewrites[choice] ?? '';
  const kept = finding.kept[choice] ?? [];
  const parts: SentencePart[] = [];
  const push = (s: string, changed: boolean) => {
    if (!s) return;
    const last = parts[parts.length - 1];
    if (last && last.changed === changed) last.text += s;
    else parts.push({ text: s, changed });
  };
  push(text.slice(Math.min(sentence.start, finding.start), finding.start), false);
  let at = 0;
  for (const [from, to] of kept) {
    push(rewrite.slice(at, from), true);
    push(rewrite.slice(from, to), false);
    at = to;
  }
  push(rewrite.slice(at), true);
  push(text.slice(finding.end, Math.max(sentence.end, finding.end)), false);
  return parts;
}

/**
 * What the card and "Try it" show for a rewrite: the whole sentence as it will be sent, Kuuki's
 * words marked, with a long sentence's untouched ends shortened to "…" so the card stays small.
 */
const CONTEXT = 60;

/** The sentence around [start, end) in the current text (findings are re-mapped as the text changes). */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const spans = segment(text).filter((s) => s.end > start && s.start < end);
  return spans.length ? { start: Math.min(spans[0]!.start, start), end: Math.max(spans[spans.length - 1]!.end, end) } : { start, end };
}

export function previewParts(text: string, finding: Finding, choice: number): SentencePart[] {
  const parts = sentenceAfter(text, finding, choice, sentenceAround(text, finding.start, finding.end));
  return parts.map((p, i) => {
    if (p.changed || p.text.length <= CONTEXT + 10) return p;
    if (i === 0) return { ...p, text: `…${cutAtWord(p.text.slice(-CONTEXT), 'start')}` };
    if (i === parts.length - 1) return { ...p, text: `${cutAtWord(p.text.slice(0, CONTEXT), 'end')}…` };
    return p;
  });
}

/** The sentence after the change as plain text (what "Copy" copies). */
export const previewText = (text: string, finding: Finding, choice: number) =>
  sentenceAfter(text, finding, choice, sentenceAround(text, finding.start, finding.end))
    .map((p) => p.text)
    .join('');

// Latin text is cut at a space so no word is shown in half; Japanese has no spaces to wait for.
function cutAtWord(s: string, side: 'start' | 'end'): string {
  if (side === 'start') {
    const space = s.indexOf(' ');
    return space >= 0 && space < 20 ? s.slice(space + 1) : s;
  }
  const space = s.lastIndexOf(' ');
  return space > s.length - 20 ? s.slice(0, space) : s;
}
