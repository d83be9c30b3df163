/**
 * npm run eval [-- --verbose]
 *
 * Prints recall on blunt lines and the false-positive rate on polite lines of the evaluation sets
 * (tests/eval/*.jsonl), per family, then how often the engine flags the most impolite and the most
 * polite quartiles of the Stanford Politeness Corpus (Wikipedia requests, English only).
 * --verbose also lists every missed blunt line and every flagged polite line.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/engine';
import {
  type EvalLang,
  type Rate,
  REPO_ROOT,
  STANFORD_WIKIPEDIA,
  loadEvalSet,
  loadPolitenessCorpus,
  quartileShares,
  scoreSet,
} from './eval/measure';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const flaggedIn = (lang: EvalLang) => (text: string) => analyze(text, { langs: [lang] }).length > 0;

const pct = (r: Rate) => (Number.isNaN(r.rate) ? '—' : `${(r.rate * 100).toFixed(1)}%`);
const cell = (r: Rate) => (r.total ? `${pct(r).padStart(6)} (${r.hits}/${r.total})` : '—');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('   ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('   '), ...rows.map(line)].join('\n');
}

const NAMES: Record<EvalLang, string> = { en: 'English', ja: 'Japanese' };

for (const lang of ['en', 'ja'] as const) {
  const score = scoreSet(loadEvalSet(lang), flaggedIn(lang));
  console.log(`\n== ${NAMES[lang]} (tests/eval/${lang}.jsonl) ==\n`);
  console.log(
    table(
      ['family', 'recall (blunt)', 'false positives (polite)'],
      [
        ...score.families.map((f) => [f.family, cell(f.recall), cell(f.falsePositive)]),
        ['ALL', cell(score.recall), cell(score.falsePositive)],
      ],
    ),
  );
  if (verbose) {
    console.log(`\nMissed blunt lines (${score.missed.length}):`);
    for (const m of score.missed) console.log(`  ${String(m.line).padStart(3)}  [${m.family}] ${m.text}`);
  }
  console.log(`\nFlagged polite lines (${score.falseAlarms.length}):`);
  for (const m of score.falseAlarms) {
    const found = analyze(m.text, { langs: [lang] }).map((f) => `${f.entryId}: "${f.text}"`);
    console.log(`  ${String(m.line).padStart(3)}  [${m.family}] ${m.text}  ← ${found.join('; ')}`);
  }
}

const corpus = STANFORD_WIKIPEDIA();
console.log('\n== Stanford Politeness Corpus, Wikipedia requests (English) ==\n');
if (!existsSync(corpus)) {
  console.log(`Skipped: ${path.relative(REPO_ROOT, corpus)} not found.`);
} else {
  const requests = loadPolitenessCorpus(corpus);
  const q = quartileShares(requests, flaggedIn('en'));
  const ratio = Number.isNaN(q.ratio) ? '—' : q.ratio === Infinity ? '∞' : `${q.ratio.toFixed(1)}×`;
  console.log(
    table(
      ['quartile (by Normalized Score)', 'flagged'],
      [
        ['most impolite', cell(q.impolite)],
        ['most polite', cell(q.polite)],
        ['ratio impolite / polite', ratio],
      ],
    ),
  );
  console.log(`\n${requests.length} requests. Danescu-Niculescu-Mizil et al., ACL 2013.`);
}
if (!verbose) console.log('\n(npm run eval -- --verbose lists the missed blunt lines.)');
