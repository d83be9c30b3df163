import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type CustomRewritesState, readCustomRewrites, watchCustomRewrites } from '../settings/custom-rewrites';
import { DEFAULT_SETTINGS, type NeverFlag, type Settings } from '../settings/schema';
import { siteOfUrl } from '../settings/sites';
import {
  type QuarantinedValue,
  getNeverFlag,
  getSettings,
  listQuarantine,
  watchNeverFlag,
  watchQuarantine,
  watchSettings,
} from '../settings/store';

/** A stored value, read once and kept current while the popup is open. */
function useStored<T>(initial: T, load: () => Promise<T>, watch: (changed: () => void) => () => void): [T, boolean] {
  const [state, setState] = useState<{ value: T; loaded: boolean }>({ value: initial, loaded: false });
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      void load().then(
        (value) => alive && setState({ value, loaded: true }),
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

export const useSettings = () => useStored<Settings>(DEFAULT_SETTINGS, getSettings, (f) => watchSettings(f));

const EMPTY_CUSTOM: CustomRewritesState = { rewrites: [], localOnly: [], unsettled: 0, newer: false };
export const useCustomRewrites = () => useStored(EMPTY_CUSTOM, () => readCustomRewrites(), watchCustomRewrites);

export const useNeverFlag = () => useStored<NeverFlag[]>([], getNeverFlag, (f) => watchNeverFlag(f));

export const isCustomRewritesKey = (key: string) => /^(sync|local):customRewrites\b/.test(key);
export const useQuarantine = () =>
  useStored<QuarantinedValue[]>(
    [],
    async () => (await listQuarantine()).filter((q) => isCustomRewritesKey(q.key)),
    (f) => watchQuarantine(f),
  );

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
