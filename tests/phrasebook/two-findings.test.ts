import { describe, expect, it } from 'vitest';
import { applyRewrite } from '../../src/engine/apply';
import { Engine } from '../../src/engine/engine';
import { builtinEntries } from '../../src/phrasebook/builtin';

// Two findings in one sentence never tangle when both are accepted: whichever the user clicks
// first, the next finding Kuuki offers never reaches into words Kuuki itself just wrote, no slot
// is left, and clicking on settles (nothing is flagged for ever). Which rewrite the second phrase
// gets may depend on the first (the sentence around it changed); that is not a tangle.
const engine = new Engine(builtinEntries());

function clickAll(text: string, pick: 'first' | 'last'): { text: string; rewroteKuuki: string[] } {
  let out = text;
  let written: { start: number; end: number }[] = [];
  const rewroteKuuki: string[] = [];
  for (let guard = 0; guard < 6; guard++) {
    const findings = engine.analyze(out);
    const f = pick === 'first' ? findings[0] : findings[findings.length - 1];
    if (!f) return { text: out, rewroteKuuki };
    const rewrite = f.rewrites[0]!;
    // Kuuki's earlier words under this finding must come through it unchanged, carried in a slot.
    const carried = (f.kept[0] ?? []).map(([from, to]) => rewrite.slice(from, to));
    for (const w of written.filter((w) => f.start < w.end && w.start < f.end))
      if (!carried.some((c) => c.includes(out.slice(w.start, w.end).replace(/[\s.!?。！？]+$/u, ''))))
        rewroteKuuki.push(`${f.entryId}: "${f.text}"`);
    const delta = rewrite.length - (f.end - f.start);
    written = written.map((w) => (w.start >= f.end ? { start: w.start + delta, end: w.end + delta } : w));
    // Kuuki's own words in the rewrite: all of it but the writer's words it carried (f.kept).
    let at = 0;
    for (const [from, to] of [...(f.kept[0] ?? []), [rewrite.length, rewrite.length] as [number, number]]) {
      // Only words count: the final "?" a question put there belongs to the sentence.
      if (/[\p{L}\p{N}]/u.test(rewrite.slice(at, from))) written.push({ start: f.start + at, end: f.start + from });
      at = to;
    }
    out = applyRewrite(out, f);
  }
  return { text: `${out} (still flagged after 6 clicks)`, rewroteKuuki };
}

// Sentences with two blunt phrases: pairs of examples joined as one English or Japanese sentence.
const examples = (lang: 'en' | 'ja') =>
  builtinEntries()
    .filter((e) => e.lang === lang)
    .map((e) => e.examples[0]!.text.replace(/[.!?。！？]+$/u, ''));
const pairs = (lang: 'en' | 'ja', join: string, end: string) => {
  const xs = examples(lang);
  return Array.from({ length: 60 }, (_, i) => `${xs[(i * 7) % xs.length]}${join}${xs[(i * 13 + 5) % xs.length]}${end}`);
};

describe('two findings in one sentence', () => {
  it.each([...pairs('en', ', and ', '.'), ...pairs('ja', '、', '。')].filter((t) => engine.analyze(t).length >= 2))(
    'give one result in either order: %s',
    (text) => {
      for (const order of ['first', 'last'] as const) {
        const result = clickAll(text, order);
        expect(result.rewroteKuuki, `${order} first: ${result.text}`).toEqual([]);
        expect(result.text).not.toMatch(/[{}]|still flagged/);
      }
    },
  );
});
