/**
 * npm run phrasebook:preview -- <entry id | phrasebook file | text> … [--failing]
 *
 * Shows what one click does to each example of the entries named (or of every entry in the files
 * named): the phrase Kuuki marks, each rewrite as the whole sentence, and whether the sentence
 * after one click is the example's `after` and is left alone. For writing and reviewing entries:
 * read the sentences, not the fragments. A plain sentence (anything else) is analysed as it is.
 * --failing shows only examples that do not hold.
 */
import { applyRewrite } from '../src/engine/apply';
import { Engine } from '../src/engine/engine';
import { BUILTIN_SOURCES, builtinEntries } from '../src/phrasebook/builtin';
import type { Entry } from '../src/phrasebook/schema';

const args = process.argv.slice(2);
const failingOnly = args.includes('--failing');
const names = args.filter((a) => !a.startsWith('--'));
const entries = builtinEntries();
const engine = new Engine(entries);

const fileOf = (e: Entry) => BUILTIN_SOURCES.find((s) => (s.data as { entries: Entry[] }).entries.some((x) => x.id === e.id))?.file ?? '';
const chosen = entries.filter((e) => names.some((n) => n === e.id || fileOf(e).endsWith(n.replace(/^\.\//, ''))));
const sentences = names.filter((n) => !chosen.length || !entries.some((e) => e.id === n || fileOf(e).endsWith(n)));

let shown = 0;
let failing = 0;
for (const entry of chosen) {
  const lines: string[] = [];
  for (const example of entry.examples) {
    const findings = engine.analyze(example.text);
    const finding = findings.find((f) => f.entryId === entry.id);
    const after = finding ? applyRewrite(example.text, finding) : undefined;
    const left = after === undefined ? [] : engine.analyze(after);
    const ok = !!finding && after === example.after && !left.length;
    if (!ok) failing++;
    if (failingOnly && ok) continue;
    lines.push(`  ${ok ? '✓' : '✗'} ${example.text}`);
    if (!finding) {
      const others = findings.map((f) => `${f.entryId} "${f.text}"`).join('; ');
      lines.push(`      NOT FLAGGED by this entry${others ? ` (flagged by: ${others})` : ''}`);
      continue;
    }
    lines.push(`      marks: "${finding.text}"`);
    finding.rewrites.forEach((_, i) => lines.push(`      ${i === 0 ? '→' : ' '} ${applyRewrite(example.text, finding, i)}`));
    if (finding.rewrites.length < entry.rewrites.length)
      lines.push(`      (${entry.rewrites.length - finding.rewrites.length} rewrite(s) do not fit this sentence)`);
    if (after !== example.after) lines.push(`      expected: ${example.after}`);
    for (const f of left) lines.push(`      after one click still flagged: ${f.entryId} "${f.text}"`);
  }
  if (lines.length) {
    shown++;
    console.log(`\n${entry.id}  (${fileOf(entry)})\n${lines.join('\n')}`);
  }
}
for (const text of sentences) {
  console.log(`\n"${text}"`);
  for (const f of engine.analyze(text)) {
    console.log(`  ${f.entryId}: marks "${f.text}"`);
    f.rewrites.forEach((_, i) => console.log(`    ${i === 0 ? '→' : ' '} ${applyRewrite(text, f, i)}`));
  }
}
if (chosen.length) console.log(`\n${chosen.length} entries, ${failing} example(s) failing${failingOnly ? `, ${shown} entries shown` : ''}.`);
