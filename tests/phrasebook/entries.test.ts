import { describe, expect, it } from 'vitest';
import { applyRewrite } from '../../src/engine/apply';
import { Engine } from '../../src/engine/engine';
import { BUILTIN_SOURCES, builtinEntries } from '../../src/phrasebook/builtin';
import { REGISTERS, examplesByRegister } from '../../src/phrasebook/schema';

// prh-style: every entry carries its own specs, and the phrasebook is only as good as they are.
// An example names the sentence as it reads after one click; that sentence is then clean.
// KUUKI_PHRASEBOOK_FILE=phrasebook/en/blame.json runs one file's entries (all of them still match).
const only = process.env.KUUKI_PHRASEBOOK_FILE;
const inFile = (id: string) =>
  !only || BUILTIN_SOURCES.some((s) => s.file === only && (s.data as { entries: { id: string }[] }).entries.some((e) => e.id === id));
const engine = new Engine(builtinEntries());
const entries = builtinEntries().filter((e) => inFile(e.id));
const described = (f: { entryId: string; text: string }) => `${f.entryId}: ${f.text}`;

// Spans are word-aligned: English on token edges; Japanese never cuts a noun or number (a
// segmenter word holding kanji, katakana or digits) in half. The segmenter is no judge of
// conjugations (it splits 送|って, joins は|やめる), so kana-only words are not asked.
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
function cutsAWord(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  if (/[\p{L}\p{N}]/u.test(text[at - 1]!) && /[\p{Script=Latin}\p{N}]/u.test(text[at]!) && /[\p{Script=Latin}\p{N}]/u.test(text[at - 1]!))
    return true;
  for (const s of segmenter.segment(text)) {
    if (s.index < at && at < s.index + s.segment.length) return /[\p{Script=Han}\p{Script=Katakana}\p{N}]/u.test(s.segment);
  }
  return false;
}

describe.each(entries.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
  // An entry's own examples are for a manager; each reader's rewrites carry examples of their own.
  it.each(examplesByRegister(entry).map(({ register, example }) => [register, example.text, example] as const))('to a %s, flags: %s', (register, _text, example) => {
    const findings = engine.analyze(example.text, { register });
    const finding = findings.find((f) => f.entryId === entry.id);
    expect(findings.map((f) => f.entryId)).toContain(entry.id);
    for (const rewrite of finding!.rewrites) expect(rewrite).not.toMatch(/[{}]/);
    expect([cutsAWord(example.text, finding!.start), cutsAWord(example.text, finding!.end)], `span "${finding!.text}"`).toEqual([false, false]);
    const after = applyRewrite(example.text, finding!);
    expect(after).toBe(example.after);
    expect(engine.analyze(after, { register }).map(described)).toEqual([]);
  });

  it.each(entry.nearMisses)('leaves alone, to every reader: %s', (nearMiss) => {
    for (const register of REGISTERS) expect(engine.analyze(nearMiss, { register }).map(described), register).toEqual([]);
  });
});
