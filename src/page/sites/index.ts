import { gmail } from './gmail';
import type { Site } from './site';
import { slack } from './slack';

const SITES: readonly Site[] = [gmail, slack];
const GENERIC: Site = { hostnames: [], excludeFromText: 'blockquote[type="cite"]' };

export function siteFor(hostname: string): Site {
  return SITES.find((s) => s.hostnames.includes(hostname)) ?? GENERIC;
}
