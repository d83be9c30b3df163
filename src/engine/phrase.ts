import { predicateEnd, startsOnWord } from './japanese/boundary';
import { parseForm, readVerb } from './japanese/verb';
import { foldChars, toOriginal } from './normalize';
import {
  type CompiledPhrase,
  type Part,
  compilePhrasePattern,
  needsJapanese,
  outsideGroups,
  parsePhrasePattern,
  phraseMatches,
  slotsOf,
} from './phrase-pattern';
import { type Hit, JAPANESE_SCRIPT, type Matcher, type Sentence, type Slot, japaneseCharKey } from './sentence';

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface SlotInfo {
  name: string;
  form?: Extract<Part, { kind: 'slot' }>['form'];
  /** The slot comes first in the pattern: its verb may start before the match. */
  first: boolean;
  /** The index (in slotsOf order) of a gap slot right before it, which the verb may shrink. */
  gapBefore?: number;
}

/**
 * Phrase patterns (Japanese entries, users' own rewrites) over the folded sentence. Slots are
 * read back from the original text; a verb slot is widened to its verb's start; Japanese matches
 * must start and end on word edges.
 */
class PhraseMatcher implements Matcher {
  constructor(
    private readonly compiled: CompiledPhrase,
    private readonly slots: SlotInfo[],
    readonly specificity: number,
    readonly triggers: readonly string[] | undefined,
    readonly slotNames: readonly string[],
    readonly verbSlots: readonly string[],
    /** Japanese matches start and end on word edges (exceptions veto what overlaps them, edges or not). */
    private readonly onWordEdges: boolean,
  ) {}

  find(sentence: Sentence): Hit[] {
    const { text } = sentence;
    const folded = sentence.folded;
    const hits: Hit[] = [];
    for (const m of phraseMatches(this.compiled, folded.text)) {
      const hit = this.toHit(text, folded, m);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  private toHit(text: string, folded: Sentence['folded'], m: RegExpExecArray): Hit | null {
    let [start, end] = toOriginal(folded, m.index, m.index + m[0].length);
    const slots: Record<string, Slot> = {};
    // Folded group offsets → the original's; an empty group sits at a position.
    const original = (at: [number, number] | undefined): [number, number] | undefined => {
      if (!at) return undefined;
      if (at[0] < at[1]) return toOriginal(folded, at[0], at[1]);
      const position = at[0] < folded.starts.length ? folded.starts[at[0]]! : text.length;
      return [position, position];
    };
    const ranges = this.slots.map((_, i) => original(m.indices?.groups?.[`s${i}`]));
    for (const [i, info] of this.slots.entries()) {
      const range = ranges[i];
      const ending = original(m.indices?.groups?.[`e${i}`]);
      if (!range || !ending || !info.form) continue;
      const found = readVerb(text, ending[0], ending[1], info.form);
      if (!found || found.honorific) return null;
      // A verb first in the pattern starts where its stem does (maybe before the match); after a
      // gap slot it takes from that gap; after literal text it starts where that text ends.
      const gap = info.gapBefore === undefined ? undefined : ranges[info.gapBefore];
      const verbStart = info.first ? found.start : gap ? Math.max(found.start, gap[0]) : range[0];
      if (verbStart >= range[1]) return null;
      const verb = verbStart === found.start ? found.verb : parseForm(text.slice(verbStart, range[1]), info.form);
      if (!verb) return null;
      // The gap and the verb share the text before the ending: the gap ends where the verb starts.
      if (gap) ranges[info.gapBefore!] = [gap[0], verbStart];
      if (info.first) start = verbStart;
      ranges[i] = [verbStart, range[1]];
      slots[info.name] = { start: verbStart, end: range[1], text: text.slice(verbStart, range[1]), verb };
    }
    for (const [i, info] of this.slots.entries()) {
      const range = ranges[i];
      if (range && !info.form) slots[info.name] = { start: range[0], end: range[1], text: text.slice(range[0], range[1]) };
    }
    // A context <…> is matched but left out of the span, which starts where it ends.
    const matchStart = start;
    const span = original(m.indices?.groups?.span);
    if (span) start = span[0];
    if (this.onWordEdges && JAPANESE.test(m[0])) {
      if (!startsOnWord(text, start)) return null;
      const wordEnd = predicateEnd(text, end);
      if (wordEnd === null) return null;
      end = wordEnd;
    }
    return span ? { start, end, matchStart, slots } : { start, end, slots };
  }
}

// Kana so common that a phrase is better looked up by anything else it holds.
const COMMON_KANA = new Set('のにはをたがでてとしいかれなるっすまもらうんくよねだ');

/** How a Japanese alternative is looked up: its rarest character, folded as sentences are. */
function japaneseKey(option: string): { key: string; cost: number } | null {
  const chars = [...foldChars(option)].filter((c) => JAPANESE.test(c));
  if (!chars.length) return null;
  const cost = (c: string) => (/\p{Script=Han}/u.test(c) ? 1 : COMMON_KANA.has(c) ? 20 : 5);
  const best = chars.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  return { key: japaneseCharKey(best), cost: cost(best) };
}

/** How a Latin alternative is looked up: its longest word, folded and split as the word index has it. */
function latinKey(option: string): { key: string; cost: number } | null {
  const word = foldChars(option)
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => /\p{Script=Latin}/u.test(w))
    .reduce<string | null>((best, w) => (!best || w.length > best.length ? w : best), null);
  return word ? { key: word, cost: 1 + 1 / word.length } : null;
}

/**
 * What the trigger index looks a phrase pattern up by: of its required parts, the one whose keys
 * are fewest and rarest — a Latin word (a user's "per the roadmap") or a Japanese character
 * (the 難 of 難しい). A sentence holding none of a part's keys cannot match it. Undefined: no
 * part can be keyed (the pattern is tried on every sentence, or on every Japanese one).
 */
function phraseKeys(parts: readonly Part[]): string[] | undefined {
  let best: { keys: string[]; cost: number } | undefined;
  for (const p of parts) {
    const choices = p.kind === 'choice' || p.kind === 'slot' ? (p.options ?? []) : [];
    const options = p.kind === 'text' ? [p.value] : choices.every((o) => o.trim()) ? choices : [];
    if (!options.length) continue;
    const keyed = options.map((o) => (JAPANESE.test(o) ? japaneseKey(o) : latinKey(o)));
    if (keyed.some((k) => k === null)) continue;
    const keys = [...new Set(keyed.map((k) => k!.key))];
    const cost = keyed.reduce((n, k) => n + k!.cost, 0);
    if (!best || cost < best.cost) best = { keys, cost };
  }
  if (best) return best.keys;
  return needsJapanese(parts) ? [JAPANESE_SCRIPT] : undefined;
}

/** A phrase pattern's trigger words, from its parse alone (no RegExp built). */
export function phraseTriggers(pattern: string): string[] | undefined {
  return phraseKeys(parsePhrasePattern(pattern));
}

export function compilePhrase(pattern: string, onWordEdges = false): Matcher {
  const parts = parsePhrasePattern(pattern);
  const inner = parts.filter((p) => p.kind !== 'start' && p.kind !== 'end');
  const slotParts = slotsOf(parts);
  const slots: SlotInfo[] = slotParts.map((p) => {
    const k = inner.indexOf(p);
    const previous = inner[k - 1];
    const gapBefore = previous?.kind === 'slot' && !previous.form && !previous.options ? slotParts.indexOf(previous) : undefined;
    return { name: p.name, form: p.form, first: k === 0, gapBefore };
  });
  const triggers = phraseKeys(parts);
  // Literal text outside groups is what makes a phrase pattern specific.
  return new PhraseMatcher(
    compilePhrasePattern(parts),
    slots,
    outsideGroups(parts) / 4,
    triggers,
    slots.map((s) => s.name),
    slots.filter((s) => s.form).map((s) => s.name),
    onWordEdges,
  );
}
