import nlp from 'compromise/two';
import { type FoldedText, fold } from './normalize';

type Doc = ReturnType<typeof nlp>;

/**
 * One sentence as the matchers see it. Each view (folded text, word set, tagged document) is
 * computed on first use only, so a sentence no pattern could match costs almost nothing.
 */
export class Sentence {
  private foldedText?: FoldedText;
  private wordSet?: Set<string>;
  private tagged?: Doc;

  constructor(readonly text: string) {}

  get folded(): FoldedText {
    return (this.foldedText ??= fold(this.text));
  }

  /** Lower-case words, with contractions expanded ("doesn't" gives "does" and "not"). */
  get words(): Set<string> {
    if (!this.wordSet) {
      this.wordSet = new Set();
      const docs = nlp.tokenize(this.text).docs as unknown as { normal?: string; machine?: string }[][];
      for (const terms of docs)
        for (const t of terms) {
          if (t.normal) this.wordSet.add(t.normal);
          if (t.machine) this.wordSet.add(t.machine);
        }
    }
    return this.wordSet;
  }

  /** The sentence tagged by compromise (parts of speech, tenses). */
  get doc(): Doc {
    return (this.tagged ??= nlp(this.text));
  }
}

/** A match inside a sentence, offsets relative to it. */
export interface Hit {
  start: number;
  end: number;
  captures: Record<string, string>;
}

/** A compiled pattern: finds its hits in a sentence. */
export interface Matcher {
  specificity: number;
  find(sentence: Sentence): Hit[];
}
