import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE, segment } from '../../src/engine/segment';

const sentences = (text: string) => segment(text).map((s) => text.slice(s.start, s.end));

describe('segment', () => {
  it('splits English and Japanese sentences and lines', () => {
    expect(sentences('Hi. Is it done? Yes!\nそうです。はい、了解です！ok')).toEqual([
      'Hi.',
      'Is it done?',
      'Yes!',
      'そうです。',
      'はい、了解です！',
      'ok',
    ]);
  });

  it('keeps decimals and closing quotes with their sentence', () => {
    expect(sentences('It costs 3.5 yen. He said "no." 「はい。」と言った。')).toEqual([
      'It costs 3.5 yen.',
      'He said "no."',
      '「はい。」と言った。',
    ]);
  });

  it('does not end a sentence at a title or abbreviation', () => {
    expect(sentences('Send it to Ms. Park by 9am. Use e.g. the staging API. It costs approx. 20 USD. Done.')).toEqual([
      'Send it to Ms. Park by 9am.',
      'Use e.g. the staging API.',
      'It costs approx. 20 USD.',
      'Done.',
    ]);
    expect(sentences('The answer is no. We are done.')).toEqual(['The answer is no.', 'We are done.']);
  });

  it('skips quoted reply lines and handles CRLF', () => {
    expect(sentences('Thanks.\r\n> old text.\r\n  >> older\r\nBye.')).toEqual(['Thanks.', 'Bye.']);
  });

  it('cuts a run-on text into pieces no longer than MAX_SENTENCE, at clause breaks or spaces', () => {
    const runOn = 'we should move the launch, the API is down and nobody told me '.repeat(200);
    const pieces = segment(runOn);
    expect(pieces.length).toBeGreaterThan(20);
    for (const p of pieces) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(runOn.slice(p.end - 1, p.end + 1)).toMatch(/^(,.|\S\s|\S$)/);
    }
    const spaced = 'の'.repeat(1000) + '😀'.repeat(300);
    for (const p of segment(spaced)) expect(spaced.charCodeAt(p.start) & 0xfc00).not.toBe(0xdc00);
  });

  it('ends an English sentence before Japanese that follows without a space', () => {
    expect(sentences("I can't do that.それはできません。")).toEqual(["I can't do that.", 'それはできません。']);
    expect(sentences('Version 1.2 is out. v2.0も出ました。')).toEqual(['Version 1.2 is out.', 'v2.0も出ました。']);
  });

  it('does not end a sentence at a 。 inside a quotation the sentence goes on after', () => {
    expect(sentences('部長に「無理です。」と伝えました。次に進みます。')).toEqual(['部長に「無理です。」と伝えました。', '次に進みます。']);
    // A quotation that is a sentence of its own, or never closes, ends at its 。 as before.
    expect(sentences('「はい。」 次の件です。')).toEqual(['「はい。」', '次の件です。']);
    expect(sentences('「はい。それで')).toEqual(['「はい。', 'それで']);
  });
});

