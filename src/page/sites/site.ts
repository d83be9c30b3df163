/** What Kuuki knows about one site's editors; everything site-specific lives in sites/. */
export interface Site {
  hostnames: readonly string[];
  /** Parts of a field that are not the user's own new text (quoted replies, mentions). */
  excludeFromText?: string;
  /** How replacement reaches an editor that keeps no undo step for native input (src/page/replace.ts). */
  replaceVia?: 'paste';
}
