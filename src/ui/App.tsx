import { useEffect, useMemo, useState } from 'preact/hooks';
import { resolveUiLanguage, translator } from '../i18n/messages';
import { useCurrentSite, useCustomRewrites, useNeverFlag, useQuarantine, useSettingsState } from './hooks';
import { I18nProvider } from './i18n';
import { MineView } from './MineView';
import { browsableEntries, useBuiltin } from './phrasebook';
import { PhrasebookView } from './PhrasebookView';
import { SettingsView } from './SettingsView';
import { SiteSwitch } from './SiteSwitch';
import { StatusProvider } from './status';
import { TABS, type TabId, Tabs, panelId, tabId } from './Tabs';
import { TryView } from './TryView';

function initialTab(): TabId {
  const asked = new URLSearchParams(location.search).get('tab');
  return (TABS as readonly string[]).includes(asked ?? '') ? (asked as TabId) : 'phrasebook';
}

/** The popup: a header with the site switch, four tabs, and a status line. */
export function App() {
  const [settingsState, loaded] = useSettingsState();
  const { settings } = settingsState;
  const [custom] = useCustomRewrites();
  const [neverFlag] = useNeverFlag();
  const [quarantined] = useQuarantine();
  const site = useCurrentSite();
  const [tab, setTab] = useState<TabId>(initialTab);
  const lang = resolveUiLanguage(settings.uiLanguage, navigator.language);
  // The built-in entries come in their own chunk after the first paint; the engine only with Try it.
  const builtin = useBuiltin();
  const entries = useMemo(() => browsableEntries(builtin?.entries ?? [], custom.rewrites), [builtin, custom.rewrites]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translator(lang)('popupTitle');
  }, [lang]);

  // Render once the language is known, so no string flashes in the wrong one.
  if (!loaded) return null;
  return (
    <I18nProvider lang={lang}>
      <StatusProvider>
        <header class="top">
          <h1 class="brand">{translator(lang)('appName')}</h1>
          <SiteSwitch settings={settings} site={site} />
        </header>
        <Tabs current={tab} onChange={setTab} />
        <main class="panel" id={panelId(tab)} role="tabpanel" aria-labelledby={tabId(tab)}>
          {tab === 'phrasebook' && <PhrasebookView entries={entries} loading={!builtin} broken={builtin?.error} />}
          {tab === 'try' && <TryView settings={settings} custom={custom.rewrites} neverFlag={neverFlag} />}
          {tab === 'mine' && <MineView state={custom} quarantined={quarantined} defaultLang={lang} builtin={builtin?.entries ?? []} />}
          {tab === 'settings' && <SettingsView settings={settings} deviceOnly={settingsState.deviceOnly} neverFlag={neverFlag} quarantined={quarantined} />}
        </main>
      </StatusProvider>
    </I18nProvider>
  );
}
