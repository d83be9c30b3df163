import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Lang, REGISTERS, type Register } from '../phrasebook/schema';
import { registerChange, registerFor } from '../settings/registers';
import type { NeverFlag, Settings } from '../settings/schema';
import { UI_LANGUAGES } from '../settings/schema';
import { listSites } from '../settings/sites';
import type { SaveReport } from '../settings/collection';
import type { QuarantinedValue } from '../settings/quarantine';
import { getSettings, removeNeverFlag, updateSettings } from '../settings/store';
import { QuarantineNotice } from './QuarantineNotice';
import { REGISTER_KEYS } from './format';
import { Trans, useI18n } from './i18n';
import { setSiteEnabled } from './site-actions';
import { useAnnounce } from './status';

const LANG_CHOICES: { value: string; langs: Lang[]; key: 'langEn' | 'langJa' | 'langBoth' }[] = [
  { value: 'en', langs: ['en'], key: 'langEn' },
  { value: 'ja', langs: ['ja'], key: 'langJa' },
  { value: 'both', langs: ['en', 'ja'], key: 'langBoth' },
];
let registerSaves: Promise<unknown> = Promise.resolve();

/** Who the user writes to on a site: the card's R switches the same setting. */
type SaveSettings = (change: Partial<Settings>) => Promise<void>;

function RegisterSelect(props: { settings: Settings; hostname: string; onSave: SaveSettings }) {
  const { t } = useI18n();
  const id = `register-${props.hostname}`;
  return (
    <span class="register-choice">
      <label for={id}>{t('setRegister')}</label>{' '}
      <select
        id={id}
        aria-describedby={`site-${props.hostname} set-register-help`}
        value={registerFor(props.settings, props.hostname)}
        onChange={(e) => {
          const register = e.currentTarget.value as Register;
          // One after the other, each from what is stored by then (not what this view last showed):
          // two quick changes on two sites both count.
          registerSaves = registerSaves
            .then(async () => props.onSave(registerChange(await getSettings(), props.hostname, register)))
            .catch(() => undefined);
        }}
      >
        {REGISTERS.map((r) => (
          <option key={r} value={r}>
            {t(REGISTER_KEYS[r])}
          </option>
        ))}
      </select>
    </span>
  );
}

const SHORTCUTS_PAGE = import.meta.env.FIREFOX ? 'about:addons' : 'chrome://extensions/shortcuts';

/** The open-card shortcut as the browser has it (the user may have changed it). */
function useShortcut(): string | null | undefined {
  const [shortcut, setShortcut] = useState<string | null>();
  useEffect(() => {
    browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === 'open-card')?.shortcut || null))
      .catch(() => setShortcut(null));
  }, []);
  return shortcut;
}

const DEVICE_ONLY_KEYS = {
  quota: 'setDeviceOnlyQuota',
  rate: 'syncRate',
  offline: 'syncOffline',
  arriving: 'syncArriving',
  newer: 'setNewer',
} as const;

export function SettingsView(props: {
  settings: Settings;
  neverFlag: NeverFlag[];
  deviceOnly?: SaveReport['reason'];
  quarantined: QuarantinedValue[];
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const { settings } = props;
  const shortcut = useShortcut();
  const save = async (change: Partial<Settings>) => {
    await updateSettings(change);
    announce({ text: <Trans k="setSaved" /> });
  };
  const langChoice = settings.langs.length === 2 ? 'both' : settings.langs[0];

  return (
    <div class="view settings">
      {props.deviceOnly && props.deviceOnly !== 'sync-error' && (
        <p class="notice warning">{t(DEVICE_ONLY_KEYS[props.deviceOnly])}</p>
      )}
      <QuarantineNotice items={props.quarantined} />
      <section aria-labelledby="set-sites">
        <h2 id="set-sites">{t('setSites')}</h2>
        <p class="help">{t('setSitesHelp')}</p>
        <p class="help" id="set-register-help">
          {t('setRegisterHelp')}
        </p>
        <ul class="sites">
          {listSites(settings).map((site) => (
            <li key={site.hostname}>
              {site.isDefault || site.suggested ? (
                <label>
                  {/* Straight from the click: a suggested site asks for its origin first. */}
                  <input
                    type="checkbox"
                    checked={site.enabled}
                    onChange={async (e) => {
                      const box = e.currentTarget;
                      if ((await setSiteEnabled(settings, site.hostname, box.checked)) !== 'denied') return;
                      box.checked = site.enabled;
                      announce({ text: <Trans k="sitePermissionDenied" />, tone: 'warning' });
                    }}
                  />
                  <span id={`site-${site.hostname}`} translate={false}>
                    {site.hostname}
                  </span>
                  <span class="tag">{t(site.isDefault ? 'setSiteBuiltIn' : 'setSiteSuggested')}</span>
                </label>
              ) : (
                <>
                  <span id={`site-${site.hostname}`} translate={false}>
                    {site.hostname}
                  </span>
                  <button
                    type="button"
                    aria-describedby={`site-${site.hostname}`}
                    onClick={() => void setSiteEnabled(settings, site.hostname, false)}
                  >
                    {t('setSiteRemove')}
                  </button>
                </>
              )}
              {site.enabled && <RegisterSelect settings={settings} hostname={site.hostname} onSave={save} />}
            </li>
          ))}
        </ul>
      </section>

      <fieldset class="radios">
        <legend class="setting-title">{t('setLangs')}</legend>
        {LANG_CHOICES.map((c) => (
          <label key={c.value}>
            <input
              type="radio"
              name="set-langs"
              value={c.value}
              checked={langChoice === c.value}
              onChange={() => void save({ langs: c.langs })}
            />
            {t(c.key)}
          </label>
        ))}
      </fieldset>

      <label class="check">
        <input
          type="checkbox"
          checked={settings.showEquivalents}
          onChange={(e) => void save({ showEquivalents: e.currentTarget.checked })}
        />
        {t('setEquivalents')}
      </label>

      <label class="setting-title" for="set-ui-lang">
        {t('setUiLang')}
      </label>
      <select
        id="set-ui-lang"
        value={settings.uiLanguage}
        onChange={(e) => void save({ uiLanguage: e.currentTarget.value as Settings['uiLanguage'] })}
      >
        {UI_LANGUAGES.map((l) =>
          l === 'auto' ? (
            <option key={l} value={l}>
              {t('setUiLangAuto')}
            </option>
          ) : (
            // Each language is named in itself, so it can be found whatever the UI shows now.
            <option key={l} value={l} lang={l}>
              {l === 'en' ? 'English' : '日本語'}
            </option>
          ),
        )}
      </select>

      <section aria-labelledby="set-never">
        <h2 id="set-never">{t('setNeverFlag')}</h2>
        {props.neverFlag.length ? (
          <>
            <p class="help">{t('setNeverFlagHelp')}</p>
            <ul class="never">
              {props.neverFlag.map((n, i) => (
                <li key={n.phrase}>
                  <span id={`never-${i}`} translate={false}>
                    {n.phrase}
                  </span>
                  <button type="button" aria-describedby={`never-${i}`} onClick={() => void removeNeverFlag(n.phrase)}>
                    {t('setUnignore')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="empty">{t('setNeverFlagEmpty')}</p>
        )}
      </section>

      <section aria-labelledby="set-shortcut">
        <h2 id="set-shortcut">{t('setShortcut')}</h2>
        <p>
          {t('setShortcutWhat')}{' '}
          {shortcut === undefined ? null : shortcut ? <kbd translate={false}>{shortcut}</kbd> : <em>{t('setShortcutNone')}</em>}
        </p>
        <p class="help">
          <Trans
            k={import.meta.env.FIREFOX ? 'setShortcutWhereFirefox' : 'setShortcutWhereChrome'}
            values={{ url: SHORTCUTS_PAGE }}
          />
        </p>
        {!import.meta.env.FIREFOX && (
          <button type="button" onClick={() => void browser.tabs.create({ url: SHORTCUTS_PAGE })}>
            {t('setShortcutOpen')}
          </button>
        )}
      </section>
    </div>
  );
}
