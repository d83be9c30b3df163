// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine';
import { frameHostname, siteFor } from '../../../src/page/sites';
import { readField } from '../../../src/page/text-model';

/** Reply bodies as Outlook on the web builds them (the shapes its sent mail carries). */
const REPLIES: { name: string; html: string }[] = [
  {
    name: 'classic: #appendonsend, a rule, #divRplyFwdMsg, then the original as siblings',
    html:
      '<div>Thanks, Ken. I can send it today.</div><div><br></div><div id="appendonsend"></div>' +
      '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Ken<br><b>Subject:</b> Plan</div>' +
      "<div>This method doesn't work. Why didn't you test it?</div>",
  },
  {
    name: 'the marker nested in a wrapper, with the original after it',
    html:
      '<div>Thanks, Ken. I can send it today.</div><div><div id="appendonsend"></div><div><br></div><hr tabindex="-1">' +
      "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><b>From:</b> Ken</div><div>This method doesn't work. Why didn't you test it?</div></div>",
  },
  {
    name: 'newer builds: the whole quote in #mail-editor-reference-message-container',
    html:
      '<div>Thanks, Ken. I can send it today.</div><div id="mail-editor-reference-message-container"><hr>' +
      "<b>From:</b> Ken<br><div>This method doesn't work. Why didn't you test it?</div></div>",
  },
];

describe('Outlook on the web site note', () => {
  const outlook = siteFor('outlook.office.com');

  it.each(REPLIES)('leaves the quoted message out of checking: $name', ({ html }) => {
    const el = document.createElement('div');
    el.contentEditable = 'true';
    el.setAttribute('role', 'textbox');
    el.innerHTML = html;
    document.body.replaceChildren(el);
    const text = readField(el, outlook.excludeFromText).text;
    expect(text).toContain('Thanks, Ken. I can send it today.');
    expect(text).not.toContain('From:');
    expect(analyze(text)).toEqual([]);
    // Without the note the quoted message would be flagged.
    expect(analyze(readField(el).text).length).toBeGreaterThan(0);
  });

  it('covers outlook.live.com and goes through RoosterJS’s paste path', () => {
    expect(siteFor('outlook.live.com')).toBe(outlook);
    expect(outlook.replaceVia).toBe('paste');
    expect(siteFor('example.com').replaceVia).toBeUndefined();
  });
});

describe('frameHostname', () => {
  it.each([
    [{ hostname: 'app.slack.com' }, 'https://app.slack.com', 'app.slack.com'],
    // A srcdoc or about:blank frame (TinyMCE's body) belongs to the site that made it.
    [{ hostname: '' }, 'https://intranet.example.com', 'intranet.example.com'],
    [{ hostname: '' }, 'null', ''],
  ])('%o with origin %s is %s', (location, origin, want) => {
    expect(frameHostname(location, origin)).toBe(want);
  });
});
