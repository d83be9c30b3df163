import { describe, expect, it } from 'vitest';
import { segment } from '../../src/engine/segment';

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

  it('skips quoted reply lines and handles CRLF', () => {
    expect(sentences('Thanks.\r\n> old text.\r\n  >> older\r\nBye.')).toEqual(['Thanks.', 'Bye.']);
  });
});
