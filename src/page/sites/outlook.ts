import type { Site } from './site';

/**
 * Outlook on the web: the compose body is RoosterJS, a div[role=textbox] ("Message body").
 * A reply puts the quoted message after the user's text: an empty #appendonsend marker, a rule,
 * #divRplyFwdMsg (From/Sent/To/Subject), then the original message as its siblings; newer
 * builds wrap it all in #mail-editor-reference-message-container. Signatures are #Signature.
 * RoosterJS keeps its own undo snapshots and takes none for native input, so a rewrite goes
 * through its paste path, which records one undo step (docs/editors.md).
 * Try it: https://outlook.office.com/mail/ → Reply, or https://outlook.live.com/mail/.
 */
export const outlook: Site = {
  hostnames: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'],
  excludeFromText: [
    '#appendonsend ~ *',
    '#divRplyFwdMsg',
    '#divRplyFwdMsg ~ *',
    '#mail-editor-reference-message-container',
    '#Signature',
    'blockquote',
  ].join(', '),
  replaceVia: 'paste',
};
