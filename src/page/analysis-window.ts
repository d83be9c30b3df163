import { ANALYSIS_CAP } from '../messages';

/**
 * The part of a field's text to analyse: all of it when it fits in one request, else a window of
 * ANALYSIS_CAP characters around the caret, its edges moved to line breaks (or spaces) so no
 * sentence at the edge is cut. Pure.
 */
export interface TextWindow {
  start: number;
  end: number;
}

const EDGE_SLACK = 1_000;

/** The first line (or word) edge at or after `at`, or `at` when none is near. */
function edgeAfter(text: string, at: number): number {
  const line = text.indexOf('\n', at);
  if (line >= 0 && line - at <= EDGE_SLACK) return line + 1;
  const space = text.indexOf(' ', at);
  if (space >= 0 && space - at <= EDGE_SLACK) return space + 1;
  return (text.charCodeAt(at) & 0xfc00) === 0xdc00 ? at + 1 : at;
}

/** The last line (or word) edge at or before `at`, not before `floor`, or `at` when none is near. */
function edgeBefore(text: string, at: number, floor: number): number {
  const line = text.lastIndexOf('\n', at - 1);
  if (line >= floor && at - line <= EDGE_SLACK) return line + 1;
  const space = text.lastIndexOf(' ', at - 1);
  if (space >= floor && at - space <= EDGE_SLACK) return space + 1;
  // Never between the halves of a surrogate pair.
  return (text.charCodeAt(at) & 0xfc00) === 0xdc00 ? at + 1 : at;
}

export function analysisWindow(text: string, caret: number | null, cap = ANALYSIS_CAP): TextWindow {
  if (text.length <= cap) return { start: 0, end: text.length };
  const at = Math.min(Math.max(caret ?? text.length, 0), text.length);
  const from = Math.max(0, Math.min(at - Math.floor(cap / 2), text.length - cap));
  // Both edges move inwards, so the window never grows past the cap nor loses the caret.
  const start = from === 0 ? 0 : Math.min(edgeAfter(text, from), at);
  const to = start + cap;
  const end = to >= text.length ? text.length : Math.max(edgeBefore(text, to, start + 1), at);
  return { start, end };
}

export const inWindow = (w: TextWindow, at: number) => at >= w.start && at <= w.end;
