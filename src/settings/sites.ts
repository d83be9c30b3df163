import type { Settings } from './schema';

/** Sites where Kuuki is on until the user turns it off. */
export const DEFAULT_SITES = ['mail.google.com', 'app.slack.com'] as const;

/**
 * Work apps Kuuki is ready for (site notes in src/page/sites/) but that stay off until the user
 * turns them on: listed in Settings so that is one click, asking for that one origin.
 */
export const SUGGESTED_SITES = ['outlook.office.com', 'outlook.live.com', 'teams.microsoft.com', 'www.chatwork.com'] as const;

export function isDefaultSite(hostname: string): boolean {
  return (DEFAULT_SITES as readonly string[]).includes(hostname);
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  if (settings.disabledSites.includes(hostname)) return false;
  return isDefaultSite(hostname) || settings.enabledSites.includes(hostname);
}

/** The match pattern that grants a site to the extension. */
export function originPattern(hostname: string): string {
  return `*://${hostname}/*`;
}

/** What turning a site on or off changes: settings, and the origin permission to ask or give back. */
export interface SiteToggle {
  change: Pick<Settings, 'disabledSites' | 'enabledSites'>;
  /** Ask for this origin (from the user's click) before saving. */
  request?: string;
  /** Give this origin back after saving. */
  release?: string;
}

export function toggleSite(settings: Settings, hostname: string, on: boolean): SiteToggle {
  const without = (list: string[]) => list.filter((h) => h !== hostname);
  if (isDefaultSite(hostname)) {
    return {
      change: {
        enabledSites: settings.enabledSites,
        disabledSites: on ? without(settings.disabledSites) : [...without(settings.disabledSites), hostname],
      },
    };
  }
  return on
    ? {
        change: { disabledSites: without(settings.disabledSites), enabledSites: [...without(settings.enabledSites), hostname] },
        request: originPattern(hostname),
      }
    : {
        change: { disabledSites: without(settings.disabledSites), enabledSites: without(settings.enabledSites) },
        release: originPattern(hostname),
      };
}

/** The hostname Kuuki could run on for a page address, or null (browser pages, files, …). */
export function siteOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname : null;
  } catch {
    return null;
  }
}

export interface ListedSite {
  hostname: string;
  isDefault: boolean;
  /** One of SUGGESTED_SITES: listed with a switch even while off. */
  suggested?: true;
  enabled: boolean;
}

/** The built-in sites, the suggested work apps, and the others the user turned on, for the settings list. */
export function listSites(settings: Settings): ListedSite[] {
  const suggested = SUGGESTED_SITES as readonly string[];
  return [
    ...DEFAULT_SITES.map((hostname) => ({ hostname, isDefault: true, enabled: isSiteEnabled(settings, hostname) })),
    ...suggested.map((hostname) => ({ hostname, isDefault: false, suggested: true as const, enabled: isSiteEnabled(settings, hostname) })),
    ...settings.enabledSites
      .filter((h) => !isDefaultSite(h) && !suggested.includes(h))
      .map((hostname) => ({ hostname, isDefault: false, enabled: true })),
  ];
}
