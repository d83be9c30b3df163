/**
 * Moves findings computed for an older text onto the current text: those before the edit stay,
 * those after it shift by the edit's length, and those the edit touched are dropped. Stale results
 * are re-mapped, never painted over text they no longer describe.
 */
export interface Ranged {
  start: number;
  end: number;
  text: string;
}

/** An item moved by `delta`, with the sentence it belongs to when it carries one. */
function shifted<T extends Ranged>(item: T, delta: number): T {
  const moved = { ...item, start: item.start + delta, end: item.end + delta };
  const sentence = (item as { sentence?: { start: number; end: number } }).sentence;
  return sentence ? { ...moved, sentence: { start: sentence.start + delta, end: sentence.end + delta } } : moved;
}

export function remap<T extends Ranged>(oldText: string, newText: string, items: readonly T[]): T[] {
  if (oldText === newText) return [...items];
  let prefix = 0;
  const max = Math.min(oldText.length, newText.length);
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  )
    suffix++;
  const editStart = prefix;
  const oldEditEnd = oldText.length - suffix;
  const delta = newText.length - oldText.length;
  const out: T[] = [];
  for (const item of items) {
    if (item.end <= editStart) out.push(item);
    else if (item.start >= oldEditEnd) out.push(shifted(item, delta));
  }
  return out.filter((i) => newText.slice(i.start, i.end) === i.text);
}
