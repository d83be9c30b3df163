/**
 * Bytes of a file as text: UTF-8 (a BOM is dropped) or UTF-16 with its BOM. Anything else is
 * refused with a reason rather than checked as garbage (a UTF-16 file read as UTF-8 looks clean).
 */
export class NotTextError extends Error {}

export function decodeText(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = a === 0xef && b === 0xbb && c === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw new NotTextError('looks like UTF-16 without a byte-order mark, or binary; save it as UTF-8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new NotTextError('is not UTF-8 text (Kuuki reads UTF-8, or UTF-16 with a byte-order mark)');
  }
}
