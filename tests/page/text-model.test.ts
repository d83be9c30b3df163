// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ISLAND, readField } from '../../src/page/text-model';

function editor(html: string): HTMLElement {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

describe('readField', () => {
  it('reads blocks and <br> as line breaks, like the user sees them', () => {
    const el = editor('<p>Hi <b>Ken</b>,</p><p><br></p><p>This doesn’t work.</p><div>Thanks<br>Alex</div>');
    expect(readField(el).text).toBe('Hi Ken,\n\nThis doesn’t work.\nThanks\nAlex\n');
  });

  it('keeps mentions and excluded parts out of matching as islands', () => {
    const el = editor('<p>Hey <span contenteditable="false">@ken</span> ok</p><div class="gmail_quote">old text</div>');
    expect(readField(el, '.gmail_quote').text).toBe(`Hey ${ISLAND} ok\n`);
  });

  it('maps offsets to DOM ranges across formatting, and back', () => {
    const el = editor('<p>Honestly, <b>this method</b> doesn’t work.</p><p>Bye</p>');
    const model = readField(el);
    const start = model.text.indexOf('this');
    const end = model.text.indexOf('.') + 1;
    const range = model.toRange(start, end)!;
    expect(range.toString()).toBe('this method doesn’t work.');
    expect(model.offsetOf(range.startContainer, range.startOffset)).toBe(start);
    expect(model.offsetOf(range.endContainer, range.endOffset)).toBe(end);
    const bye = model.text.indexOf('Bye');
    expect(model.toRange(bye, bye + 3)!.toString()).toBe('Bye');
  });

  it('refuses a range over an island rather than replacing a mention', () => {
    const el = editor('<p>Ask <span contenteditable="false">@ken</span> now</p>');
    const model = readField(el);
    expect(model.toRange(0, model.text.length - 1)).toBeNull();
  });

  it('reads a textarea’s value as it is', () => {
    const ta = document.createElement('textarea');
    ta.value = 'Line 1\r\nLine 2 🙂';
    expect(readField(ta).text).toBe('Line 1\r\nLine 2 🙂');
  });
});
