/**
 * Every string the user sees, in English and Japanese. Components take strings from here only.
 * The Japanese catalogue must have exactly the English keys (a test checks).
 */
export const en = {
  softenMenu: 'Soften with Kuuki',
  cardTitle: 'Kuuki · softer phrasing',
  cardAlternatives: 'Softer alternatives',
  cardEquivalent: 'In Japanese',
  cardEquivalentJa: 'In English',
  cardWhy: 'Why',
  cardReplace: 'Replace',
  cardIgnore: 'Ignore',
  cardNeverFlag: 'Never flag this',
  cardClose: 'Close',
  cardCopy: 'Copy',
  cardCopied: 'Copied',
  cardHint: '↑↓ choose · Enter replace · Esc close',
  cardReadOnly: 'This text cannot be edited here; copy a rewrite instead.',
  cardNothing: 'Nothing blunt found in the selection.',
  badgeLabel: 'Kuuki: {count} phrases marked',
  badgeLabelOne: 'Kuuki: 1 phrase marked',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

export const ja: Catalogue = {
  softenMenu: 'Kuuki でやわらかく言い換える',
  cardTitle: 'Kuuki · やわらかい言い方',
  cardAlternatives: 'やわらかい言い換え',
  cardEquivalent: '日本語では',
  cardEquivalentJa: '英語では',
  cardWhy: '理由',
  cardReplace: '置き換える',
  cardIgnore: '無視',
  cardNeverFlag: '今後表示しない',
  cardClose: '閉じる',
  cardCopy: 'コピー',
  cardCopied: 'コピーしました',
  cardHint: '↑↓ 選択 · Enter 置き換え · Esc 閉じる',
  cardReadOnly: 'ここでは編集できません。言い換えをコピーしてお使いください。',
  cardNothing: '選択範囲にきつい表現は見つかりませんでした。',
  badgeLabel: 'Kuuki: {count} 件の表現に印を付けました',
  badgeLabelOne: 'Kuuki: 1 件の表現に印を付けました',
};

export const CATALOGUES = { en: en as Catalogue, ja } as const;
export type UiLang = keyof typeof CATALOGUES;

export function translator(lang: UiLang) {
  const catalogue = CATALOGUES[lang];
  return (key: MessageKey, params: Record<string, string | number> = {}): string =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** The UI language: the user's choice, else the browser's language. */
export function resolveUiLanguage(choice: 'auto' | UiLang, browserLanguage: string): UiLang {
  if (choice !== 'auto') return choice;
  return browserLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
