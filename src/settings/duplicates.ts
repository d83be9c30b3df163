import { phraseKey } from '../engine/normalize';
import { parsePhrasePattern } from '../engine/phrase-pattern';
import type { MatchableEntry } from '../phrasebook/schema';

/**
 * When is a user's phrase "the same" as one Kuuki already knows? Pure.
 *
 * Patterns are expanded into the phrases they spell out ("(asap|right now)" → "asap",
 * "right now"), each compared with the engine's phraseKey (case, width, apostrophes, final
 * punctuation). Built-in Japanese patterns use the same phrase syntax; built-in English ones use
 * compromise syntax and are only compared when they are plain words and (a|b) groups.
 */
const MAX_VARIANTS = 256;
const PLAIN_ENGLISH = /^[\p{L}\p{N}\s'’(|)-]+$/u;

/** The phrases a phrase pattern spells out (gaps kept as "~"), at most MAX_VARIANTS. */
export function phraseVariants(pattern: string): string[] {
  let parts;
  try {
    parts = parsePhrasePattern(pattern);
  } catch {
    return [];
  }
  let variants = [''];
  for (const part of parts) {
    // Anchors (^ $) narrow where a phrase matches, not what it is.
    const options =
      part.kind === 'text' ? [part.value] : part.kind === 'gap' ? ['~'] : part.kind === 'choice' ? part.options : [''];
    const next: string[] = [];
    for (const v of variants) for (const o of options) if (next.length < MAX_VARIANTS) next.push(v + o);
    variants = next;
  }
  return [...new Set(variants.map(phraseKey).filter(Boolean))];
}

export interface KnownPhrase {
  /** The phrase as the user would recognise it. */
  phrase: string;
  source: 'custom' | 'builtin';
  /** Custom rewrite id or built-in entry id. */
  id: string;
}

/** An index of every phrase already known, by phraseKey. */
export class PhraseIndex {
  private readonly known = new Map<string, KnownPhrase[]>();

  static of(builtin: readonly MatchableEntry[], custom: readonly { id: string; patterns: string[] }[]): PhraseIndex {
    const index = new PhraseIndex();
    for (const c of custom) index.addCustom(c.id, c.patterns);
    for (const e of builtin) {
      for (const p of e.patterns) {
        if (e.lang === 'en' && !PLAIN_ENGLISH.test(p)) continue;
        for (const v of phraseVariants(p)) index.add(v, { phrase: v, source: 'builtin', id: e.id });
      }
    }
    return index;
  }

  addCustom(id: string, patterns: readonly string[]): void {
    for (const p of patterns) for (const v of phraseVariants(p)) this.add(v, { phrase: v, source: 'custom', id });
  }

  private add(key: string, known: KnownPhrase): void {
    const list = this.known.get(key);
    if (list) list.push(known);
    else this.known.set(key, [known]);
  }

  /** The first known phrase this pattern repeats, ignoring the custom rewrite `exceptId`. */
  find(pattern: string, exceptId?: string): KnownPhrase | undefined {
    for (const v of phraseVariants(pattern)) {
      const hit = this.known.get(v)?.find((k) => !(k.source === 'custom' && k.id === exceptId));
      if (hit) return hit;
    }
    return undefined;
  }
}
