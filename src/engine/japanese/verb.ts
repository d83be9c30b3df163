/**
 * Japanese verbs, just enough to soften a predicate without breaking it: find where the verb of
 * a conjugated ending starts, tell its class, and say it in another form (送れ → 送って,
 * やめる → やめて / やめた, 確認しろ → 確認して).
 *
 * Endings come in a few well-known shapes (godan rows, ichidan, する, 来る). The ambiguities are
 * a dictionary form in -iru/-eru (帰る is godan, 変える is ichidan), settled by the okurigana and
 * a short list of exceptions, and a te-form in って/んで (送って: 送う, 送つ or 送る), which can
 * still be said as a te- or ta-form; a form that cannot be told gives null, and a rewrite that
 * needs it is not offered.
 */

/**
 * The forms a pattern can bind and a rewrite can ask for. `noun` is the noun of a する verb, as
 * it stands before させて or いたします: 送付, ご連絡, チェック, お休み (never a one-kanji stem like 見).
 * `mizen` is a godan verb's 未然形, which its causative せる follows: 休ま(せる), 使わ(せる) —
 * never an ichidan or する verb, whose causative is させる (考えさせる, 確認させる).
 */
export const VERB_FORMS = ['dict', 'te', 'ta', 'stem', 'nai', 'imp', 'noun', 'mizen'] as const;
export type VerbForm = (typeof VERB_FORMS)[number];

/** A verb as written: the part that never changes, and how the rest conjugates. */
export interface Verb {
  /** Everything before the conjugating ending: 送 (送る), 食べ (食べる), 確認 (確認する), '' (する). */
  stem: string;
  cls: 'godan' | 'ichidan' | 'suru' | 'kuru';
  /** Godan: the dictionary ending (う く ぐ す つ ぬ ぶ む る), when it can be told. */
  row?: string;
  /** Godan met in its te-form, with its euphonic ending (って, んで) when the row is unknown. */
  te?: string;
  /** 行く, whose te-form is 行って. */
  iku?: boolean;
  /** 来る written in kanji (来て, 来ない) rather than in kana (きて, こない). */
  kanji?: boolean;
}

type Column = 'stem' | 'nai' | 'te' | 'ta' | 'imp';
// Godan rows by dictionary ending: masu stem, nai stem, te, ta, imperative.
const GODAN: Record<string, Record<Column, string>> = {
  う: { stem: 'い', nai: 'わ', te: 'って', ta: 'った', imp: 'え' },
  く: { stem: 'き', nai: 'か', te: 'いて', ta: 'いた', imp: 'け' },
  ぐ: { stem: 'ぎ', nai: 'が', te: 'いで', ta: 'いだ', imp: 'げ' },
  す: { stem: 'し', nai: 'さ', te: 'して', ta: 'した', imp: 'せ' },
  つ: { stem: 'ち', nai: 'た', te: 'って', ta: 'った', imp: 'て' },
  ぬ: { stem: 'に', nai: 'な', te: 'んで', ta: 'んだ', imp: 'ね' },
  ぶ: { stem: 'び', nai: 'ば', te: 'んで', ta: 'んだ', imp: 'べ' },
  む: { stem: 'み', nai: 'ま', te: 'んで', ta: 'んだ', imp: 'め' },
  る: { stem: 'り', nai: 'ら', te: 'って', ta: 'った', imp: 'れ' },
};
const rowWith = (column: Column, kana: string) => Object.keys(GODAN).find((row) => GODAN[row]![column] === kana);

type Conjugated = Exclude<VerbForm, 'noun' | 'mizen'>;
const SURU: Record<Exclude<VerbForm, 'mizen'>, string> = { dict: 'する', te: 'して', ta: 'した', stem: 'し', nai: 'し', imp: 'しろ', noun: '' };
const KURU_KANJI: Record<Conjugated, string> = { dict: '来る', te: '来て', ta: '来た', stem: '来', nai: '来', imp: '来い' };
const KURU_KANA: Record<Conjugated, string> = { dict: 'くる', te: 'きて', ta: 'きた', stem: 'き', nai: 'こ', imp: 'こい' };
const ICHIDAN: Record<Conjugated, string> = { dict: 'る', te: 'て', ta: 'た', stem: '', nai: '', imp: 'ろ' };

// -iru/-eru verbs that are godan all the same; kanji + る verbs that are ichidan (every other
// kanji + る, 送る or 取る, is godan).
const GODAN_IRU_ERU = ['帰る', '返る', '入る', '要る', '切る', '知る', '走る', '限る', '減る', '蹴る', '滑る', '握る', '喋る', '練る', '参る', '焦る', '遮る', '陥る', '覆る', '翻る', 'かえる', 'はいる', 'しゃべる', 'まいる', 'あせる'];
const ICHIDAN_KANJI_RU = ['見る', '着る', '寝る', '出る', '居る', '似る', '煮る', '得る', '経る', '射る'];

const HAN = /[\p{Script=Han}々]/u;
const KATAKANA = /[\u30A1-\u30FA\u30FC]/;
const HIRAGANA = /[\u3041-\u3096]/;
const E_OR_I_ROW = /[いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ]$/;
const ICHIDAN_STEM_IN_I = /(起き|生き|過ぎ|借り|降り|下り|足り|浴び|延び|伸び|落ち|満ち|閉じ|感じ|信じ|生じ|応じ|命じ|禁じ|通じ|案じ|論じ|見|着|居|似|煮)$/;

// ます after kana (います, します, きます; 済ます and 冷ます have kanji before it), and です.
const POLITE_ENDING = /([\u3041-\u3096]ます|です)$/;

const isKuruStem = (s: string) => s === '来' || s === 'き' || s === 'こ';

/** The dictionary form's class from its spelling: 食べる ichidan, 送る godan, 確認する suru. */
export function fromDictionary(word: string): Verb | null {
  // A polite ending is no dictionary form: 見ています is not a す verb "見ていま-す", nor 遅いです.
  if (POLITE_ENDING.test(word)) return null;
  if (/(する|ずる)$/.test(word)) return { stem: word.slice(0, -2), cls: 'suru' };
  if (word.endsWith('来る')) return { stem: word.slice(0, -2), cls: 'kuru', kanji: true };
  if (word === 'くる') return { stem: '', cls: 'kuru' };
  const row = word.slice(-1);
  const stem = word.slice(0, -1);
  if (!stem || !GODAN[row]) return null;
  if (row !== 'る') return { stem, cls: 'godan', row, iku: row === 'く' && /(行|^い)$/.test(stem) };
  if (GODAN_IRU_ERU.some((w) => word.endsWith(w))) return { stem, cls: 'godan', row };
  if (HAN.test(stem.slice(-1))) {
    return ICHIDAN_KANJI_RU.some((w) => word.endsWith(w)) ? { stem, cls: 'ichidan' } : { stem, cls: 'godan', row };
  }
  return E_OR_I_ROW.test(stem) ? { stem, cls: 'ichidan' } : { stem, cls: 'godan', row };
}

/** The verb said in `form`, or null when what was written does not tell it. */
export function conjugate(verb: Verb, form: VerbForm): string | null {
  const { stem, cls } = verb;
  if (form === 'mizen') return cls === 'godan' && verb.row ? stem + GODAN[verb.row]!.nai : null;
  if (cls === 'suru') return stem + SURU[form];
  if (form === 'noun') return null;
  if (cls === 'kuru') return stem + (verb.kanji ? KURU_KANJI : KURU_KANA)[form];
  if (cls === 'ichidan') return stem + ICHIDAN[form];
  if (verb.iku && (form === 'te' || form === 'ta')) return stem + (form === 'te' ? 'って' : 'った');
  if (verb.row) return stem + (form === 'dict' ? verb.row : GODAN[verb.row]![form]);
  if (verb.te && form === 'te') return stem + verb.te;
  if (verb.te && form === 'ta') return stem + verb.te.replace(/て$/, 'た').replace(/で$/, 'だ');
  return null;
}

/** The verb that `written` is the `form` of (written from the verb's start to the ending's end). */
export function parseForm(written: string, form: VerbForm): Verb | null {
  if (!written) return null;
  const last = written.slice(-1);
  const body = written.slice(0, -1);
  switch (form) {
    case 'dict':
      return fromDictionary(written);
    case 'te': {
      if (!/[てで]$/.test(written) || !body) return null;
      if (last === 'て' && (body === 'き' || body.endsWith('来'))) return { stem: body.slice(0, -1), cls: 'kuru', kanji: body !== 'き' };
      const euphonic = body.slice(-1);
      const stem = body.slice(0, -1);
      if (euphonic === 'し' && last === 'て') {
        // 確認して, チェックして: a noun + する; 話して, 出して: a godan す verb.
        if (!stem) return { stem: '', cls: 'suru' };
        const noun = stem.replace(/^[おご御]/, '');
        return noun.length >= 2 || KATAKANA.test(noun) ? { stem, cls: 'suru' } : { stem, cls: 'godan', row: 'す' };
      }
      if (euphonic === 'い' && stem && HAN.test(stem.slice(-1)))
        return { stem, cls: 'godan', row: last === 'て' ? 'く' : 'ぐ' };
      if (euphonic === 'っ' || euphonic === 'ん') {
        if (!stem) return null;
        return { stem, cls: 'godan', te: euphonic + last, iku: last === 'て' && /(行|^い)$/.test(stem) };
      }
      return last === 'て' ? { stem: body, cls: 'ichidan' } : null;
    }
    case 'ta': {
      const te = written.replace(/た$/, 'て').replace(/だ$/, 'で');
      return te === written ? null : parseForm(te, 'te');
    }
    case 'imp': {
      if (/(しろ|せよ)$/.test(written)) return { stem: written.slice(0, -2), cls: 'suru' };
      if (written === '来い' || written === 'こい') return { stem: '', cls: 'kuru', kanji: written === '来い' };
      if (last === 'ろ') return body ? { stem: body, cls: 'ichidan' } : null;
      const row = rowWith('imp', last);
      return row && body ? { stem: body, cls: 'godan', row, iku: row === 'く' && /(行|^い)$/.test(body) } : null;
    }
    case 'stem': {
      if (isKuruStem(written) && written !== 'こ') return { stem: '', cls: 'kuru', kanji: written === '来' };
      if (last === 'し' && (body.replace(/^[おご御]/, '').length >= 2 || KATAKANA.test(body)))
        return { stem: body, cls: 'suru' };
      if (ICHIDAN_STEM_IN_I.test(written) || /[えけげせぜてでねへべぺめれ]$/.test(written) || HAN.test(last))
        return { stem: written, cls: 'ichidan' };
      const row = rowWith('stem', last);
      return row && body ? { stem: body, cls: 'godan', row, iku: row === 'く' && /(行|^い)$/.test(body) } : null;
    }
    case 'mizen': {
      const row = rowWith('nai', last);
      return row && body ? { stem: body, cls: 'godan', row, iku: row === 'く' && /(行|^い)$/.test(body) } : null;
    }
    case 'noun': {
      // お/ご + a word (ご連絡, お休み, お手伝い) is a する verb; a bare one needs two kanji or katakana.
      if (/^[おご御][\p{Script=Han}\u30A1-\u30FA]/u.test(written) && written.length >= 2) return { stem: written, cls: 'suru' };
      return /^[\p{Script=Han}々\u30A1-\u30FA\u30FC]{2,}$/u.test(written) ? { stem: written, cls: 'suru' } : null;
    }
    case 'nai': {
      if (written === 'こ' || written === '来') return { stem: '', cls: 'kuru', kanji: written === '来' };
      if (last === 'し') return { stem: body, cls: 'suru' };
      const row = rowWith('nai', last);
      if (row && body) return { stem: body, cls: 'godan', row };
      return E_OR_I_ROW.test(written) || HAN.test(last) ? { stem: written, cls: 'ichidan' } : null;
    }
  }
}

// Particles and punctuation a verb never starts after the middle of.
const BEFORE_WORD = /[をはがへ、。，．！？!?「」『』（）()\s]/;
const JOINING_KANA = /[をはがにへとでもやのかよね]/;
let segmenter: Intl.Segmenter | undefined;

/**
 * Where the verb whose conjugating ending starts at `end` begins: back over a few kana of
 * okurigana to its kanji (申し上げ, 取り消し and お送り included) or the katakana noun of a する
 * verb; a verb written in kana starts where Intl.Segmenter says its word does.
 */
export function verbStart(text: string, end: number): number {
  let i = end;
  let kana = 0;
  while (i > 0 && kana < 4 && isOkurigana(text, i - 1, kana)) {
    i--;
    kana++;
  }
  if (i > 0 && (HAN.test(text[i - 1]!) || KATAKANA.test(text[i - 1]!))) {
    while (i > 0) {
      const c = text[i - 1]!;
      if (HAN.test(c) || KATAKANA.test(c)) i--;
      else if (i > 1 && HAN.test(text[i - 2]!) && (isJoiningKana(c) || text.slice(i - 2, i) === '間に')) i--;
      else break;
    }
    if (i > 0 && /[おご御]/.test(text[i - 1]!)) i--;
    return i;
  }
  // A kana verb (やって, まとめて, して): the word the segmenter sees before the ending.
  let from = end;
  while (from > 0 && HIRAGANA.test(text[from - 1]!) && !BEFORE_WORD.test(text[from - 1]!)) {
    // An adverb's く or ず after its kanji (短く|した, 必ず|やる) is not part of the verb.
    if (/[くず]/.test(text[from - 1]!) && from > 1 && HAN.test(text[from - 2]!)) break;
    from--;
  }
  if (from === end) return end;
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  let start = end;
  for (const s of segmenter.segment(text.slice(from, end))) {
    const at = from + s.index;
    if (at < end) start = at;
  }
  // The segmenter may cut a te-form after its stem (な|って): a verb never starts on っ or ん.
  return start > from && /[っんゃゅょ]/.test(text[start]!) ? start - 1 : start;
}

// Kana that sit between a verb's kanji and its ending. Particles stop the scan (東京に|いて),
// except the few that are also okurigana right after a one-kanji stem: 増やす, 上がる, 動かす,
// 重ねる, 撫でる (after a compound they are particles: 返信が|ない).
const OKURIGANA_PARTICLES = /[やがかねで]/;
function isOkurigana(text: string, at: number, taken: number): boolean {
  const c = text[at]!;
  if (!HIRAGANA.test(c) || c === 'く' || c === 'ず') return false; // く, ず end adverbs: 早く, 必ず
  if (!JOINING_KANA.test(c)) return true;
  const oneKanjiStem = at > 0 && HAN.test(text[at - 1]!) && !(at > 1 && HAN.test(text[at - 2]!));
  return OKURIGANA_PARTICLES.test(c) && taken < 2 && oneKanjiStem;
}

// One kana inside a compound verb, between kanji: 申し上げる, 取り消す, 受け取る.
const isJoiningKana = (c: string) => HIRAGANA.test(c) && !JOINING_KANA.test(c) && c !== 'く' && c !== 'ず';

/** Honorific verbs and constructions: a request made in them is already polite. */
const HONORIFIC = /(なさ[っいらる]|くださ[っいらる]|いらっしゃ|おっしゃ|召し上が|ご覧)/;
const O_NI_NARU = /[おご御][\p{Script=Han}\u3041-\u3096\u30A1-\u30FA]{1,8}に$/u;

/** A verb found in a sentence: where it starts, how to say it in other forms, whether it is honorific. */
export interface FoundVerb {
  start: number;
  verb: Verb;
  honorific: boolean;
}

/** The verb whose `form` ending starts at `endingStart` and ends at `end` in `text`. */
export function readVerb(text: string, endingStart: number, end: number, form: VerbForm): FoundVerb | null {
  const start = verbStart(text, endingStart);
  // A する noun starts at its own お/ご (明日|ご説明), which the scan over a compound may pass.
  if (form === 'noun') {
    for (let at = start; at < end; at++) {
      if (at > start && !/[おご御]/.test(text[at]!) && !HIRAGANA.test(text[at - 1]!)) continue;
      const verb = parseForm(text.slice(at, end), 'noun');
      if (verb) return { start: at, verb, honorific: HONORIFIC.test(text.slice(at, end)) };
    }
    return null;
  }
  const written = text.slice(start, end);
  const verb = parseForm(written, form);
  if (!verb) return null;
  // こい inside a word (しつこい, かっこいい) is no imperative of 来る.
  if (verb.cls === 'kuru' && !verb.kanji && start > 0 && HIRAGANA.test(text[start - 1]!) && !JOINING_KANA.test(text[start - 1]!))
    return null;
  const honorific = HONORIFIC.test(written) || (/^な/.test(written) && O_NI_NARU.test(text.slice(0, start)));
  return { start, verb, honorific };
}
