import type { Finding } from './engine/types';
import type { UiLang } from './i18n/messages';

/** What the content script asks the background, and what it answers. */
export type Request =
  | { type: 'page-state'; hostname: string }
  | { type: 'analyze'; text: string }
  | { type: 'never-flag'; text: string; entryId: string };

export interface PageState {
  enabled: boolean;
  showEquivalents: boolean;
  uiLanguage: UiLang;
}

export interface Responses {
  'page-state': PageState;
  analyze: { findings: Finding[] };
  'never-flag': { ok: true };
}

/** What the background tells a tab. */
export type TabMessage = { type: 'open-card' } | { type: 'soften-selection' } | { type: 'refresh' };
