/**
 * Checks the phrasebook before a build: every file valid, every pattern compiles, and
 * phrasebook/phrasebook.schema.json up to date; then writes the precompiled artefact. `--write` regenerates the JSON Schema.
 * Exits non-zero naming the file, entry and field at fault.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Engine } from '../src/engine/engine';
import { PatternError } from '../src/engine/types';
import { builtinEntries, fileOfEntry } from '../src/phrasebook/builtin';
import { phrasebookJsonSchema } from '../src/phrasebook/json-schema';
import { PhrasebookError } from '../src/phrasebook/load';
import { compilePhrasebookFiles } from './phrasebook-compile';

const SCHEMA_PATH = 'phrasebook/phrasebook.schema.json';

try {
  const expected = phrasebookJsonSchema();
  if (process.argv.includes('--write')) writeFileSync(SCHEMA_PATH, expected);
  const entries = builtinEntries();
  new Engine(entries);
  if (readFileSync(SCHEMA_PATH, 'utf8') !== expected) {
    console.error(`${SCHEMA_PATH} is out of date: run npm run phrasebook:schema`);
    process.exit(1);
  }
  compilePhrasebookFiles();
  const count = (lang: string) => entries.filter((e) => e.lang === lang).length;
  console.log(`phrasebook ok: ${count('en')} English and ${count('ja')} Japanese entries`);
} catch (e) {
  if (e instanceof PatternError) {
    console.error(`Invalid phrasebook:\n  ${fileOfEntry(e.entryId)}: ${e.message}`);
    process.exit(1);
  }
  if (e instanceof PhrasebookError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
