/**
 * What one click leaves of the writer's sentence, measured without the engine's own notion of
 * what it kept: content tokens are counted by the eval's own rules (non-stopwords, numbers, names;
 * Japanese kanji/katakana/number runs), less a short fixed list of tone words a softening is meant
 * to remove. Shared by `npm run eval` and the guard test.
 */
import type { EvalLang } from './measure';

/** Words a softening legitimately drops: the blunt marker, not the writer's content. */
const EN_TONE = new Set(
  ('must should need needs needed have has had got gotta ought better just simply really seriously literally ' +
    'obviously clearly evidently honestly frankly totally completely absolutely definitely always never ever ' +
    'everyone everybody nobody anyone anybody nothing everything constantly again already still ' +
    'wrong bad terrible awful horrible garbage useless pointless stupid dumb ridiculous unacceptable nonsense ' +
    'mess joke waste lazy sloppy careless incompetent fault blame refuse refused disagree whatever asap ' +
    'immediately urgent urgently right now now fix fixed insist demand demanded deserve deserved ' +
    'told tell telling said saying say reminder noted per understand understood know idea clue ' +
    'please pls kindly sure okay ok fine yes yeah nope no not cannot wont cant dont doesnt didnt isnt ' +
    'work works worked working obvious clear').split(' '),
);
const EN_STOP = new Set(
  ('a an the this that these those it its it\'s i me my mine we us our ours you your yours he him his she her ' +
    'they them their there here what which who whom whose when where why how and or but if then so because ' +
    'as of at by for from in into on onto to up down out over under with without about than too very can ' +
    'could would will shall may might do does did done doing be is am are was were been being get gets ' +
    'go going let lets make made some any all each every more most other such own same only also both ' +
    'hi hey hello thanks thank regards cheers best dear team all guys').split(' '),
);
const JA_TONE = [
  '至急', '大至急', '早急', '絶対', '必ず', '無理', '最悪', '最低', '論外', '常識', '非常識', '普通', '当然', '当たり前',
  '全然', '全く', '一体', '何度', '何回', '何度目', '意味', '無駄', '駄目', '馬鹿', '責任', '迷惑', '勝手', '関係', '興味',
  '不足', '間違', '違', '雑', '反対', '納得', '賛成', '同意', '了解', '知', '言', '前', '以前', '先', '再三', '結構',
  '早', '今', '即', '直', '急', '確実', '一度', '毎回', '誰', '何', '無', '不要', '要', '困', '酷', '嫌',
];

const stem = (w: string) => w.replace(/'s$/, '').replace(/(ing|ed|es|s)$/, (s) => (w.length > s.length + 3 ? '' : s));

/** The writer's content: tokens a rewrite must keep. */
export function contentTokens(lang: EvalLang, text: string): string[] {
  if (lang === 'en') {
    return (text.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}][\p{L}\p{N}'.¥$€£%:-]*[\p{L}\p{N}%]|[\p{L}\p{N}]/gu) ?? [])
      .filter((w) => !EN_STOP.has(w) && !EN_TONE.has(w) && !EN_TONE.has(w.replace(/n't$/, '')) && !/n't$/.test(w))
      .map(stem);
  }
  return (text.normalize('NFKC').match(/[\p{Script=Han}々\p{Script=Katakana}ー\p{N}A-Za-z¥$%.,]+/gu) ?? [])
    .map((t) => t.replace(/[.,]+$/, ''))
    .filter((t) => t && !JA_TONE.includes(t));
}

/** The share of the original's content tokens still present after the change (1 when it had none). */
export function retention(lang: EvalLang, before: string, after: string): number {
  const wanted = contentTokens(lang, before);
  if (!wanted.length) return 1;
  const have = lang === 'en' ? new Set(contentTokens('en', after)) : null;
  const folded = after.normalize('NFKC');
  const kept = wanted.filter((t) => (have ? have.has(t) : folded.includes(t)));
  return kept.length / wanted.length;
}

const EN_TIME =
  /\b(today|tonight|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|eod|eow|cob|asap|january|february|march|april|june|july|august|september|october|november|december|this week|next week|this month|next month|end of (?:the )?(?:day|week|month)|\d{1,2}(?::\d\d)?\s?(?:am|pm)|\d{1,2}(?:st|nd|rd|th))\b/gi;
const JA_TIME =
  /(本日中|今日中|今週中|今月中|本日|今日|明日|明後日|昨日|今週|来週|今月|来月|月曜|火曜|水曜|木曜|金曜|土曜|日曜|午前|午後|夕方|\d+時|\d+日|\d+月|至急|早急|すぐに|今すぐ|直ちに)/g;

/** Time and date words in `after` that `before` did not have: specifics the rewrite invented. */
export function inventedSpecifics(lang: EvalLang, before: string, after: string): string[] {
  const pattern = lang === 'en' ? EN_TIME : JA_TIME;
  const norm = (s: string) => s.normalize('NFKC').toLowerCase();
  const had = new Set([...norm(before).matchAll(pattern)].map((m) => m[0]));
  return [...new Set([...norm(after).matchAll(pattern)].map((m) => m[0]))].filter((w) => !had.has(w));
}

/** Every finding replaced by its first rewrite (findings never overlap): one click on each. */
export function afterOneClickEach(text: string, findings: readonly { start: number; end: number; rewrites: string[] }[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + (f.rewrites[0] ?? '') + out.slice(f.end);
  return out;
}

export interface RewriteScore {
  /** Flagged lines measured. */
  lines: number;
  /** Mean content retention over them. */
  retention: number;
  /** Results holding a "{" or "}". */
  leaks: { text: string; after: string }[];
  /** Results with a time or date word the original did not have. */
  invented: { text: string; after: string; words: string[] }[];
  /** Results Kuuki no longer flags. */
  quiet: number;
  /** Every line, for reading. */
  pairs: { text: string; after: string; retention: number; stillFlagged: boolean }[];
}

export function scoreRewrites(
  lang: EvalLang,
  texts: readonly string[],
  analyze: (text: string) => { start: number; end: number; rewrites: string[] }[],
): RewriteScore {
  const pairs: RewriteScore['pairs'] = [];
  const leaks: RewriteScore['leaks'] = [];
  const invented: RewriteScore['invented'] = [];
  for (const text of texts) {
    const findings = analyze(text);
    if (!findings.length) continue;
    const after = afterOneClickEach(text, findings);
    const r = retention(lang, text, after);
    const stillFlagged = analyze(after).length > 0;
    pairs.push({ text, after, retention: r, stillFlagged });
    if (/[{}]/.test(after) && !/[{}]/.test(text)) leaks.push({ text, after });
    const words = inventedSpecifics(lang, text, after);
    if (words.length) invented.push({ text, after, words });
  }
  const lines = pairs.length;
  return {
    lines,
    retention: lines ? pairs.reduce((n, p) => n + p.retention, 0) / lines : NaN,
    leaks,
    invented,
    quiet: lines ? pairs.filter((p) => !p.stillFlagged).length / lines : NaN,
    pairs,
  };
}
