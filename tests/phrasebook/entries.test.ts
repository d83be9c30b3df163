import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { builtinEntries } from '../../src/phrasebook/builtin';

// prh-style: every entry carries its own specs, and the phrasebook is only as good as they are.
const entries = builtinEntries();
const engine = new Engine(entries);

describe.each(entries.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
  it.each(entry.examples)('flags: %s', (example) => {
    const findings = engine.analyze(example);
    expect(findings.map((f) => f.entryId)).toContain(entry.id);
  });

  it.each(entry.nearMisses)('leaves alone: %s', (nearMiss) => {
    expect(engine.analyze(nearMiss).map((f) => `${f.entryId}: ${f.text}`)).toEqual([]);
  });
});
