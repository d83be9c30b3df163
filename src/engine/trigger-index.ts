/**
 * Which entries a sentence could match, from the words it contains: an entry whose every pattern
 * needs one of a few words (its triggers) is looked up by those words instead of being tried on
 * every sentence. Entries without triggers are always tried. Candidates keep their given order.
 */
export class TriggerIndex<T> {
  private readonly always: number[] = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(
    private readonly items: readonly T[],
    triggersOf: (item: T) => readonly string[] | null,
  ) {
    items.forEach((item, i) => {
      const triggers = triggersOf(item);
      if (!triggers) return void this.always.push(i);
      for (const word of new Set(triggers)) {
        const list = this.byWord.get(word);
        if (list) list.push(i);
        else this.byWord.set(word, [i]);
      }
    });
  }

  candidates(words: Iterable<string>): T[] {
    const chosen = new Set(this.always);
    for (const word of words) for (const i of this.byWord.get(word) ?? []) chosen.add(i);
    return [...chosen].sort((a, b) => a - b).map((i) => this.items[i]!);
  }
}
