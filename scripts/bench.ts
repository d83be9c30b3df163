/**
 * npm run bench: times Kuuki's engine against two peers, alex and write-good, in one run on the
 * same texts — a 300-word email, a 10,000-word document (Stack Exchange requests from the Stanford
 * Politeness Corpus: text nobody here wrote), and a one-sentence edit inside the email (Kuuki's
 * incremental path). Prints medians, Kuuki/peer ratios, the edit's p50/p95 and peak memory; first,
 * whole processes as a user runs them: `kuuki check` (the built CLI) against alex's CLI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { WORST_CASES } from './bench/worst-cases';
import path from 'node:path';
import { text as alex } from 'alex';
import writeGood from 'write-good';
import { Engine } from '../src/engine/engine';
import { builtinEntries } from '../src/phrasebook/builtin';
import { REPO_ROOT, parseCsv } from './eval/measure';

const entries = builtinEntries();
const email = readFileSync(path.join(REPO_ROOT, 'scripts/bench/email.txt'), 'utf8');
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

function document10k(): string {
  const file = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'stanford-politeness', 'stack-exchange.annotated.csv');
  if (!existsSync(file)) throw new Error(`bench needs ${file} (the shared data folder)`);
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const column = header!.indexOf('Request');
  const out: string[] = [];
  let count = 0;
  for (const row of rows) {
    const request = row[column]!.replace(/<url>|<person>/g, 'it');
    out.push(request);
    count += words(request);
    if (count >= 10_000) break;
  }
  return out.join('\n\n');
}

const now = () => performance.now();
function times(runs: number, fn: () => void): number[] {
  fn(); // warm-up: first calls pay for JIT compilation
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn();
    out.push(now() - t);
  }
  return out;
}
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/** A full analysis on a fresh engine: no sentence cache to help. */
function kuukiCold(text: string) {
  const engines = Array.from({ length: 40 }, () => new Engine(entries));
  let i = 0;
  return () => void engines[i++ % engines.length]!.analyze(text);
}

const doc = document10k();
const texts = [
  { name: `email (${words(email)} words)`, text: email, runs: 30 },
  { name: `document (${words(doc)} words)`, text: doc, runs: 7 },
];

// Whole processes, alternated so a busy machine slows both alike: start-up is what a one-file run pays.
const cliDir = mkdtempSync(path.join(tmpdir(), 'kuuki-bench-'));
const cliTexts = [
  { name: 'one sentence', text: "This method doesn't work.\n" },
  { name: `${words(doc)} words`, text: doc },
];
const wallTime = (args: string[]) => {
  const t = now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return now() - t;
};
console.log('whole process (median of 5, after a warm-up)');
for (const { name, text } of cliTexts) {
  const file = path.join(cliDir, `${name.replace(/\W+/g, '-')}.txt`);
  writeFileSync(file, text);
  const kuukiArgs = [path.join(REPO_ROOT, 'bin/kuuki.mjs'), 'check', file];
  const alexArgs = [path.join(REPO_ROOT, 'node_modules/alex/cli.js'), file];
  wallTime(kuukiArgs);
  wallTime(alexArgs);
  const k: number[] = [];
  const a: number[] = [];
  for (let i = 0; i < 5; i++) {
    k.push(wallTime(kuukiArgs));
    a.push(wallTime(alexArgs));
  }
  console.log(`  kuuki check, ${name}: ${ms(median(k))} vs alex ${ms(median(a))} (${(median(k) / median(a)).toFixed(2)}×)`);
}
console.log('');

console.log(`Kuuki bench · Node ${process.version} · ${entries.length} phrasebook entries\n`);
console.log(['text'.padEnd(26), 'kuuki'.padStart(10), 'alex'.padStart(10), 'write-good'.padStart(11), '  kuuki/alex', '  kuuki/write-good'].join(''));
for (const { name, text, runs } of texts) {
  const k = median(times(runs, kuukiCold(text)));
  const a = median(times(runs, () => void alex(text)));
  const w = median(times(runs, () => void writeGood(text)));
  console.log(
    [name.padEnd(26), ms(k).padStart(10), ms(a).padStart(10), ms(w).padStart(11), `${(k / a).toFixed(2)}×`.padStart(13), `${(k / w).toFixed(2)}×`.padStart(18)].join(''),
  );
}

// The incremental path: the email is analysed once, then one sentence changes per keystroke.
const engine = new Engine(entries);
engine.analyze(email);
const sentence = 'The rollback section is good and clear.';
let n = 0;
const before = engine.sentencesAnalysed;
const edits = times(500, () => {
  n++;
  engine.analyze(email.replace(sentence, `The rollback section is good and clear${'!'.repeat(n % 7)} ${n}.`));
});
console.log(
  `\none-sentence edit in the email: p50 ${ms(median(edits))}, p95 ${ms(quantile(edits, 0.95))} (target p95 < 2 ms); ` +
    `${((engine.sentencesAnalysed - before) / 501).toFixed(2)} sentences re-analysed per edit`,
);
// Worst cases: shapes that were once superlinear, at 1×, 4× and 16×, each on a cold cache.
console.log('\nworst cases (cold cache, best of 3)');
console.log(['shape'.padEnd(46), '1×'.padStart(10), '4×'.padStart(10), '16×'.padStart(10), '  growth 16×/1×'].join(''));
for (const c of WORST_CASES) {
  const at = (k: number) => {
    const text = c.make(c.base * k);
    return Math.min(...times(3, () => {
      engine.clearCache();
      engine.analyze(text);
    }));
  };
  const [one, four, sixteen] = [at(1), at(4), at(16)] as [number, number, number];
  console.log([c.name.padEnd(46), ms(one).padStart(10), ms(four).padStart(10), ms(sixteen).padStart(10), `${(sixteen / one).toFixed(1)}×`.padStart(16)].join(''));
}
const megabyte = WORST_CASES[0]!.make(20_000).slice(0, 1_000_000);
engine.clearCache();
const started = now();
engine.analyze(megabyte);
const megabyteMs = now() - started;
console.log(`a 1 MB line: ${ms(megabyteMs)} (target < 5 s); growth target ≤ 20× for 16× input`);

const peak = process.resourceUsage().maxRSS / 1024;
console.log(`peak memory (RSS, whole process incl. alex and write-good): ${peak.toFixed(0)} MB; heap now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
