import type { Frame, Page } from 'playwright-core';
import { overlayMarks } from './harness';
import { inKuuki } from './kuuki-ui';

/**
 * The editors Kuuki must keep in sync, each with the way to read its own model. Fixture pages
 * host the real editors from npm; the Gmail-shaped box is served at mail.google.com.
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
  /** What the editor's own model holds, as plain text. */
  model(frame: Frame): Promise<string>;
}

const SLACK = 'https://app.slack.com/kuuki-test/';
const GMAIL = 'https://mail.google.com/kuuki-test/';

export const EDITORS: EditorCase[] = [
  {
    name: 'Quill 2 (Slack-shaped)',
    url: `${SLACK}quill.html`,
    field: '.ql-editor',
    highlights: true,
    model: (f) => f.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText().replace(/\n$/, '')),
  },
  {
    name: 'ProseMirror',
    url: `${SLACK}prosemirror.html`,
    field: '.ProseMirror',
    highlights: true,
    model: (f) =>
      f.evaluate(() => (window as unknown as { view: { state: { doc: { textContent: string } } } }).view.state.doc.textContent),
  },
  {
    name: 'Lexical',
    url: `${SLACK}lexical.html`,
    field: '#editor',
    highlights: true,
    model: (f) => f.evaluate(() => (window as unknown as { lexicalText(): string }).lexicalText()),
  },
  {
    name: 'Gmail-shaped compose box',
    url: `${GMAIL}gmail.html`,
    field: '[aria-label="Message Body"]',
    highlights: true,
    model: (f) => f.evaluate(() => (document.querySelector('[aria-label="Message Body"] > div') as HTMLElement).innerText.trim()),
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

export async function frameOf(page: Page, c: EditorCase): Promise<Frame> {
  if (!c.frame) return page.mainFrame();
  const handle = await page.waitForSelector(c.frame);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForLoadState();
  return frame;
}

/** Where the marked phrase is drawn, in the frame's viewport. */
export async function markBox(frame: Frame, c: EditorCase, phrase: string): Promise<{ x: number; y: number } | null> {
  if (!c.highlights) {
    // Overlay boxes live in Kuuki's closed root: read them from Kuuki's own world.
    const rect = await inKuuki(frame, (roots) => {
      const r = roots[0]?.querySelector('.mark')?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    });
    return rect ?? null;
  }
  return frame.evaluate((phrase) => {
    const h = CSS.highlights.get('kuuki-blunt');
    const range = h && ([...h] as Range[]).find((r) => r.toString().includes(phrase));
    const rect = range?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, phrase);
}

/** What is marked: highlighted texts, or the number of overlay boxes. */
export async function marked(frame: Frame, c: EditorCase): Promise<string[] | number> {
  if (!c.highlights) return overlayMarks(frame).count();
  return frame.evaluate(() => {
    const h = CSS.highlights.get('kuuki-blunt');
    return h ? ([...h] as Range[]).map((r) => r.toString()) : [];
  });
}
