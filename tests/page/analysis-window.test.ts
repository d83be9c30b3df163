import { describe, expect, it } from 'vitest';
import { analysisWindow } from '../../src/page/analysis-window';

describe('the analysis window', () => {
  it('is the whole text when it fits', () => {
    expect(analysisWindow('short text', 3, 100)).toEqual({ start: 0, end: 10 });
  });

  it('is a cap-sized window around the caret, its edges on line breaks', () => {
    const text = Array.from({ length: 400 }, (_, i) => `line ${i} says this method doesn't work`).join('\n');
    const caret = text.indexOf('line 200 ');
    const w = analysisWindow(text, caret, 2000);
    expect(w.end - w.start).toBeLessThanOrEqual(2000);
    expect(w.start).toBeLessThan(caret);
    expect(w.end).toBeGreaterThan(caret);
    expect(text[w.start - 1]).toBe('\n');
    for (const at of [0, 10, text.length - 5, text.length]) {
      const around = analysisWindow(text, at, 2000);
      expect([around.start <= at, around.end >= at, around.end - around.start <= 2000]).toEqual([true, true, true]);
    }
    expect(text[w.end - 1]).toBe('\n');
  });

  it('stays inside the text at either end and never splits a surrogate pair', () => {
    const text = '😀'.repeat(3000);
    for (const caret of [0, 3000, 6000, null]) {
      const w = analysisWindow(text, caret, 1001);
      expect(w.start).toBeGreaterThanOrEqual(0);
      expect(w.end).toBeLessThanOrEqual(text.length);
      expect(text.charCodeAt(w.start) & 0xfc00).not.toBe(0xdc00);
      expect(w.end === text.length || (text.charCodeAt(w.end) & 0xfc00) !== 0xdc00).toBe(true);
    }
  });
});
