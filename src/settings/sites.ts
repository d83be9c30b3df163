import type { Settings } from './schema';

/** Sites where Kuuki is on until the user turns it off. */
export const DEFAULT_SITES = ['mail.google.com', 'app.slack.com'] as const;

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
