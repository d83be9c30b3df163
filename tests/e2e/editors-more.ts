import type { Frame, Page } from 'playwright-core';
import { overlayMarks } from './harness';
import { inKuuki } from './kuuki-ui';

/**
 * Every editor Kuuki must keep in sync, run in Chromium by editors-more.test.ts (the five in
 * editors.ts also run in Firefox, from shared-cases.ts), each with the way to read its own model. Fixture pages
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
  /**
   * The fixture starts from FORMATTED_HTML (tests/e2e/fixtures/lib/formatted.ts) when its address
   * has `?formatted`: a bold name and a link in the paragraph of the phrase, which must survive.
   */
  formatted?: boolean;
  /** A site Kuuki is off on until the user turns it on: the test turns it on first, in the popup. */
  site?: string;
}

const SLACK = 'https://app.slack.com/kuuki-test/';
const GMAIL = 'https://mail.google.com/kuuki-test/';
const OUTLOOK = 'https://outlook.office.com/kuuki-test/';
const TEAMS = 'https://teams.microsoft.com/kuuki-test/';
const CHATWORK = 'https://www.chatwork.com/kuuki-test/';

export const EDITORS: EditorCase[] = [
  {
    name: 'Quill 2 (Slack-shaped)',
    url: `${SLACK}quill.html`,
    field: '.ql-editor',
    highlights: true,
    formatted: true,
    model: (f) => f.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText().replace(/\n$/, '')),
  },
  {
    name: 'ProseMirror',
    url: `${SLACK}prosemirror.html`,
    field: '.ProseMirror',
    highlights: true,
    formatted: true,
    model: (f) =>
      f.evaluate(() => (window as unknown as { view: { state: { doc: { textContent: string } } } }).view.state.doc.textContent),
  },
  {
    name: 'Lexical',
    url: `${SLACK}lexical.html`,
    field: '#editor',
    highlights: true,
    formatted: true,
    model: (f) => f.evaluate(() => (window as unknown as { lexicalText(): string }).lexicalText()),
  },
  {
    name: 'Gmail-shaped compose box',
    url: `${GMAIL}gmail.html`,
    field: '[aria-label="Message Body"]',
    highlights: true,
    formatted: true,
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
    formatted: true,
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
  {
    name: 'RoosterJS (Outlook on the web)',
    url: `${OUTLOOK}roosterjs.html`,
    site: 'outlook.office.com',
    field: '#editor',
    highlights: true,
    formatted: true,
    model: (f) => f.evaluate(() => (window as unknown as { roosterText(): string }).roosterText()),
  },
  {
    name: 'CKEditor 5 (Teams, company tools)',
    url: `${TEAMS}ckeditor5.html`,
    site: 'teams.microsoft.com',
    field: '.ck-editor__editable',
    highlights: true,
    formatted: true,
    model: (f) => f.evaluate(() => (window as unknown as { ckText(): string }).ckText()),
  },
  {
    name: 'Slate with slate-react (Discord-shaped)',
    url: `${SLACK}slate.html`,
    field: '[data-slate-editor]',
    highlights: true,
    formatted: true,
    model: (f) => f.evaluate(() => (window as unknown as { slateText(): string }).slateText()),
  },
  {
    name: 'Draft.js',
    url: `${SLACK}draft.html`,
    field: '.public-DraftEditor-content',
    highlights: true,
    formatted: true,
    model: (f) => f.evaluate(() => (window as unknown as { draftText(): string }).draftText()),
  },
  {
    name: 'TinyMCE (in its iframe)',
    url: `${SLACK}tinymce.html`,
    frame: 'iframe.tox-edit-area__iframe',
    field: 'body#tinymce',
    highlights: true,
    formatted: true,
    model: (f) => f.evaluate(() => (window.parent as unknown as { tinyText(): string }).tinyText()),
  },
  {
    name: 'TipTap',
    url: `${SLACK}tiptap.html`,
    field: '.tiptap',
    highlights: true,
    formatted: true,
    model: (f) => f.evaluate(() => (window as unknown as { tiptapText(): string }).tiptapText()),
  },
  {
    name: 'Notion-like page (one contenteditable per block)',
    url: `${SLACK}notion.html`,
    field: '.block[data-block-id="b1"]',
    highlights: true,
    formatted: true,
    model: (f) => f.evaluate(() => (window as unknown as { notionText(): string }).notionText()),
  },
  {
    name: 'Chatwork-shaped textarea (Enter sends)',
    url: `${CHATWORK}chatwork.html`,
    site: 'www.chatwork.com',
    field: '#_chatText',
    highlights: false,
    model: (f) => f.evaluate(() => (document.querySelector('#_chatText') as HTMLTextAreaElement).value),
  },
];

/** The frame that holds the field, once the editor has made the field. */
/** The optional sites the editors are served at. */
export const OPTIONAL_SITES = [...new Set(EDITORS.flatMap((c) => (c.site ? [c.site] : [])))];

export async function frameOf(page: Page, c: EditorCase): Promise<Frame> {
  let frame = page.mainFrame();
  if (c.frame) {
    const found = await (await page.waitForSelector(c.frame)).contentFrame();
    if (!found) throw new Error('no frame');
    frame = found;
    await frame.waitForLoadState();
  }
  await frame.locator(c.field).waitFor();
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
