import type { z } from 'zod';
import type { MessageKey } from '../i18n/messages';

/**
 * A problem with user input (a form field or an imported file), as a message key and its
 * parameters so the popup can say it in the user's language. Pure.
 */
export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
  /** 1-based line of a multi-line field, or item of a list. */
  line?: number;
}

const PATTERN_REASONS: readonly [RegExp, MessageKey][] = [
  [/^is empty$/, 'patternEmpty'],
  [/^is longer than (?<max>\d+) characters$/, 'errTooLong'],
  [/^contains an unsupported character "(?<char>[\s\S]+)"$/u, 'patternBadChar'],
  [/^has "\(" without a closing "\)"$/, 'patternUnclosed'],
  [/^has "\)" without an opening "\("$/, 'patternUnopened'],
  [/^has "\|" outside a group/, 'patternBarOutside'],
  [/^cannot nest groups/, 'patternNested'],
  [/^has more than (?<max>\d+) gaps/, 'patternGaps'],
  [/^has more than (?<max>\d+) alternatives$/, 'patternAlternatives'],
  [/^needs at least one word that is always there$/, 'patternNoWord'],
  [/^(has "\{" without|has "\}" without|has a slot that is not|has a verb slot in an unknown form|binds the slot)/, 'patternSlot'],
];

/** Control characters are invisible: name them by code point. */
const visible = (c: string) =>
  /^[\u0000-\u001f\u007f]$/.test(c) ? `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : c;

/** A PhrasePatternError's reason as a translatable problem. */
export function patternProblem(reason: string): Problem {
  for (const [re, key] of PATTERN_REASONS) {
    const m = re.exec(reason);
    if (!m) continue;
    const params: Record<string, string | number> = {};
    if (m.groups?.max) params.max = Number(m.groups.max);
    if (m.groups?.char) params.char = visible(m.groups.char);
    return { key, params };
  }
  return { key: 'patternOther', params: { reason } };
}

type Issue = z.core.$ZodIssue;

/** A zod issue as a translatable problem. Custom issues carry their key in `params.key`. */
export function issueProblem(issue: Issue): Problem {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' || Number(issue.minimum) <= 1) return { key: 'errEmpty' };
      return { key: 'errTooFew', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'array'
        ? { key: 'errTooMany', params: { max: Number(issue.maximum) } }
        : { key: 'errTooLong', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      // zod leaves the input out of issues; its message says what it received.
      return /received undefined$/.test(issue.message) ? { key: 'errMissing' } : { key: 'errWrongType' };
    case 'invalid_value':
      return { key: 'errNotOneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      return { key: 'errBadFormat' };
    case 'unrecognized_keys':
      return { key: 'errUnknownKeys', params: { keys: issue.keys.join(', ') } };
    case 'custom': {
      const params = (issue.params ?? {}) as { key?: MessageKey; reason?: string } & Record<string, string | number>;
      if (params.reason !== undefined) return patternProblem(params.reason);
      if (params.key) {
        const { key, ...rest } = params;
        return { key, params: rest };
      }
      return { key: 'errInvalid' };
    }
    default:
      return { key: 'errInvalid' };
  }
}
