/**
 * Quality figures for the engine, kept free of the engine itself: every function that needs to
 * know whether a text is flagged takes a `flagged` predicate. Shared by `npm run eval`
 * (scripts/eval.ts) and the guard test (tests/eval/eval.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGISTERS, type Register } from '../../src/phrasebook/schema';

export const FAMILIES = [
  'criticism',
  'disagreement',
  'refusal',
  'pressure',
  'rhetorical-why',
  'blame',
  'absolutes',
  'passive-aggressive',
  'dismissal',
  'promotion',
  'dont-know',
] as const;
export type Family = (typeof FAMILIES)[number];
/**
 * Polite lines may also be "neutral" when they share no family's words; "etiquette" marks the
 * business-Japanese sets (mistakes versus correct keigo), which are not about tone.
 */
export type ItemFamily = Family | 'neutral' | 'etiquette';
export type Label = 'blunt' | 'polite';
export type EvalLang = 'en' | 'ja';

export interface EvalItem {
  text: string;
  label: Label;
  family: ItemFamily;
  /** A finer kind within the family (the etiquette sets: ryoukai, nijuu-keigo, …). */
  kind?: string;
  /** Who the line is written to, where its context says (a chat among peers: "teammate"). Default: a manager. */
  register?: Register;
  /** 1-based line in the .jsonl file, for messages. */
  line: number;
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The evaluation sets: the first written (tests/eval/<lang>.jsonl), and the sets with specifics
 * (names, numbers, deadlines, reasons) that measure rewrites: a development set and a held-out
 * set that is only ever reported, never read while tuning; the same pair for Japanese business
 * etiquette (敬語 mistakes, and correct keigo built from the same words), each written by a
 * helper who had not read the phrasebook.
 */
export const EVAL_SETS = ['', 'specifics', 'specifics-holdout', 'etiquette', 'etiquette-holdout'] as const;
export type EvalSet = (typeof EVAL_SETS)[number];

export const evalSetPath = (lang: EvalLang, root = REPO_ROOT, set: EvalSet = '') =>
  path.join(root, 'tests', 'eval', set, `${lang}.jsonl`);

export const STANFORD_WIKIPEDIA = (root = REPO_ROOT) =>
  path.resolve(root, '..', 'shared', 'data', 'stanford-politeness', 'wikipedia.annotated.csv');

const FAMILY_SET = new Set<string>([...FAMILIES, 'neutral', 'etiquette']);

/** Parses a .jsonl evaluation set; throws naming the line of any malformed entry. */
export function parseEvalSet(source: string, file = '<jsonl>'): EvalItem[] {
  const items: EvalItem[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      throw new Error(`${file}:${line}: invalid JSON (${(e as Error).message})`);
    }
    const { text, label, family, kind, register } = (obj ?? {}) as Record<string, unknown>;
    if (typeof text !== 'string' || !text.trim()) throw new Error(`${file}:${line}: "text" must be a non-empty string`);
    if (label !== 'blunt' && label !== 'polite') throw new Error(`${file}:${line}: "label" must be "blunt" or "polite"`);
    if (typeof family !== 'string' || !FAMILY_SET.has(family))
      throw new Error(`${file}:${line}: unknown family ${JSON.stringify(family)}`);
    if (label === 'blunt' && family === 'neutral') throw new Error(`${file}:${line}: a blunt line needs a real family`);
    if (kind !== undefined && typeof kind !== 'string') throw new Error(`${file}:${line}: "kind" must be a string`);
    if (register !== undefined && !(REGISTERS as readonly unknown[]).includes(register))
      throw new Error(`${file}:${line}: "register" must be one of ${REGISTERS.join(', ')}`);
    items.push({
      text,
      label,
      family: family as ItemFamily,
      ...(kind ? { kind } : {}),
      ...(register ? { register: register as Register } : {}),
      line,
    });
  });
  return items;
}

export function loadEvalSet(lang: EvalLang, root = REPO_ROOT, set: EvalSet = ''): EvalItem[] {
  const file = evalSetPath(lang, root, set);
  return parseEvalSet(readFileSync(file, 'utf8'), path.relative(root, file));
}

/** `hits` out of `total`; `rate` is NaN when there is nothing to count. */
export interface Rate {
  hits: number;
  total: number;
  rate: number;
}

export const rate = (hits: number, total: number): Rate => ({ hits, total, rate: total ? hits / total : NaN });

export interface FamilyScore {
  family: ItemFamily;
  /** Blunt lines of this family that were flagged. */
  recall: Rate;
  /** Polite lines of this family that were flagged. */
  falsePositive: Rate;
}

export interface SetScore {
  recall: Rate;
  falsePositive: Rate;
  /** In FAMILIES order, then "neutral"; families with no lines at all are left out. */
  families: FamilyScore[];
  /** Blunt lines not flagged. */
  missed: EvalItem[];
  /** Polite lines flagged. */
  falseAlarms: EvalItem[];
}

/** Recall on blunt lines and false-positive rate on polite lines, overall and per family. */
export function scoreSet(items: readonly EvalItem[], flagged: (text: string) => boolean): SetScore {
  const results = items.map((item) => ({ item, flagged: flagged(item.text) }));
  const count = (label: Label, family?: ItemFamily) => {
    const rows = results.filter((r) => r.item.label === label && (family === undefined || r.item.family === family));
    return rate(rows.filter((r) => r.flagged).length, rows.length);
  };
  const families = [...FAMILIES, 'neutral' as const]
    .map((family) => ({ family, recall: count('blunt', family), falsePositive: count('polite', family) }))
    .filter((f) => f.recall.total + f.falsePositive.total > 0);
  return {
    recall: count('blunt'),
    falsePositive: count('polite'),
    families,
    missed: results.filter((r) => r.item.label === 'blunt' && !r.flagged).map((r) => r.item),
    falseAlarms: results.filter((r) => r.item.label === 'polite' && r.flagged).map((r) => r.item),
  };
}

/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted; inside quotes, `""` is a quote and
 * commas and line breaks are literal. Accepts LF or CRLF line ends and a missing final newline.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

export interface ScoredRequest {
  id: string;
  request: string;
  /** Normalized Score: z-scored mean rating, negative = impolite. */
  score: number;
}

/** Rows of a Stanford Politeness Corpus CSV (columns found by header name). */
export function parsePolitenessCorpus(csv: string): ScoredRequest[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) throw new Error('empty CSV');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`CSV has no "${name}" column (found: ${header.join(', ')})`);
    return i;
  };
  const [idCol, requestCol, scoreCol] = [col('Id'), col('Request'), col('Normalized Score')];
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r, i) => {
      const score = Number(r[scoreCol]);
      if (r.length !== header.length || !Number.isFinite(score))
        throw new Error(`CSV row ${i + 2}: expected ${header.length} fields and a numeric Normalized Score`);
      return { id: r[idCol] ?? '', request: r[requestCol] ?? '', score };
    });
}

export const loadPolitenessCorpus = (file: string): ScoredRequest[] => parsePolitenessCorpus(readFileSync(file, 'utf8'));

export interface QuartileShares {
  /** Flagged share of the quarter of requests with the lowest scores. */
  impolite: Rate;
  /** Flagged share of the quarter of requests with the highest scores. */
  polite: Rate;
  /** impolite.rate / polite.rate (Infinity when the polite quartile has no flags). */
  ratio: number;
}

/** Sorts by score and measures how often the most impolite and most polite quartiles are flagged. */
export function quartileShares(requests: readonly ScoredRequest[], flagged: (text: string) => boolean): QuartileShares {
  const sorted = [...requests].sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  const q = Math.floor(sorted.length / 4);
  const share = (part: readonly ScoredRequest[]) => rate(part.filter((r) => flagged(r.request)).length, part.length);
  const impolite = share(sorted.slice(0, q));
  const polite = share(sorted.slice(sorted.length - q));
  return { impolite, polite, ratio: impolite.rate / polite.rate };
}
