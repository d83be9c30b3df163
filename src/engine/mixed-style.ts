import type { Matcher } from './sentence';
import { Sentence } from './sentence';
import type { Span } from './segment';

/**
 * Mixed styles across a message: である is fine in a report written in だ・である, and a slip in a
 * mail written in です・ます. An entry with `mixedWith` keeps its findings only when some other
 * sentence of the message matches one of those patterns.
 */
export function keepMixed<F extends { entryId: string; sentence: Span }>(
  findings: F[],
  text: string,
  sentences: readonly Span[],
  mixedWith: (entryId: string) => readonly Matcher[] | undefined,
): F[] {
  const verdict = new Map<string, boolean>();
  return findings.filter((f) => {
    const others = mixedWith(f.entryId);
    if (!others) return true;
    const key = `${f.entryId}\u0000${f.sentence.start}`;
    let mixed = verdict.get(key);
    if (mixed === undefined) {
      mixed = sentences.some(
        (s) => s.start !== f.sentence.start && others.some((m) => m.find(new Sentence(text.slice(s.start, s.end))).length > 0),
      );
      verdict.set(key, mixed);
    }
    return mixed;
  });
}
