import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type CustomRewritesState, readCustomRewrites, watchCustomRewrites } from '../settings/custom-rewrites';
import { DEFAULT_SETTINGS, type NeverFlag, type Settings } from '../settings/schema';
import { siteOfUrl } from '../settings/sites';
import { latestOnly } from '../latest';
import type { QuarantinedValue } from '../settings/quarantine';
import { listQuarantine, watchQuarantine } from '../settings/restore';
import {
  type SettingsState,
  getNeverFlag,
  readSettingsState,
  watchNeverFlag,
  watchSettings,
} from '../settings/store';

/** A stored value, read once and kept current while the popup is open. */
function useStored<T>(initial: T, load: () => Promise<T>, watch: (changed: () => void) => () => void): [T, boolean] {
  const [state, setState] = useState<{ value: T; loaded: boolean }>({ value: initial, loaded: false });
  useEffect(() => {
    let alive = true;
    let last: string | undefined;
    const refresh = latestOnly(
      load,
      (value) => {
        // A save changes several stored items in turn; re-render only when the value changed.
        const seen = JSON.stringify(value);
        if (!alive || seen === last) return;
        last = seen;
        setState({ value, loaded: true });
      },
      (e: unknown) => console.error('Kuuki: could not read storage', e),
    );
    refresh();
    const unwatch = watch(refresh);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return [state.value, state.loaded];
}

const INITIAL_SETTINGS: SettingsState = { settings: DEFAULT_SETTINGS };
/** Settings, and whether some of them (or sites, or never-flag phrases) are on this device only. */
export const useSettingsState = () =>
  useStored<SettingsState>(INITIAL_SETTINGS, readSettingsState, (f) => {
    const a = watchSettings(f);
    const b = watchNeverFlag(f);
    return () => {
      a();
      b();
    };
  });

const EMPTY_CUSTOM: CustomRewritesState = { rewrites: [], localOnly: [], unsettled: 0, newer: false };
export type { Settings };
export const useCustomRewrites = () => useStored(EMPTY_CUSTOM, () => readCustomRewrites(), watchCustomRewrites);

export const useNeverFlag = () => useStored<NeverFlag[]>([], getNeverFlag, (f) => watchNeverFlag(f));

/** Every set-aside copy, of every kind. */
export const useQuarantine = () => useStored<QuarantinedValue[]>([], () => listQuarantine(), (f) => watchQuarantine(f));

export interface CurrentSite {
  /** Hostname Kuuki could run on, or null for browser pages and the like. */
  hostname: string | null;
  tabId?: number;
}

/**
 * The site of the tab the popup was opened on (activeTab lets the popup read its address).
 * `?site=host` in the popup's address stands in for it when the page is opened directly (tests).
 */
export function useCurrentSite(): CurrentSite | undefined {
  const [site, setSite] = useState<CurrentSite>();
  useEffect(() => {
    const param = new URLSearchParams(location.search).get('site');
    if (param) {
      setSite({ hostname: siteOfUrl(`https://${param}/`) });
      return;
    }
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setSite({ hostname: siteOfUrl(tab?.url), tabId: tab?.id }))
      .catch(() => setSite({ hostname: null }));
  }, []);
  return site;
}
