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
    const triggered: number[] = [];
    for (const word of words) for (const i of this.byWord.get(word) ?? []) triggered.push(i);
    triggered.sort((a, b) => a - b);
    // Merge the two ascending lists (they never share an item), dropping repeats.
    const { always, items } = this;
    const out: T[] = [];
    let a = 0;
    triggered.forEach((i, k) => {
      if (i === triggered[k - 1]) return;
      while (a < always.length && always[a]! < i) out.push(items[always[a++]!]!);
      out.push(items[i]!);
    });
    while (a < always.length) out.push(items[always[a++]!]!);
    return out;
  }
}
