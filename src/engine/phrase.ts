import { toOriginal } from './normalize';
import { compilePhrasePattern, needsJapanese, outsideGroups, parsePhrasePattern } from './phrase-pattern';
import { type Hit, JAPANESE_SCRIPT, type Matcher, type Sentence } from './sentence';

/** Phrase patterns (Japanese entries, users' own rewrites) over the folded sentence. */
class PhraseMatcher implements Matcher {
  constructor(
    private readonly regex: RegExp,
    readonly specificity: number,
    readonly triggers: readonly string[] | undefined,
  ) {}

  find(sentence: Sentence): Hit[] {
    const folded = sentence.folded;
    const hits: Hit[] = [];
    this.regex.lastIndex = 0;
    for (const m of folded.text.matchAll(this.regex)) {
      if (!m[0].length) continue;
      const [start, end] = toOriginal(folded, m.index, m.index + m[0].length);
      hits.push({ start, end, captures: {} });
    }
    return hits;
  }
}

export function compilePhrase(pattern: string): Matcher {
  // Literal text outside groups is what makes a phrase pattern specific.
  const parts = parsePhrasePattern(pattern);
  const triggers = needsJapanese(parts) ? [JAPANESE_SCRIPT] : undefined;
  return new PhraseMatcher(compilePhrasePattern(parts), outsideGroups(parts) / 4, triggers);
}
