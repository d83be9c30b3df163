import { foldChars } from '../engine/normalize';
import type { Category, Lang, MatchableEntry } from '../phrasebook/schema';

/**
 * Instant search over the phrasebook, in both languages. Pure: entries in, ranked entries out.
 * Text is folded like the engine folds it (width, case, apostrophes), contractions are spelled
 * out ("doesn't" finds "does not"), and patterns are made readable before they are searched.
 */
export interface BrowsableEntry extends MatchableEntry {
  /** What the entry flags, with the sentence after one click when the phrasebook says it. */
  examples?: readonly { text: string; after?: string }[];
  /** The user's own rewrite. */
  custom?: boolean;
}

export interface SearchFilters {
  category: Category | 'all';
  lang: Lang | 'all';
}

/** Patterns as a person reads them: "(this|that) does not [<v>#Verb]" → "this/that does not …". */
export function readablePattern(pattern: string, syntax: 'compromise' | 'phrase'): string {
  let s = pattern;
  if (syntax === 'compromise') {
    s = s
      .replace(/\[<\w+>/g, '')
      .replace(/[[\]]/g, '')
      .replace(/\.\{\d*,?\d*\}\??/g, ' … ')
      .replace(/\{\d*,?\d*\}/g, '')
      .replace(/\{([^}]*)\}/g, '$1')
      .replace(/#\w+/g, '…')
      .replace(/(^|\s)!\S+/g, '$1')
      .replace(/(^|[\s(|])\.[?*+]*(?=[\s)|]|$)/g, '$1…')
      .replace(/([^\s(|])[?*+]+(?=[\s)|]|$)/g, '$1')
      .replace(/[\^$]/g, '');
  }
  s = s
    .replace(/^\s*\^|\$\s*$/g, '')
    .replace(/\(([^)]*)\)/g, (_, inner: string) => {
      // An empty alternative makes the group optional: show it in brackets.
      const options = inner.split('|');
      const shown = options.filter((o) => o.trim()).join('/');
      return options.some((o) => !o.trim()) ? `(${shown})` : shown;
    })
    .replace(/~/g, ' … ');
  return s
    .replace(/(…\s*)+/g, '… ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/n't\b/g, ' not'],
];

/** How the search compares text: folded, contractions spelled out, punctuation as spaces. */
export function searchFold(text: string): string {
  let s = foldChars(text);
  for (const [re, to] of CONTRACTIONS) s = s.replace(re, to);
  return s
    .replace(/[\s"“”'‘’.,!?。、！？「」『』()/|…~:;]+/gu, ' ')
    .trim();
}

/** A rewrite as shown out of context: words it would reuse from the text ("{subj}") as "…". */
export function displayRewrite(rewrite: string): string {
  return rewrite.replace(/\{[a-zA-Z]\w*(?:\|[a-z]+)?\}/g, '…');
}

/** The blunt form to show for an entry: its first example, or its first pattern made readable. */
export function bluntOf(entry: BrowsableEntry): string {
  const example = entry.examples?.[0]?.text;
  if (example) return example;
  const syntax = entry.lang === 'en' && !entry.custom ? 'compromise' : 'phrase';
  return readablePattern(entry.patterns[0] ?? '', syntax);
}

interface Indexed {
  entry: BrowsableEntry;
  order: number;
  /** Folded text per field, with its weight. */
  fields: readonly (readonly [string, number])[];
  all: string;
}

const WEIGHTS = { blunt: 5, example: 4, rewrite: 3, equivalent: 3, why: 1, id: 1 } as const;

export class PhrasebookSearch {
  private readonly indexed: Indexed[];

  constructor(entries: readonly BrowsableEntry[]) {
    this.indexed = entries.map((entry, order) => {
      const syntax = entry.lang === 'en' && !entry.custom ? 'compromise' : 'phrase';
      // A pattern that is one group of alternatives, (できません|できない), is each of its phrases.
      const phrases = entry.patterns.flatMap((p) => {
        const group = syntax === 'phrase' ? /^\(([^()~{}]+)\)$/.exec(p.trim()) : null;
        return group ? [readablePattern(p, syntax), ...group[1]!.split('|')] : [readablePattern(p, syntax)];
      });
      const fields: [string, number][] = [
        ...phrases.map((p) => [searchFold(p), WEIGHTS.blunt] as [string, number]),
        ...(entry.examples ?? []).map((e) => [searchFold(e.text), WEIGHTS.example] as [string, number]),
        ...entry.rewrites.map((r) => [searchFold(r), WEIGHTS.rewrite] as [string, number]),
        [searchFold(entry.equivalent), WEIGHTS.equivalent],
        [searchFold(entry.why), WEIGHTS.why],
        [searchFold(entry.id.replace(/-/g, ' ')), WEIGHTS.id],
      ];
      return { entry, order, fields, all: fields.map(([t]) => t).join(' \u0000 ') };
    });
  }

  search(query: string, filters: SearchFilters): BrowsableEntry[] {
    const q = searchFold(query);
    const tokens = q ? q.split(' ') : [];
    const scored: { item: Indexed; score: number }[] = [];
    for (const item of this.indexed) {
      const { entry } = item;
      if (filters.category !== 'all' && entry.category !== filters.category) continue;
      if (filters.lang !== 'all' && entry.lang !== filters.lang) continue;
      if (!tokens.length) {
        scored.push({ item, score: 0 });
        continue;
      }
      // Every word of the query must appear somewhere in the entry.
      if (!tokens.every((t) => item.all.includes(t))) continue;
      // The best field decides (an entry with many examples does not outrank the one whose blunt
      // form is the query); the others only break ties.
      let best = 0;
      let sum = 0;
      for (const [text, weight] of item.fields) {
        const s =
          text === q
            ? weight * 6
            : text.startsWith(q)
              ? weight * 4
              : text.includes(q)
                ? weight * 3
                : (weight * tokens.filter((t) => text.includes(t)).length) / tokens.length;
        best = Math.max(best, s);
        sum += s;
      }
      scored.push({ item, score: best + sum / 1000 });
    }
    return scored.sort((a, b) => b.score - a.score || a.item.order - b.item.order).map((s) => s.item.entry);
  }
}
