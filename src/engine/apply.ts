import type { Finding } from './types';

/** The text after replacing a finding's phrase with one of its rewrites: what one click sends. */
export function applyRewrite(text: string, finding: Pick<Finding, 'start' | 'end' | 'rewrites'>, choice = 0): string {
  const rewrite = finding.rewrites[choice];
  if (rewrite === undefined) return text;
  return text.slice(0, finding.start) + rewrite + text.slice(finding.end);
}

/** The finding's sentence as it will read after the rewrite, split into the writer's words and Kuuki's. */
export function sentenceAfter(
  text: string,
  finding: Pick<Finding, 'start' | 'end' | 'rewrites' | 'kept' | 'sentence'>,
  choice = 0,
): { text: string; changed: boolean }[] {
  const rewrite = finding.rewrites[choice] ?? '';
  const kept = finding.kept[choice] ?? [];
  const parts: { text: string; changed: boolean }[] = [];
  const push = (s: string, changed: boolean) => {
    if (!s) return;
    const last = parts[parts.length - 1];
    if (last && last.changed === changed) last.text += s;
    else parts.push({ text: s, changed });
  };
  push(text.slice(finding.sentence.start, finding.start), false);
  let at = 0;
  for (const [from, to] of kept) {
    push(rewrite.slice(at, from), true);
    push(rewrite.slice(from, to), false);
    at = to;
  }
  push(rewrite.slice(at), true);
  push(text.slice(finding.end, finding.sentence.end), false);
  return parts;
}
