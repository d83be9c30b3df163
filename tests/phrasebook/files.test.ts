import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SOURCES, builtinEntries } from '../../src/phrasebook/builtin';
import { phrasebookJsonSchema } from '../../src/phrasebook/json-schema';
import { PhrasebookError, loadPhrasebook } from '../../src/phrasebook/load';
import { afterOneClickEach } from '../../scripts/eval/rewrites';
import { analyze } from '../../src/engine';

describe('phrasebook files', () => {
  it('lists every file under phrasebook/ in the built-in sources', () => {
    const onDisk = ['en', 'ja'].flatMap((lang) =>
      readdirSync(`phrasebook/${lang}`)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `phrasebook/${lang}/${f}`),
    );
    expect(BUILTIN_SOURCES.map((s) => s.file).sort()).toEqual(onDisk.sort());
  });

  it('keeps the JSON Schema beside the data up to date (npm run phrasebook:schema)', () => {
    expect(readFileSync('phrasebook/phrasebook.schema.json', 'utf8')).toBe(phrasebookJsonSchema());
  });

  it('keeps each entry in the folder of its language', () => {
    for (const { file, data } of BUILTIN_SOURCES)
      for (const e of (data as { entries: { lang: string }[] }).entries ?? []) expect(file).toContain(`/${e.lang}/`);
  });

  it('gives the results the README promises, one click on each finding', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('| you wrote | after one click |'));
    const rows = [...table.matchAll(/^\| (?!you wrote|---)(.+?) \| (.+?) \|$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const [wrote, after] of rows) expect(afterOneClickEach(wrote, analyze(wrote)), wrote).toBe(after);
  });
});

describe('loading a malformed phrasebook', () => {
  const good = JSON.parse(readFileSync('phrasebook/en/criticism.json', 'utf8'));
  const entry = good.entries[0];

  it('names the file, the entry id and the field at fault', () => {
    const bad = { entries: [{ ...entry, rewrites: ['only one'] }] };
    expect(() => loadPhrasebook([{ file: 'phrasebook/en/bad.json', data: bad }])).toThrowError(
      /phrasebook\/en\/bad\.json: entry "en-this-doesnt-work" rewrites: needs at least 2 rewrites/,
    );
  });

  it('reports every problem at once, including unknown fields and duplicate ids', () => {
    const bad = { entries: [{ ...entry, category: 'rudeness', colour: 'red' }] };
    const twice = { entries: [entry, entry] };
    try {
      loadPhrasebook([
        { file: 'x.json', data: bad },
        { file: 'z.json', data: twice },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PhrasebookError);
      const fields = (e as PhrasebookError).problems.map((p) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['category', '(entry)', 'id']));
    }
  });

  it('refuses a file that is not a phrasebook at all', () => {
    expect(() => loadPhrasebook([{ file: 'y.json', data: [1, 2] }])).toThrowError(/y\.json: \(file\)/);
  });
});
