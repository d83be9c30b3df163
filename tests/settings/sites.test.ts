import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/schema';
import { isSiteEnabled, listSites, siteOfUrl, SUGGESTED_SITES, toggleSite } from '../../src/settings/sites';

describe('site switch', () => {
  it('turns a default site off and on through disabledSites, no permission involved', () => {
    const off = toggleSite(DEFAULT_SETTINGS, 'app.slack.com', false);
    expect(off).toEqual({ change: { enabledSites: [], disabledSites: ['app.slack.com'] } });
    const settings = { ...DEFAULT_SETTINGS, ...off.change };
    expect(isSiteEnabled(settings, 'app.slack.com')).toBe(false);
    expect(toggleSite(settings, 'app.slack.com', true).change.disabledSites).toEqual([]);
  });

  it('asks for the origin to turn another site on, and gives it back when turned off', () => {
    const on = toggleSite(DEFAULT_SETTINGS, 'notion.so', true);
    expect(on).toEqual({ change: { disabledSites: [], enabledSites: ['notion.so'] }, request: '*://notion.so/*' });
    const settings = { ...DEFAULT_SETTINGS, ...on.change };
    expect(toggleSite(settings, 'notion.so', false)).toEqual({
      change: { disabledSites: [], enabledSites: [] },
      release: '*://notion.so/*',
    });
  });

  it('lists the built-in sites, the suggested work apps (off until turned on) and the ones turned on', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['mail.google.com'], enabledSites: ['notion.so', 'teams.microsoft.com'] };
    expect(listSites(settings)).toEqual([
      { hostname: 'mail.google.com', isDefault: true, enabled: false },
      { hostname: 'app.slack.com', isDefault: true, enabled: true },
      { hostname: 'outlook.office.com', isDefault: false, suggested: true, enabled: false },
      { hostname: 'outlook.live.com', isDefault: false, suggested: true, enabled: false },
      { hostname: 'teams.microsoft.com', isDefault: false, suggested: true, enabled: true },
      { hostname: 'www.chatwork.com', isDefault: false, suggested: true, enabled: false },
      { hostname: 'notion.so', isDefault: false, enabled: true },
    ]);
  });

  it('turns a suggested work app on by asking for that one origin', () => {
    for (const hostname of SUGGESTED_SITES) {
      const on = toggleSite(DEFAULT_SETTINGS, hostname, true);
      expect(on.request).toBe(`*://${hostname}/*`);
      expect(isSiteEnabled({ ...DEFAULT_SETTINGS, ...on.change }, hostname)).toBe(true);
    }
  });

  it('knows which pages have a site', () => {
    expect(siteOfUrl('https://app.slack.com/client/T1')).toBe('app.slack.com');
    expect(siteOfUrl('chrome://extensions')).toBeNull();
    expect(siteOfUrl(undefined)).toBeNull();
    expect(siteOfUrl('not a url')).toBeNull();
  });
});
