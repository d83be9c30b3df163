import type { Settings } from '../settings/schema';
import { isSiteEnabled } from '../settings/sites';
import type { CurrentSite } from './hooks';
import { Trans, useI18n } from './i18n';
import { setSiteEnabled } from './site-actions';
import { useAnnounce } from './status';

/** One click: Kuuki on or off for the site of the current tab. */
export function SiteSwitch(props: { settings: Settings; site: CurrentSite | undefined }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const host = props.site?.hostname;
  if (props.site === undefined) return null;
  if (!host) return <p class="site-unavailable">{t('siteUnavailable')}</p>;
  const on = isSiteEnabled(props.settings, host);
  const toggle = async () => {
    const result = await setSiteEnabled(props.settings, host, !on, props.site?.tabId);
    announce(
      result === 'denied'
        ? { text: <Trans k="sitePermissionDenied" />, tone: 'warning' }
        : { text: <Trans k={on ? 'siteTurnedOff' : 'siteTurnedOn'} /> },
    );
  };
  return (
    <button type="button" role="switch" aria-checked={on} class="site-switch" onClick={toggle}>
      <span class="switch-label">
        <Trans k="siteSwitch" values={{ site: host }} />
      </span>
      <span class="switch-track" aria-hidden="true">
        <span class="switch-knob" />
      </span>
      <span class="switch-state" aria-hidden="true">
        {on ? t('siteOn') : t('siteOff')}
      </span>
    </button>
  );
}
