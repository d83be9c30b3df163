import { VERB_FORMS, type VerbForm } from './japanese/verb';
import { foldChars } from './normalize';

/**
 * Phrase patterns: the pattern language for Japanese entries and for users' own rewrites.
 *
 *   literal text        matched after folding (width, case, apostrophes)
 *   (a|b|c)             one of the alternatives; an empty one makes the group optional: (ね|)
 *   ~                   a short gap (up to 20 characters) inside one sentence
 *   spaces              one or more whitespace characters
 *   ^ … / … $           only at the start / end of the sentence (punctuation and emoji around it allowed)
 *   {name}              a gap like ~ whose words a rewrite can reuse as {name}
 *   {name|form}         a Japanese verb in that form (te, ta, dict, stem, nai, imp, noun, mizen), from the start of
 *                       its stem; a rewrite says it as {name} or in another form, {name|te}
 *   {name=a|b|c}        one of the alternatives, as a group does, whose words a rewrite reuses as {name}
 *   <…> at the start    context the phrase needs but its span leaves out (弊社の社長も、…): text,
 *                       groups and gaps, no slots
 *
 * Patterns are parsed into a tiny AST and every literal is escaped before a RegExp is built,
 * so user text is never compiled as a raw RegExp. No nesting and few gaps keep matching linear
 * in practice (no catastrophic backtracking).
 */
export const PHRASE_LIMITS = { length: 200, gaps: 2, alternatives: 30 } as const;
const GAP = '[^。．.!?！？\\n]{0,20}?';
// A slot carries words into a rewrite, so it stays inside one clause: a comma may open it
// (今後、会議中の…), never stand inside it (…じゃん、比較的… is two clauses).
const SLOT_GAP = '[、，,]?[^。．.!?！？\\n、，,]{1,20}?';
const FORBIDDEN = /[\\[\]<>^$*+\u0000-\u001f\u007f]/u;
const SLOT = /^([a-zA-Z][a-zA-Z0-9_]*)(?:\|([a-z]+))?$/;
const CHOICE_SLOT = /^([a-zA-Z][a-zA-Z0-9_]*)=(.+)$/su;
// What a verb slot matches: a few characters of stem (where it starts is settled in code, which
// knows okurigana) and the ending of its form, group e<i>.
const VERB_STEM = '[\\p{Script=Han}々\\u3041-\\u3096\\u30a1-\\u30fa\\u30fc]{0,8}?';
const VERB_ENDING: Record<VerbForm, string> = {
  dict: '[うくぐすつぬぶむる]',
  te: '[てで]',
  ta: '[ただ]',
  stem: '',
  nai: '',
  imp: '(?:せよ|[ろえけげせてねべめれい])',
  noun: '',
  mizen: '[かがさたなばまらわ]',
};

export class PhrasePatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhrasePatternError';
  }
}

export type Part =
  | { kind: 'text'; value: string }
  | { kind: 'choice'; options: string[] }
  | { kind: 'gap' }
  /** A named gap (no form, no options), a verb in a form, or one of some options, reused by rewrites. */
  | { kind: 'slot'; name: string; form?: VerbForm; options?: string[] }
  | { kind: 'start' }
  | { kind: 'end' }
  /** Where the span starts, after the context `<…>` that opened the pattern. */
  | { kind: 'span' };

export function parsePhrasePattern(pattern: string): Part[] {
  const trimmed = pattern.trim();
  if (!trimmed) throw new PhrasePatternError('is empty');
  if (trimmed.length > PHRASE_LIMITS.length)
    throw new PhrasePatternError(`is longer than ${PHRASE_LIMITS.length} characters`);
  const anchoredStart = trimmed.startsWith('^');
  const anchoredEnd = trimmed.length > 1 && trimmed.endsWith('$');
  let source = trimmed.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined).trim();
  // Context first: <…> opens the pattern and is matched, but the span starts after it.
  let context = '';
  if (source.startsWith('<')) {
    const close = source.indexOf('>');
    if (close < 0) throw new PhrasePatternError('has "<" without a closing ">"');
    context = source.slice(1, close);
    source = source.slice(close + 1);
    if (!context.trim()) throw new PhrasePatternError('has an empty context "<>"');
    if (/[{}]/.test(context)) throw new PhrasePatternError('cannot hold a slot in its context "<…>"');
    if (!source.trim()) throw new PhrasePatternError('needs a phrase after its context "<…>"');
  }
  const bad = FORBIDDEN.exec(context) ?? FORBIDDEN.exec(source);
  if (bad) {
    const where = bad[0] === '^' || bad[0] === '$' ? ' ("^" only at the start, "$" only at the end)' : '';
    const hint = bad[0] === '<' || bad[0] === '>' ? ' ("<…>" only once, at the start: context)' : '';
    throw new PhrasePatternError(`contains an unsupported character "${bad[0]}"${where}${hint}`);
  }
  const parts: Part[] = anchoredStart ? [{ kind: 'start' }] : [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', value: text });
    text = '';
  };
  if (context) {
    scan(context);
    flush();
    parts.push({ kind: 'span' });
  }
  scan(source);
  function scan(source: string): void {
    for (let i = 0; i < source.length; i++) {
      const c = source[i]!;
      if (c === '(') {
        const close = source.indexOf(')', i + 1);
        if (close < 0) throw new PhrasePatternError('has "(" without a closing ")"');
        const inner = source.slice(i + 1, close);
        if (/[(~{}]/.test(inner)) throw new PhrasePatternError('cannot nest groups or put "~" or a slot inside a group');
        flush();
        parts.push({ kind: 'choice', options: inner.split('|') });
        i = close;
      } else if (c === ')') {
        throw new PhrasePatternError('has ")" without an opening "("');
      } else if (c === '|') {
        throw new PhrasePatternError('has "|" outside a group; write alternatives as (a|b)');
      } else if (c === '~') {
        flush();
        parts.push({ kind: 'gap' });
      } else if (c === '{') {
        const close = source.indexOf('}', i + 1);
        if (close < 0) throw new PhrasePatternError('has "{" without a closing "}"');
        const inside = source.slice(i + 1, close);
        const choice = CHOICE_SLOT.exec(inside);
        if (choice) {
          const [, name, list] = choice as unknown as [string, string, string];
          const options = list.split('|');
          if (/[(){~]/.test(list) || options.some((o) => !o.trim()))
            throw new PhrasePatternError(`has a slot {${name}=…} whose options are not plain, non-empty words`);
          if (parts.some((p) => p.kind === 'slot' && p.name === name))
            throw new PhrasePatternError(`binds the slot {${name}} twice`);
          flush();
          parts.push({ kind: 'slot', name, options });
          i = close;
          continue;
        }
        const slot = SLOT.exec(inside);
        if (!slot) throw new PhrasePatternError('has a slot that is not {name}, {name|form} or {name=a|b}');
        const [, name, form] = slot as unknown as [string, string, string | undefined];
        if (form !== undefined && !(VERB_FORMS as readonly string[]).includes(form))
          throw new PhrasePatternError(`has a verb slot in an unknown form "${form}" (${VERB_FORMS.join(', ')})`);
        if (parts.some((p) => p.kind === 'slot' && p.name === name))
          throw new PhrasePatternError(`binds the slot {${name}} twice`);
        flush();
        parts.push(form ? { kind: 'slot', name, form: form as VerbForm } : { kind: 'slot', name });
        i = close;
      } else if (c === '}') {
        throw new PhrasePatternError('has "}" without an opening "{"');
      } else {
        text += c;
      }
    }
  }
  flush();
  if (anchoredEnd) parts.push({ kind: 'end' });
  const gaps = parts.filter((p) => p.kind === 'gap' || (p.kind === 'slot' && !p.form && !p.options)).length;
  if (gaps > PHRASE_LIMITS.gaps) throw new PhrasePatternError(`has more than ${PHRASE_LIMITS.gaps} gaps "~"`);
  const alternatives = parts.reduce((n, p) => n + (p.kind === 'choice' || p.kind === 'slot' ? (p.options?.length ?? 0) : 0), 0);
  if (alternatives > PHRASE_LIMITS.alternatives)
    throw new PhrasePatternError(`has more than ${PHRASE_LIMITS.alternatives} alternatives`);
  const solid = parts.some(
    (p) => (p.kind === 'text' && p.value.trim()) || ((p.kind === 'choice' || p.kind === 'slot') && p.options?.every((o) => o.trim())),
  );
  if (!solid) throw new PhrasePatternError('needs at least one word that is always there');
  return parts;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const literal = (s: string) =>
  foldChars(s)
    .split(/\s+/)
    .map(escape)
    .join('\\s+');
const LATIN = /[\p{Script=Latin}\p{N}]/u;

function edgeOptions(part: Part | undefined): string[] {
  if (part?.kind === 'text') return [foldChars(part.value).trim()].filter(Boolean);
  if (part?.kind === 'choice' || part?.kind === 'slot') return (part.options ?? []).map((o) => foldChars(o).trim()).filter(Boolean);
  return [];
}

/** Longest first: a RegExp takes the first alternative that fits, and the longest is meant. */
const longestFirst = (options: string[]) => [...options].sort((a, b) => foldChars(b).length - foldChars(a).length);

/** How many characters of the pattern are plain text, outside groups and gaps. */
export function outsideGroups(parts: readonly Part[]): number {
  return parts.reduce((n, p) => n + (p.kind === 'text' ? p.value.trim().length : 0), 0);
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Whether every match holds a Japanese character: one in the plain text, or in every alternative. */
export function needsJapanese(parts: readonly Part[]): boolean {
  return parts.some(
    (p) =>
      (p.kind === 'text' && JAPANESE.test(p.value)) ||
      ((p.kind === 'choice' || p.kind === 'slot') && !!p.options?.every((o) => JAPANESE.test(o))),
  );
}

/** The slots a pattern binds, in order. */
export const slotsOf = (parts: readonly Part[]) => parts.filter((p): p is Extract<Part, { kind: 'slot' }> => p.kind === 'slot');

/** A compiled phrase pattern: its RegExp, and whether it is held to the sentence's start. */
export interface CompiledPhrase {
  regex: RegExp;
  atStart: boolean;
}

// What may stand between a sentence's edge and an anchored phrase: spaces, punctuation, emoji.
const EDGE_CHAR = /^[\s\p{P}\p{S}]$/u;
const isEdge = (s: string) => EDGE_CHAR.test(s);

/** Where a run of edge characters at the start of `text` ends (one pass, code point by code point). */
export function leadingEdgeEnd(text: string): number {
  let i = 0;
  for (const c of text) {
    if (!isEdge(c)) break;
    i += c.length;
  }
  return i;
}

/**
 * The matches of a compiled phrase in folded text. The start anchor is a test of where the
 * match lies against the sentence's leading punctuation, measured once — not a look-behind
 * re-scanned at every position, which is quadratic in a run of 「「「…. (The end anchor stays a
 * look-ahead in the RegExp: it runs only where the rest of the pattern matched.)
 */
export function* phraseMatches(compiled: CompiledPhrase, text: string): Generator<RegExpExecArray> {
  const { regex, atStart } = compiled;
  const startLimit = atStart ? leadingEdgeEnd(text) : Infinity;
  regex.lastIndex = 0;
  for (const m of text.matchAll(regex)) {
    if (m.index > startLimit) return;
    if (m[0].length) yield m;
  }
}

/**
 * Compiles a phrase pattern, given as text or already parsed, to a global RegExp over folded
 * text. Slot i is the named group `s<i>` (in the order of `slotsOf`); a verb slot's ending is `e<i>`;
 * the empty group `span` marks where the span starts after a context `<…>`.
 */
export function compilePhrasePattern(pattern: string | readonly Part[]): CompiledPhrase {
  const parts = typeof pattern === 'string' ? parsePhrasePattern(pattern) : pattern;
  let slot = 0;
  const compilePart = (p: Part): string => {
    switch (p.kind) {
      case 'gap':
        return GAP;
      case 'slot': {
        const i = slot++;
        if (p.options) return `(?<s${i}>${longestFirst(p.options).map(literal).join('|')})`;
        return p.form ? `(?<s${i}>${VERB_STEM}(?<e${i}>${VERB_ENDING[p.form]}))` : `(?<s${i}>${SLOT_GAP})`;
      }
      case 'start':
        return '';
      case 'span':
        return '(?<span>)';
      case 'end':
        // A look-ahead, so a lazy gap or verb before "$" stretches to the sentence's end.
        return '(?=[\\s\\p{P}\\p{S}]*$)';
      case 'text':
        return literal(p.value);
      case 'choice':
        return `(?:${longestFirst(p.options).map(literal).join('|')})`;
    }
  };
  const body = parts
    .map(compilePart)
    .join('');
  // Latin words match whole words ("asap" not inside "asapx"); Japanese has no spaces to respect.
  const inner = parts.filter((p) => p.kind !== 'start' && p.kind !== 'end' && p.kind !== 'span');
  const latinStart = edgeOptions(inner[0]).some((o) => LATIN.test(o[0]!));
  const latinEnd = edgeOptions(inner[inner.length - 1]).some((o) => LATIN.test(o[o.length - 1]!));
  const before = latinStart ? '(?<![\\p{Script=Latin}\\p{N}])' : '';
  const after = latinEnd ? '(?![\\p{Script=Latin}\\p{N}])' : '';
  return {
    regex: new RegExp(`${before}${body}${after}`, 'dgu'),
    atStart: parts[0]?.kind === 'start',
  };
}
