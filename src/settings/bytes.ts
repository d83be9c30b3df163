/**
 * What one stored item costs against the `storage.sync` quotas, counted the way Chrome counts it.
 * Pure: no `browser.*`.
 *
 * Chrome charges an item its key's UTF-8 bytes plus its value written by its own JSON writer,
 * which escapes more than JSON.stringify does: `<` becomes `\u003C` (6 bytes), U+2028 and U+2029
 * become `\u2028`/`\u2029`, control characters `\uXXXX`, a lone surrogate becomes U+FFFD, and a
 * number beyond 32-bit integers is a double written with a trailing `.0`. A browser test checks
 * this count against Chrome's own QUOTA_BYTES_PER_ITEM refusals.
 */

/** chrome.storage.sync and Firefox's storage.sync share these limits. */
export const SYNC_QUOTA = { total: 102_400, perItem: 8_192, maxItems: 512, writesPerMinute: 120 } as const;

const INT32_MAX = 2 ** 31 - 1;
const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x22, 0x5c]);

/** Bytes of a string as Chrome's JSON writer quotes it. */
export function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (SHORT_ESCAPES.has(c)) n += 2;
    else if (c < 0x20 || c === 0x3c || c === 0x7f || c === 0x2028 || c === 0x2029) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3; // replaced by U+FFFD
    } else n += 3; // includes a lone low surrogate, replaced by U+FFFD
  }
  return n;
}

function numberBytes(x: number): number {
  if (!Number.isFinite(x)) return 4; // null
  if (Number.isInteger(x) && Math.abs(x) <= INT32_MAX) return String(x).length;
  const text = String(x);
  return text.length + (/[.eE]/.test(text) ? 0 : 2);
}

/** Bytes of a value as Chrome's JSON writer writes it (undefined members are left out). */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return numberBytes(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (Array.isArray(value)) return 2 + Math.max(value.length - 1, 0) + value.reduce((n: number, v) => n + jsonBytes(v), 0);
      const members = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
      return 2 + Math.max(members.length - 1, 0) + members.reduce((n, [k, v]) => n + stringBytes(k) + 1 + jsonBytes(v), 0);
    }
    default:
      return 4;
  }
}

const encoder = new TextEncoder();

/** Bytes one stored item costs against the sync quota: its key plus its value as Chrome writes it. */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + jsonBytes(value);
}

/** Bytes a whole area's items cost. */
export function areaBytes(items: Record<string, unknown>): number {
  return Object.entries(items).reduce((n, [key, value]) => n + itemBytes(key, value), 0);
}

/** FNV-1a over UTF-16 units: a short fingerprint of a text. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
