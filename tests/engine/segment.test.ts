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
      '「はい。」',
      'と言った。',
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
});
