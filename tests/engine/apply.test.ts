import { describe, expect, it } from 'vitest';
import { applyRewrite, previewParts, previewText, sentenceAround } from '../../src/engine/apply';
import { Engine } from '../../src/engine/engine';
import { remap } from '../../src/engine/remap';
import type { Entry } from '../../src/phrasebook/schema';

const mk = (id: string, patterns: string[], rewrites: string[]): Entry => ({
  id,
  lang: 'en',
  category: 'urgency',
  patterns,
  rewrites,
  equivalent: '—',
  why: '—',
  examples: [{ text: 'x', after: 'x' }, { text: 'y', after: 'y' }],
  nearMisses: ['z'],
});
const engine = new Engine([
  mk('en-send-by', ['^[<pre>(hi|hey)? #Person?] [<action>send .*? by #Date+]'], ['Could you {action}?']),
  mk('en-garbage', ['(this|that) is garbage'], ['this may need more work']),
  mk('en-add', ['i do not know'], ["{phrase}, but I'll find out"]),
]);

describe('the sentence after a rewrite', () => {
  const text = 'Thanks for the draft. Hi Tom, send me the numbers by Monday. Cheers';

  it('is the whole sentence, with the words Kuuki wrote marked', () => {
    const [f] = engine.analyze(text);
    expect(previewParts(text, f!, 0)).toEqual([
      { text: 'Hi Tom, ', changed: false },
      { text: 'could you ', changed: true },
      { text: 'send me the numbers by Monday', changed: false },
      { text: '?', changed: true },
    ]);
    expect(previewText(text, f!, 0)).toBe('Hi Tom, could you send me the numbers by Monday?');
  });

  it('follows the text after an edit elsewhere in the sentence (findings are re-mapped, not re-found)', () => {
    const [f] = engine.analyze('Honestly this is garbage. Thanks');
    const edited = 'Honestly, Ken, this is garbage. Thanks';
    const [moved] = remap('Honestly this is garbage. Thanks', edited, [f!]);
    expect(sentenceAround(edited, moved!.start, moved!.end)).toEqual({ start: 0, end: 31 });
    expect(previewText(edited, moved!, 0)).toBe('Honestly, Ken, this may need more work.');
  });

  it('shortens a long sentence’s untouched ends', () => {
    const long = `${'We met with the whole procurement team on the third floor to walk through it, and '.repeat(2)}this is garbage.`;
    const [f] = engine.analyze(long);
    const [first] = previewParts(long, f!, 0);
    expect(first!.text.startsWith('…')).toBe(true);
    expect(first!.text.length).toBeLessThanOrEqual(62);
  });

  it('says when a rewrite keeps the phrase and only adds to it', () => {
    const [f] = engine.analyze('I do not know.');
    expect(f?.adds).toEqual([true]);
    expect(applyRewrite('I do not know.', f!)).toBe("I do not know, but I'll find out.");
  });

  it('accepting two findings of one sentence, in either order, gives one result', () => {
    const two = 'Send the deck by Friday, this is garbage.';
    const once = (t: string, pick: (n: number) => number) => {
      const fs = engine.analyze(t);
      return fs.length ? applyRewrite(t, fs[pick(fs.length)]!) : t;
    };
    const firstThenLast = once(once(two, () => 0), (n) => n - 1);
    const lastThenFirst = once(once(two, (n) => n - 1), () => 0);
    expect(firstThenLast).toBe(lastThenFirst);
    expect(firstThenLast).not.toMatch(/[{}]/);
  });
});
