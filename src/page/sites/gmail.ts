import type { Site } from './site';

/**
 * Gmail: the compose body is a contenteditable div[role=textbox][aria-label="Message Body"].
 * Quoted history and signatures are not the user's new words, so they are not checked.
 * Try it: https://mail.google.com/ → Compose, or the demo page's Gmail-shaped box.
 */
export const gmail: Site = {
  hostnames: ['mail.google.com'],
  excludeFromText: '.gmail_quote, .gmail_signature, blockquote',
};
