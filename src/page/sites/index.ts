import { gmail } from './gmail';
import { outlook } from './outlook';
import type { Site } from './site';
import { slack } from './slack';

const SITES: readonly Site[] = [gmail, slack, outlook];
const GENERIC: Site = { hostnames: [], excludeFromText: 'blockquote[type="cite"]' };

export function siteFor(hostname: string): Site {
  return SITES.find((s) => s.hostnames.includes(hostname)) ?? GENERIC;
}

/**
 * The site a frame belongs to. A srcdoc or about:blank frame (TinyMCE's editable body) has no
 * hostname of its own but its creator's origin, which is the site the user turned Kuuki on for.
 */
export function frameHostname(location: { hostname: string }, origin: string): string {
  if (location.hostname) return location.hostname;
  try {
    return origin === 'null' ? '' : new URL(origin).hostname;
  } catch {
    return '';
  }
}
