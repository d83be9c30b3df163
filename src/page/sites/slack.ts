import type { Site } from './site';

/**
 * Slack web: the message box is Quill's `.ql-editor` (spellcheck=false, which is no opt-out).
 * Mentions and emoji are non-editable islands, which the text model keeps out of matching.
 * Try it: https://app.slack.com/ → any channel's message box, or the demo page's Slack-like composer.
 */
export const slack: Site = {
  hostnames: ['app.slack.com'],
  excludeFromText: '.ql-mention, [data-stringify-type="mention"]',
};
