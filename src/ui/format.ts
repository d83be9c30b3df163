import type { MessageKey } from '../i18n/messages';
import type { Category, Lang, Register } from '../phrasebook/schema';
import type { Problem } from '../settings/problems';
import type { ImportProblem } from '../settings/transfer';
import type { Translate } from './i18n';

/** Turning data into the user's words. Pure. */
export const CATEGORY_KEYS: Record<Category, MessageKey> = {
  'indirect-suggestion': 'catIndirectSuggestion',
  'options-not-opinions': 'catOptionsNotOpinions',
  'soft-criticism': 'catSoftCriticism',
  'polite-strong-ideas': 'catPoliteStrongIdeas',
  disagreement: 'catDisagreement',
  refusal: 'catRefusal',
  urgency: 'catUrgency',
  'rhetorical-why': 'catRhetoricalWhy',
  blame: 'catBlame',
  absolutes: 'catAbsolutes',
  'passive-aggressive': 'catPassiveAggressive',
  dismissal: 'catDismissal',
  promotion: 'catPromotion',
  'dont-know': 'catDontKnow',
  etiquette: 'catEtiquette',
  custom: 'catCustom',
};

export const LANG_KEYS: Record<Lang, MessageKey> = { en: 'langEn', ja: 'langJa' };

/** Readers by name: "a teammate", "a manager", "a client". */
export const REGISTER_KEYS: Record<Register, MessageKey> = { teammate: 'registerTeammate', manager: 'registerManager', client: 'registerClient' };

export const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'ja' : 'en');

/** "In Japanese" for an English entry's equivalent, and the other way round. */
export const equivalentLabel = (lang: Lang): MessageKey => (lang === 'en' ? 'detailEquivalentJa' : 'detailEquivalentEn');

export function formatProblem(t: Translate, p: Problem): string {
  const message = t(p.key, p.params);
  return p.line ? t('formLine', { line: p.line, problem: message }) : message;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  lang: 'fieldLang',
  patterns: 'fieldPatterns',
  rewrites: 'fieldRewrites',
  equivalent: 'fieldEquivalent',
  note: 'fieldNote',
  id: 'fieldId',
  updatedAt: 'fieldUpdatedAt',
};

/** Where in an imported file a problem is: "Rewrite 3 · Blunt phrases · line 2". */
export function problemPlace(t: Translate, p: ImportProblem): string {
  const parts: string[] = [];
  if (p.item) parts.push(t('importItem', { item: p.item }));
  if (p.field) parts.push(FIELD_KEYS[p.field] ? t(FIELD_KEYS[p.field]!) : p.field);
  if (p.line) parts.push(t('importLine', { line: p.line }));
  return parts.join(' · ');
}

export const plural = (t: Translate, count: number, one: MessageKey, many: MessageKey) =>
  count === 1 ? t(one) : t(many, { count });
