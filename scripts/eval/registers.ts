/**
 * Figures per register (who the text is written to), kept free of the engine: every function
 * takes an `analyze(text, register)`. Shared by `npm run eval` and tests/eval/registers-guard.test.ts.
 */
import { DEFAULT_REGISTER, REGISTERS, type Register } from '../../src/phrasebook/schema';
import { type EvalItem, type EvalLang, type Rate, type SetScore, rate, scoreSet } from './measure';

export interface RegisterFinding {
  start: number;
  end: number;
  entryId: string;
  rewrites: string[];
}
export type AnalyzeIn = (text: string, register: Register) => RegisterFinding[];

/** Japanese to a teammate carries no ございます and no いただけますでしょうか (stiff, 慇懃無礼 when piled up). */
export const STIFF_FOR_TEAMMATES = /ございま|いただけますでしょうか/;

/** The set scored as if every line were written to `register`. */
export function scoreInRegister(items: readonly EvalItem[], register: Register, analyze: AnalyzeIn): SetScore {
  return scoreSet(items, (text) => analyze(text, register).length > 0);
}

/** The set scored with each line written to the reader its context names (a manager when it names none). */
export function scoreAsAddressed(items: readonly EvalItem[], analyze: AnalyzeIn): SetScore {
  const registerOf = new Map(items.map((i) => [i.text, i.register ?? DEFAULT_REGISTER]));
  return scoreSet(items, (text) => analyze(text, registerOf.get(text) ?? DEFAULT_REGISTER).length > 0);
}

export interface StiffRewrite {
  text: string;
  entryId: string;
  rewrite: string;
}

/** Rewrites offered to a teammate that hold ございます or いただけますでしょうか, out of all offered. */
export function stiffForTeammates(lang: EvalLang, texts: readonly string[], analyze: AnalyzeIn): { offered: number; stiff: StiffRewrite[] } {
  let offered = 0;
  const stiff: StiffRewrite[] = [];
  if (lang !== 'ja') return { offered, stiff };
  for (const text of texts)
    for (const f of analyze(text, 'teammate'))
      for (const rewrite of f.rewrites) {
        offered++;
        if (STIFF_FOR_TEAMMATES.test(rewrite)) stiff.push({ text, entryId: f.entryId, rewrite });
      }
  return { offered, stiff };
}

export interface Differs {
  /** Findings whose entry has rewrites of its own for the register. */
  expected: Rate;
  /** Of those, the ones whose offered rewrites are the manager's all the same. */
  same: { text: string; entryId: string }[];
}

/**
 * Where the data gives a register rewrites of its own, the same sentence gets other rewrites
 * there than for a manager (the same span, found in both).
 */
export function differsFromManager(
  texts: readonly string[],
  register: Exclude<Register, 'manager'>,
  analyze: AnalyzeIn,
  hasVariant: (entryId: string, register: Register) => boolean,
): Differs {
  let total = 0;
  let differ = 0;
  const same: Differs['same'] = [];
  for (const text of texts) {
    const manager = analyze(text, 'manager');
    for (const f of analyze(text, register)) {
      if (!hasVariant(f.entryId, register)) continue;
      const m = manager.find((x) => x.start === f.start && x.end === f.end && x.entryId === f.entryId);
      if (!m) continue;
      total++;
      if (JSON.stringify(m.rewrites) !== JSON.stringify(f.rewrites)) differ++;
      else same.push({ text, entryId: f.entryId });
    }
  }
  return { expected: rate(differ, total), same };
}

export { REGISTERS };
