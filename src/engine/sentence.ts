import nlp from 'compromise/two';
import type { Verb } from './japanese/verb';
import { type FoldedText, fold } from './normalize';

type Doc = ReturnType<typeof nlp>;

/** A trigger no word can be (words have no spaces): the sentence may hold Japanese script. */
export const JAPANESE_SCRIPT = 'script: japanese';
/** The trigger a Japanese character of a sentence gives (folded: katakana as hiragana). */
export const japaneseCharKey = (c: string) => `ja: ${c}`;
const JAPANESE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Japanese scripts, and the CJK and full-width compatibility blocks that fold into them.
const LATIN_WORD = /[\p{Script=Latin}\p{N}']*\p{Script=Latin}[\p{Script=Latin}\p{N}']*/gu;
const MAY_BE_JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u33ff\uff00-\uffef]/u;

/** A sentence's words as the English prefilter sees them (compromise may split it in several). */
export interface WordIndex {
  /** Where each word first comes in its sentence (0-based). */
  first: Map<string, number>;
  /** The length of the shortest sentence, in terms. */
  shortest: number;
  /** Each sentence's terms, each term the words it may stand for. */
  sentences: string[][][];
  /** The sentence as written (for the punctuation a pattern needs). */
  text: string;
}

/**
 * One sentence as the matchers see it. Each view (folded text, word set, tagged document) is
 * computed on first use only, so a sentence no pattern could match costs almost nothing.
 */
export class Sentence {
  private foldedText?: FoldedText;
  private wordIndex?: WordIndex;
  private tagged?: Doc;

  constructor(readonly text: string) {}

  get folded(): FoldedText {
    return (this.foldedText ??= fold(this.text));
  }

  /**
   * Lower-case words, with every word a contraction may stand for ("it's" gives "it", "is" and
   * "has"; "doesnt" gives "does" and "not"), each with the earliest place it takes in a sentence,
   * and the length of the shortest sentence. Used only to skip sentences no pattern can match,
   * so it errs on the side of too many words and too early places: compromise's tagged sentences
   * have the same terms, plus contractions split in two, so a term never comes earlier there.
   */
  get words(): WordIndex {
    if (!this.wordIndex) {
      const first = new Map<string, number>();
      const sentences = (plainTerms(this.text) ?? compromiseTerms(this.text)).map((terms) =>
        terms.map((t, i) => {
          const forms = [...new Set(t.flatMap(expandContraction))];
          for (const w of forms) if ((first.get(w) ?? Infinity) > i) first.set(w, i);
          return forms;
        }),
      );
      this.wordIndex = { first, shortest: Math.min(...sentences.map((s) => s.length)), sentences, text: this.text };
    }
    return this.wordIndex;
  }

  /**
   * What the trigger index looks up: English words when asked for, and Japanese script if any —
   * with the Latin words written into Japanese without spaces (asapでお願いします), which
   * compromise reads as one token.
   */
  triggers(englishWords: boolean): string[] {
    const keys = englishWords ? [...this.words.first.keys()] : [];
    if (MAY_BE_JAPANESE.test(this.text)) {
      keys.push(JAPANESE_SCRIPT);
      for (const c of new Set(this.folded.text)) if (JAPANESE_CHAR.test(c)) keys.push(japaneseCharKey(c));
      // Latin words in Japanese text (asapで, full-width ＮＧ) as folded: compromise sees them as one token, or not at all.
      for (const w of this.folded.text.match(LATIN_WORD) ?? []) keys.push(w);
    }
    return keys;
  }

  /** The sentence tagged by compromise (parts of speech, tenses). */
  get doc(): Doc {
    return (this.tagged ??= nlp(this.text));
  }
}

/** compromise's sentences of a text, each term as its normal and machine forms. */
function compromiseTerms(text: string): string[][][] {
  const docs = nlp.tokenize(text).docs as unknown as { normal?: string; machine?: string }[][];
  return docs.map((terms) => terms.map((t) => [t.normal, t.machine].filter((w): w is string => !!w)));
}

// Words compromise's tokenizer reads as more than one term ("gonna" is "going to"): its
// contractions written without an apostrophe (a test keeps this list in step with compromise's).
const SPLIT_WORDS = new Set(
  ('arent alot brb cannot dun dunno gonna gotta gimme outta tryna gtg im imma imo irl ive rn tbh wanna ' +
    'shoulda coulda woulda musta tis twas shouldnt couldnt wouldnt hasnt wasnt isnt cant dont wont ' +
    'howd whatd whend whered').split(' '),
);
const PLAIN_WORD = /^[(["\u201c]*([A-Za-z]+)[)\]"\u201d]*[,;:]?$/;
const PLAIN_LAST_WORD = /^[(["\u201c]*([A-Za-z]+)[)\]"\u201d]*[.!?]*[)\]"\u201d]*$/;

/**
 * The terms compromise's tokenizer would give, worked out without it, for the commonest text:
 * words of ASCII letters between spaces, with quotes, brackets and , ; : around them and . ! ?
 * only after the last (compromise may start a sentence at one). There each word is one term,
 * its normal and machine form the word in lower case (a test checks this against compromise on
 * every evaluation line and on generated text). Anything else: undefined, ask compromise.
 */
export function plainTerms(text: string): string[][][] | undefined {
  const chunks = text.split(' ').filter(Boolean);
  if (!chunks.length) return undefined;
  const terms: string[][] = [];
  for (let i = 0; i < chunks.length; i++) {
    const m = (i === chunks.length - 1 ? PLAIN_LAST_WORD : PLAIN_WORD).exec(chunks[i]!);
    const word = m?.[1]!.toLowerCase();
    if (!word || SPLIT_WORDS.has(word)) return undefined;
    terms.push([word]);
  }
  return [terms];
}

const SUFFIXES: [string, string[]][] = [
  ["n't", ['not']],
  ["'s", ['is', 'has', 'us']],
  ["'d", ['would', 'had', 'did']],
  ["'re", ['are']],
  ["'m", ['am']],
  ["'ll", ['will']],
  ["'ve", ['have']],
];
const IRREGULAR = new Map(Object.entries({ ca: 'can', wo: 'will', sha: 'shall', ai: 'is' }));
// Contractions written without the apostrophe, as chat often does.
const BARE = new Map<string, string[]>(Object.entries({
  dont: ['do', 'not'], doesnt: ['does', 'not'], didnt: ['did', 'not'], cant: ['can', 'not'],
  wont: ['will', 'not'], isnt: ['is', 'not'], arent: ['are', 'not'], wasnt: ['was', 'not'],
  werent: ['were', 'not'], havent: ['have', 'not'], hasnt: ['has', 'not'], hadnt: ['had', 'not'],
  shouldnt: ['should', 'not'], wouldnt: ['would', 'not'], couldnt: ['could', 'not'], mustnt: ['must', 'not'],
  aint: ['is', 'are', 'am', 'not'], im: ['i', 'am'], ive: ['i', 'have'], youre: ['you', 'are'],
  youve: ['you', 'have'], youll: ['you', 'will'], youd: ['you', 'would', 'had'], theyre: ['they', 'are'],
  thats: ['that', 'is'], whats: ['what', 'is'], whos: ['who', 'is'], hows: ['how', 'is'],
  wheres: ['where', 'is'], theres: ['there', 'is'], heres: ['here', 'is'], lets: ['let', 'us'],
  itll: ['it', 'will'], weve: ['we', 'have'], theyve: ['they', 'have'],
}));

function expandContraction(word: string): string[] {
  const w = word.replace(/[\u2018\u2019]/g, "'");
  const bare = BARE.get(w); // a Map: words like __proto__ are words, not keys of an object
  if (bare) return [w, ...bare];
  for (const [suffix, meanings] of SUFFIXES) {
    if (w.length > suffix.length && w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length);
      return [w, IRREGULAR.get(base) ?? base, base, ...meanings];
    }
  }
  return [w];
}

/** The writer's own words a pattern bound, for a rewrite to carry over. Offsets relative to the sentence. */
export interface Slot {
  start: number;
  end: number;
  /** Exactly the sentence's text at [start, end). */
  text: string;
  /** A Japanese verb slot: the verb, to say it in another form. */
  verb?: Verb;
  /** English: each term with its tags and place in the sentence, to inflect the slot's verb. */
  terms?: { text: string; tags: string[]; start: number; end: number }[];
}

/** A match inside a sentence, offsets relative to it. */
export interface Hit {
  start: number;
  end: number;
  /** Where the pattern's match began, before context words (a greeting, "Honestly,") were left out of the span. */
  matchStart?: number;
  slots: Record<string, Slot>;
}

/** A compiled pattern: finds its hits in a sentence. */
export interface Matcher {
  specificity: number;
  /** Words of which a sentence must hold one for this to match; none: try every sentence. */
  triggers?: readonly string[];
  /** The slots every hit binds (a rewrite may use no others)… */
  slotNames: readonly string[];
  /** …and those of them that are Japanese verbs (a rewrite may say them in another form). */
  verbSlots: readonly string[];
  find(sentence: Sentence): Hit[];
}
