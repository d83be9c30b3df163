import type { Evaluator } from './driver';

/**
 * The editors Kuuki must keep in sync, each with the way to read its own model. Fixture pages
 * host the real editors from npm; the Gmail-shaped box is served at mail.google.com. Every case
 * here runs in Chromium and in Firefox (tests/e2e/shared-cases.ts) with no code of its own.
 */
export interface EditorCase {
  name: string;
  url: string;
  /** Selector of the editable element (Playwright's CSS pierces open shadow roots). */
  field: string;
  /** The iframe that holds the field, if any. */
  frame?: string;
  /** Marks drawn with the CSS Custom Highlight API (else overlay boxes). */
  highlights: boolean;
  /** Ctrl+B makes bold here: the "formatting kept" case runs (rich-text editors only). */
  rich?: boolean;
  /** What the editor's own model holds, as plain text (run in the page's main world). */
  model(frame: Evaluator): Promise<string>;
}

const SLACK = 'https://app.slack.com/kuuki-test/';
const GMAIL = 'https://mail.google.com/kuuki-test/';

export const EDITORS: EditorCase[] = [
  {
    name: 'Quill 2 (Slack-shaped)',
    rich: true,
    url: `${SLACK}quill.html`,
    field: '.ql-editor',
    highlights: true,
    model: (f) => f.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText().replace(/\n$/, '')),
  },
  {
    name: 'ProseMirror',
    rich: true,
    url: `${SLACK}prosemirror.html`,
    field: '.ProseMirror',
    highlights: true,
    model: (f) =>
      f.evaluate(() => (window as unknown as { view: { state: { doc: { textContent: string } } } }).view.state.doc.textContent),
  },
  {
    name: 'Lexical',
    rich: true,
    url: `${SLACK}lexical.html`,
    field: '#editor',
    highlights: true,
    model: (f) => f.evaluate(() => (window as unknown as { lexicalText(): string }).lexicalText()),
  },
  {
    name: 'Gmail-shaped compose box',
    rich: true,
    url: `${GMAIL}gmail.html`,
    field: '[aria-label="Message Body"]',
    highlights: true,
    // Firefox keeps a space typed before a bold run as a no-break space; the text reads the same.
    model: (f) =>
      f.evaluate(() => (document.querySelector('[aria-label="Message Body"] > div') as HTMLElement).innerText.replace(/\u00a0/g, ' ').trim()),
  },
  {
    name: 'textarea',
    url: `${SLACK}textarea.html`,
    field: '#draft',
    highlights: false,
    model: (f) => f.evaluate(() => (document.querySelector('#draft') as HTMLTextAreaElement).value),
  },
  {
    name: 'contenteditable in an open shadow root',
    url: `${SLACK}shadow.html`,
    field: '#inner',
    highlights: false,
    model: (f) => f.evaluate(() => (document.querySelector('x-composer')!.shadowRoot!.querySelector('#inner') as HTMLElement).innerText.trim()),
  },
  {
    name: 'textarea in an iframe',
    url: `${SLACK}iframe.html`,
    frame: '#frame',
    field: '#draft',
    highlights: false,
    model: (f) => f.evaluate(() => (document.querySelector('#draft') as HTMLTextAreaElement).value),
  },
];
