import { VERB_FORMS, type VerbForm, conjugate } from './japanese/verb';
import type { Slot } from './sentence';
import { inflectEnglish, ENGLISH_FORMS, type EnglishForm } from './english-inflect';

/**
 * Rewrite templates: a softer sentence that carries the writer's own words over through slots.
 *
 *   {name}          the words the pattern bound as `name`, as written
 *   {name|gerund}   English: the slot with its first verb said as a gerund (also base, past, third)
 *   {name|te}       Japanese: the verb slot in another form (te, ta, dict, stem, nai, imp)
 *   {phrase}        the phrase itself, as written: a rewrite that keeps it adds words around it
 *                   (a cushion, an offer) instead of replacing what the writer said
 *
 * Anything else is text. A slot a hit did not bind, or a form its words cannot take, means the
 * rewrite is not offered for that hit — a template never shows its braces to the user.
 */
export type TemplatePart = { text: string } | { slot: string; form?: string };

const SLOT = /\{([a-zA-Z][a-zA-Z0-9_]*)(?:\|([a-z]+))?\}/g;

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let from = 0;
  for (const m of template.matchAll(SLOT)) {
    if (m.index > from) parts.push({ text: template.slice(from, m.index) });
    parts.push(m[2] ? { slot: m[1]!, form: m[2] } : { slot: m[1]! });
    from = m.index + m[0].length;
  }
  if (from < template.length) parts.push({ text: template.slice(from) });
  return parts;
}

/** Always bound: the phrase the pattern matched. */
export const PHRASE_SLOT = 'phrase';

/** The rewrite keeps the writer's phrase and only adds to it. */
export const addsOnly = (template: string) => slotsIn(template).some((s) => s.slot === PHRASE_SLOT && !s.form);

export const slotsIn = (template: string) =>
  parseTemplate(template).flatMap((p) => ('slot' in p ? [p] : []));

/** Why a template cannot be used with patterns that bind `bound` (verb slots among them), or null. */
export function templateProblem(
  template: string,
  lang: 'en' | 'ja',
  bound: readonly string[],
  verbs: readonly string[],
): string | null {
  if (/[{}]/.test(parseTemplate(template).map((p) => ('text' in p ? p.text : '')).join('')))
    return 'has a "{" or "}" that is not a slot {name} or {name|form}';
  for (const { slot, form } of slotsIn(template)) {
    if (slot === PHRASE_SLOT) {
      if (form !== undefined) return `asks for {${slot}|${form}}: {${PHRASE_SLOT}} is the phrase as written`;
      continue;
    }
    if (!bound.includes(slot)) return `uses the slot {${slot}}, which a pattern of this entry does not bind`;
    if (form === undefined) continue;
    const forms: readonly string[] = lang === 'en' ? ENGLISH_FORMS : VERB_FORMS;
    if (!forms.includes(form)) return `asks for {${slot}|${form}}: the forms are ${forms.join(', ')}`;
    if (lang === 'ja' && !verbs.includes(slot))
      return `asks for {${slot}|${form}}, but {${slot}} is not a verb slot ({${slot}|te} in a pattern) in every pattern`;
  }
  return null;
}

export interface Rendered {
  text: string;
  /** The ranges of `text` that are the writer's own words (slots), to show what Kuuki changed. */
  kept: [number, number][];
}

export interface RenderContext {
  lang: 'en' | 'ja';
  slots: Record<string, Slot>;
  /** A slot whose words opened the sentence (their capital was the sentence's). */
  openedSentence(slot: Slot): boolean;
  /** Custom rewrites: a slot the pattern does not bind is plain text, as it always was. */
  literalUnbound?: boolean;
}

/** Fills a template, or null when a slot is unbound or cannot take the form asked for. */
export function renderTemplate(template: string, at: RenderContext): Rendered | null {
  let text = '';
  const kept: [number, number][] = [];
  for (const part of parseTemplate(template)) {
    if ('text' in part) {
      text += part.text;
      continue;
    }
    const slot = at.slots[part.slot];
    if (!slot) {
      if (!at.literalUnbound) return null;
      text += `{${part.slot}${part.form ? `|${part.form}` : ''}}`;
      continue;
    }
    const words = wordsOf(slot, part.form, at);
    if (words === null) return null;
    kept.push([text.length, text.length + words.length]);
    text += words;
  }
  return { text, kept };
}

function wordsOf(slot: Slot, form: string | undefined, at: RenderContext): string | null {
  if (at.lang === 'ja') {
    if (!form) return slot.text;
    return slot.verb ? conjugate(slot.verb, form as VerbForm) : null;
  }
  const words = form ? inflectEnglish(slot, form as EnglishForm) : slot.text;
  if (words === null) return null;
  return at.openedSentence(slot) && !keepsCapital(slot) ? words.charAt(0).toLowerCase() + words.slice(1) : words;
}

// "I", names and acronyms keep their capital wherever they go.
const keepsCapital = (slot: Slot) => {
  // "I", and words with more than their first letter in capitals (HR, QA, iOS, McKinsey).
  if (/^I(?![\p{L}])/u.test(slot.text) || /^\p{L}\p{Ll}*\p{Lu}/u.test(slot.text)) return true;
  const first = slot.terms?.[0];
  return !!first && first.tags.some((t) => t === 'ProperNoun' || t === 'Acronym' || t === 'Person' || t === 'Place' || t === 'Organization');
};
