import type { Finding } from './engine/types';
import type { UiLang } from './i18n/messages';
import type { Register } from './phrasebook/schema';

/**
 * The most text one analysis request carries. A longer field is analysed around the caret, a
 * window of this size at a time; the background cuts anything longer it is sent.
 */
export const ANALYSIS_CAP = 20_000;

/** What the content script asks the background, and what it answers. */
export type Request =
  | { type: 'page-state'; hostname: string }
  /** `field` tells one field of the tab from another: a newer request from it replaces the older. */
  /** `register`: who the text is written to (the site's, or what the user switched the card to). */
  | { type: 'analyze'; text: string; field?: string; register?: Register }
  | { type: 'never-flag'; text: string; entryId: string }
  /** The card's one-key switch: from now on, write to `register` on this site. */
  | { type: 'set-register'; hostname: string; register: Register };

export interface PageState {
  enabled: boolean;
  showEquivalents: boolean;
  uiLanguage: UiLang;
  /** Who the user writes to on this site. */
  register: Register;
}

export interface Responses {
  'page-state': PageState;
  /** `superseded`: a newer request from the same field came first; these findings are empty. */
  analyze: { findings: Finding[]; superseded?: boolean };
  'never-flag': { ok: true };
  'set-register': { ok: true };
}

/** What the background tells a tab. */
export type TabMessage = { type: 'open-card' } | { type: 'soften-selection' } | { type: 'refresh' };
