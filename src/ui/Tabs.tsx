import type { MessageKey } from '../i18n/messages';
import { useI18n } from './i18n';

export const TABS = ['phrasebook', 'try', 'mine', 'settings'] as const;
export type TabId = (typeof TABS)[number];
const LABELS: Record<TabId, MessageKey> = {
  phrasebook: 'tabPhrasebook',
  try: 'tabTry',
  mine: 'tabMine',
  settings: 'tabSettings',
};

export const tabId = (tab: TabId) => `tab-${tab}`;
export const panelId = (tab: TabId) => `panel-${tab}`;

/** A tablist: ←→ Home End move between tabs (and open them), Tab moves into the panel. */
export function Tabs(props: { current: TabId; onChange(tab: TabId): void }) {
  const { t } = useI18n();
  const move = (e: KeyboardEvent) => {
    const i = TABS.indexOf(props.current);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % TABS.length
      : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? TABS.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    props.onChange(TABS[next]!);
    document.getElementById(tabId(TABS[next]!))?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={move}>
      {TABS.map((tab) => {
        const selected = tab === props.current;
        return (
          <button
            key={tab}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={selected}
            // Only the shown panel exists, so only the selected tab points at one.
            aria-controls={selected ? panelId(tab) : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => props.onChange(tab)}
          >
            {t(LABELS[tab])}
          </button>
        );
      })}
    </div>
  );
}
