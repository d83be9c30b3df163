import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nlp from 'compromise/two';
import { describe, expect, it } from 'vitest';
import { builtinEntries } from '../../src/phrasebook/builtin';
import { expandedModelSource } from '../../scripts/compromise-model';

/**
 * The CLI and the extension bundle compromise with its lexicon expanded at build time
 * (scripts/compromise-model.ts). That compromise must be compromise: the same world, the same
 * tags on every sentence. dist/compromise.cjs is built by the test setup, as by npm install.
 */
type Nlp = typeof nlp;
const built = createRequire(import.meta.url)(path.resolve('dist/compromise.cjs')).default as Nlp;

// RegExps, Sets and functions as text, so two worlds can be compared as JSON.
const plain = (_: string, v: unknown) =>
  v instanceof RegExp ? `RegExp ${v}` : v instanceof Set ? ['Set', ...v] : typeof v === 'function' ? `function ${v.name}` : v;
const worldOf = (lib: Nlp) => JSON.stringify((lib.world() as { model: unknown }).model, plain);

function lines(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const file = path.join(dir, f.name);
    if (f.isDirectory()) return lines(file);
    if (!f.name.endsWith('.jsonl')) return [];
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
  });
}

describe("compromise with its lexicon expanded at build time", () => {
  it('is what the bundles hold', () => {
    expect(expandedModelSource()).not.toBeNull();
    expect(readFileSync('dist/compromise.cjs', 'utf8')).toMatch(/_multiCache: expanded\d*\._multiCache/);
  });

  it("has compromise's own world", () => {
    const ours = worldOf(built);
    expect(ours.length).toBeGreaterThan(500_000);
    expect(ours).toBe(worldOf(nlp));
  });

  it('tags every evaluation line, phrasebook example and near-miss as compromise does', () => {
    const texts = [
      ...lines('tests/eval'),
      ...builtinEntries().flatMap((e) => [...e.examples.map((x) => x.text), ...e.nearMisses]),
      readFileSync('scripts/bench/email.txt', 'utf8'),
    ];
    // Everything but each term's id, which carries a random part.
    const tags = (lib: Nlp, t: string) =>
      JSON.stringify(lib(t).json({ offset: true, terms: { offset: true } }), (k, v) => (k === 'id' ? undefined : v));
    const differ = texts.filter((t) => tags(built, t) !== tags(nlp, t));
    expect(differ).toEqual([]);
  }, 180_000);
});
