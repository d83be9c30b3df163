import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SOURCES } from '../../src/phrasebook/builtin';
import { sourcesHash } from '../../src/phrasebook/source-hash';

// The test run builds dist/cli.mjs first (tests/setup/precompile.ts), as npm install does.
describe('the built CLI', () => {
  it('is plain JavaScript with the phrasebook as it is now, and runs without tsx', () => {
    expect(readFileSync('dist/engine.json', 'utf8')).toContain(sourcesHash(BUILTIN_SOURCES));
    expect(readFileSync('bin/kuuki.mjs', 'utf8')).not.toMatch(/tsx/);
    // Node would refuse TypeScript: the run proves nothing is transpiled on the way.
    const r = spawnSync('node', ['bin/kuuki.mjs', 'check', '-'], { input: "This method doesn't work.\n", encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("doesn't work");
  });

  it('loads compromise only when a sentence needs tagging', () => {
    // NODE_DEBUG=module names every CommonJS file Node loads; compromise is dist/compromise.cjs.
    const check = (input: string) =>
      spawnSync('node', ['bin/kuuki.mjs', 'check', '-'], { input, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
    const plain = check('It works well.\nGood morning.\n承知しました。\n');
    expect(plain.status).toBe(0);
    expect(plain.stderr).not.toContain('compromise.cjs');
    const blunt = check("This method doesn't work.\n");
    expect(blunt.status).toBe(1);
    expect(blunt.stderr).toContain('compromise.cjs');
  });
});
