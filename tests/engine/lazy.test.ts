import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import nlp from 'compromise/two';
import { type MatchToken, Prefilter } from '../../src/engine/english-prefilter';
import { Engine } from '../../src/engine/engine';
import { englishTriggersOf } from '../../src/engine/lazy-matcher';
import { compilePhrase, phraseTriggers } from '../../src/engine/phrase';
import { builtinEntries } from '../../src/phrasebook/builtin';
import { EVAL_SETS } from '../../scripts/eval/measure';

// The shipped engine compiles patterns when first needed; it must find exactly what the eager one does.
const entries = builtinEntries();
const patterns = (lang: 'en' | 'ja') => entries.filter((e) => e.lang === lang).flatMap((e) => [...e.patterns, ...(e.exceptions ?? [])]);

describe('the lazy engine', () => {
  it('looks every English pattern up by words one of which it cannot match without', () => {
    // Valid when some requirement of the compiled prefilter has, in every alternative, a trigger word.
    const wrong = patterns('en').filter((p) => {
      const cheap = new Set(englishTriggersOf(p));
      const { required } = new Prefilter(nlp.parseMatch(p) as unknown as MatchToken[]);
      return !required.some((r) => r.alternatives.every((a) => a.some((w) => cheap.has(w))));
    });
    expect(wrong).toEqual([]);
  }, 60_000);

  it('looks every phrase pattern up by the triggers it compiles to', () => {
    const differ = patterns('ja').filter((p) => JSON.stringify(phraseTriggers(p)) !== JSON.stringify(compilePhrase(p, true).triggers));
    expect(differ).toEqual([]);
  }, 60_000);

  it('finds what the eager engine finds on every example, near-miss and evaluation line', () => {
    const eager = new Engine(entries);
    const lazy = new Engine(entries, { lazy: true });
    const evalLines = EVAL_SETS.flatMap((set) =>
      readdirSync(`tests/eval/${set}`)
        .filter((f) => f.endsWith('.jsonl'))
        .flatMap((f) => readFileSync(`tests/eval/${set}/${f}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string)),
    );
    // Every evaluation line, and an example and a near-miss of every fourth entry.
    const texts = [...entries.filter((_, i) => i % 4 === 0).flatMap((e) => [e.examples[0]!.text, e.nearMisses[0]!]), ...evalLines];
    const differ = texts.filter((t) => JSON.stringify(lazy.analyze(t)) !== JSON.stringify(eager.analyze(t)));
    expect(differ).toEqual([]);
  }, 180_000);
});
