import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinEngine } from '../../src/engine';
import { Engine } from '../../src/engine/engine';
import { packParsed, parseEnglishPattern, unpackParsed } from '../../src/engine/english';
import { PRECOMPILED_FORMAT, StaleArtefactError, precompile, specsFromPrecompiled } from '../../src/engine/precompiled';
import { BUILTIN_SOURCES, builtinEntries } from '../../src/phrasebook/builtin';
import generated from '../../src/phrasebook/generated/engine';
import { sourcesHash } from '../../src/phrasebook/source-hash';

const entries = builtinEntries();

function evalLines(dir = 'tests/eval'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const file = path.join(dir, f.name);
    if (f.isDirectory()) return evalLines(file);
    if (!f.name.endsWith('.jsonl')) return [];
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
  });
}

describe('the precompiled phrasebook', () => {
  it('is made from the sources as they are now', () => {
    expect(generated.format).toBe(PRECOMPILED_FORMAT);
    expect(generated.hash).toBe(sourcesHash(BUILTIN_SOURCES));
    expect(generated).toEqual(JSON.parse(JSON.stringify(precompile(entries, generated.hash))));
  }, 60_000);

  it('packs and unpacks compromise\'s parse of every English pattern without loss', () => {
    const english = entries.filter((e) => e.lang === 'en').flatMap((e) => [...e.patterns, ...(e.exceptions ?? [])]);
    const lost = english.filter((p) => {
      const parsed = parseEnglishPattern(p);
      const back = unpackParsed(JSON.parse(JSON.stringify(packParsed(parsed))));
      try {
        expect(back).toStrictEqual(parsed);
        return false;
      } catch {
        return true;
      }
    });
    expect(lost).toEqual([]);
  }, 60_000);

  it('holds no examples or near-misses', () => {
    const text = JSON.stringify(generated);
    expect(text).not.toContain('"examples"');
    expect(text).not.toContain('"nearMisses"');
  });

  it('refuses to load an artefact of another format', () => {
    expect(() => specsFromPrecompiled({ ...generated, format: PRECOMPILED_FORMAT + 1 })).toThrow(StaleArtefactError);
    expect(() => builtinEngine()).not.toThrow();
  });

  it('finds exactly what the source-built engine finds on every evaluation line, example and near-miss', () => {
    const source = new Engine(entries);
    const precompiled = builtinEngine();
    const lines = evalLines();
    expect(lines.length).toBeGreaterThan(900);
    const texts = [...lines, ...entries.flatMap((e) => [...e.examples.flatMap((x) => [x.text, x.after]), ...e.nearMisses])];
    const differ = texts.filter((t) => JSON.stringify(precompiled.analyze(t)) !== JSON.stringify(source.analyze(t)));
    expect(differ).toEqual([]);
    // The same text, all at once: sentences meet in one engine's cache as they do in a long draft.
    expect(precompiled.analyze(texts.join('\n'))).toEqual(source.analyze(texts.join('\n')));
  }, 300_000);
});
