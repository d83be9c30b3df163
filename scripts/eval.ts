/**
 * npm run eval [-- --verbose] [-- --pairs]
 *
 * Prints, for each evaluation set (tests/eval/<lang>.jsonl, and the sets with specifics under
 * tests/eval/specifics/ and tests/eval/specifics-holdout/, and the etiquette pair under
 * tests/eval/etiquette/ and tests/eval/etiquette-holdout/), recall on blunt lines and the
 * false-positive rate on polite lines, per family. For the sets with specifics it also measures
 * the blunt lines after one click on every finding: content retention, slot leaks, invented
 * specifics, and how many results Kuuki no longer flags. Then the Stanford Politeness Corpus
 * quartiles (Wikipedia requests, English only).
 * Each set is also scored per register (who the text is written to: teammate, manager, client,
 * and each line to the reader its context names), with how often the rewrites differ from a
 * manager's where the data says they should, and any ございます / いただけますでしょうか offered to a
 * teammate in Japanese.
 * --verbose lists missed blunt lines (not for the held-out set), --pairs every before → after
 * of the development set.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/engine';
import { builtinEntries } from '../src/phrasebook/builtin';
import type { Register } from '../src/phrasebook/schema';
import {
  type EvalLang,
  EVAL_SETS,
  type Rate,
  REPO_ROOT,
  STANFORD_WIKIPEDIA,
  evalSetPath,
  loadEvalSet,
  loadPolitenessCorpus,
  quartileShares,
  scoreSet,
} from './eval/measure';
import { scoreRewrites } from './eval/rewrites';
import { REGISTERS, differsFromManager, scoreAsAddressed, scoreInRegister, stiffForTeammates } from './eval/registers';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const showPairs = process.argv.includes('--pairs');
const findingsIn = (lang: EvalLang) => (text: string) => analyze(text, { langs: [lang] });
const flaggedIn = (lang: EvalLang) => (text: string) => findingsIn(lang)(text).length > 0;
const inRegister = (lang: EvalLang) => (text: string, register: Register) => analyze(text, { langs: [lang], register });
const variants = new Map(builtinEntries().map((e) => [e.id, e.byRegister ?? {}]));
const hasVariant = (id: string, register: Register) => !!variants.get(id)?.[register];

const pct = (r: Rate) => (Number.isNaN(r.rate) ? '—' : `${(r.rate * 100).toFixed(1)}%`);
const cell = (r: Rate) => (r.total ? `${pct(r).padStart(6)} (${r.hits}/${r.total})` : '—');
const one = (s: string) => s.replace(/\n/g, ' ⏎ ');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('   ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('   '), ...rows.map(line)].join('\n');
}

const NAMES: Record<EvalLang, string> = { en: 'English', ja: 'Japanese' };

for (const set of EVAL_SETS) {
  for (const lang of ['en', 'ja'] as const) {
    const file = path.relative(REPO_ROOT, evalSetPath(lang, REPO_ROOT, set));
    if (!existsSync(evalSetPath(lang, REPO_ROOT, set))) continue;
    const items = loadEvalSet(lang, REPO_ROOT, set);
    const score = scoreSet(items, flaggedIn(lang));
    const heldOut = set.endsWith('-holdout');
    console.log(`\n== ${NAMES[lang]} (${file}) ==\n`);
    console.log(
      table(
        ['family', 'recall (blunt)', 'false positives (polite)'],
        [
          ...score.families.map((f) => [f.family, cell(f.recall), cell(f.falsePositive)]),
          ['ALL', cell(score.recall), cell(score.falsePositive)],
        ],
      ),
    );
    const kinds = [...new Set(items.flatMap((i) => (i.kind ? [i.kind] : [])))];
    if (kinds.length && !heldOut) {
      const rows = kinds.map((kind) => {
        const s = scoreSet(items.filter((i) => i.kind === kind), flaggedIn(lang));
        return [kind, cell(s.recall), cell(s.falsePositive)];
      });
      console.log(`\n${table(['kind', 'recall (mistakes)', 'false positives (correct)'], rows)}`);
    }
    {
      const analyzeIn = inRegister(lang);
      const rows = REGISTERS.map((r) => {
        const s = scoreInRegister(items, r, analyzeIn);
        return [`to ${r === 'teammate' ? 'a teammate' : `a ${r}`}`, cell(s.recall), cell(s.falsePositive)];
      });
      if (items.some((i) => i.register)) {
        const s = scoreAsAddressed(items, analyzeIn);
        rows.push(['as addressed', cell(s.recall), cell(s.falsePositive)]);
      }
      console.log(`\n${table(['register', 'recall (blunt)', 'false positives (polite)'], rows)}`);
      const texts = items.map((i) => i.text);
      const differs = (['teammate', 'client'] as const).map((r) => {
        const d = differsFromManager(texts, r, analyzeIn, hasVariant);
        return `to a ${r} ${cell(d.expected).trim()}`;
      });
      const stiff = stiffForTeammates(lang, texts, analyzeIn);
      console.log(
        `Rewrites that differ from a manager's where the entry has its own for the reader: ${differs.join(', ')}` +
          (lang === 'ja' ? `; teammate rewrites with ございます / いただけますでしょうか: ${stiff.stiff.length} of ${stiff.offered}` : ''),
      );
      if (!heldOut) for (const x of stiff.stiff.slice(0, 10)) console.log(`  stiff to a teammate: ${x.entryId}: ${x.rewrite}  ← ${one(x.text)}`);
    }
    if (set) {
      const blunt = items.filter((i) => i.label === 'blunt').map((i) => i.text);
      const r = scoreRewrites(lang, blunt, findingsIn(lang));
      console.log(
        `\nAfter one click on every finding (${r.lines} flagged blunt lines): content retention ${(r.retention * 100).toFixed(1)}%, ` +
          `slot leaks ${r.leaks.length}, invented specifics ${r.invented.length}, quiet afterwards ${(r.quiet * 100).toFixed(1)}%`,
      );
      if (!heldOut) {
        for (const x of r.leaks) console.log(`  leak: ${one(x.text)}  →  ${one(x.after)}`);
        for (const x of r.invented) console.log(`  invented ${x.words.join(', ')}: ${one(x.text)}  →  ${one(x.after)}`);
        const weakest = [...r.pairs].sort((a, b) => a.retention - b.retention).filter((p) => p.retention < 1);
        if (verbose || showPairs)
          for (const p of weakest.slice(0, showPairs ? Infinity : 15))
            console.log(`  kept ${(p.retention * 100).toFixed(0)}%: ${one(p.text)}  →  ${one(p.after)}`);
        if (showPairs)
          for (const p of r.pairs.filter((p) => p.retention === 1))
            console.log(`  ${p.stillFlagged ? 'still flagged' : 'quiet'}: ${one(p.text)}  →  ${one(p.after)}`);
        if (verbose) for (const p of r.pairs.filter((p) => p.stillFlagged)) console.log(`  still flagged: ${one(p.after)}`);
      }
    }
    if (verbose && !heldOut) {
      console.log(`\nMissed blunt lines (${score.missed.length}):`);
      for (const m of score.missed) console.log(`  ${String(m.line).padStart(3)}  [${m.family}] ${one(m.text)}`);
    }
    if (!heldOut) {
      console.log(`\nFlagged polite lines (${score.falseAlarms.length}):`);
      for (const m of score.falseAlarms) {
        const found = analyze(m.text, { langs: [lang] }).map((f) => `${f.entryId}: "${f.text}"`);
        console.log(`  ${String(m.line).padStart(3)}  [${m.family}] ${one(m.text)}  ← ${found.join('; ')}`);
      }
    }
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
if (!verbose) console.log('\n(npm run eval -- --verbose lists the missed blunt lines; -- --pairs every before → after.)');
