import type { PhrasebookSource } from './load';

/**
 * A short hash of the phrasebook's sources (their data, whitespace aside), stamped into the
 * precompiled artefact so a test and the tools that use it can tell when it is out of date. Not
 * cryptographic (cyrb53): it only has to change when the data does.
 */
export function sourcesHash(sources: readonly PhrasebookSource[]): string {
  const text = JSON.stringify(sources.map((s) => [s.file, s.data]));
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
