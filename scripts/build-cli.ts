/**
 * npm run build:cli — bundles `kuuki` into dist/cli.mjs (not committed), so the command runs
 * plain JavaScript instead of transpiling TypeScript at every start. The precompiled phrasebook
 * and compromise are bundled in: one file loads faster than compromise's few hundred modules
 * (measured here: ~340 ms against ~490 ms for `import 'compromise/two'`). Run by
 * postinstall, npm run build, and every test run.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { compilePhrasebookFiles } from './phrasebook-compile';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(ROOT, 'dist/cli.mjs');

export async function buildCli(): Promise<void> {
  compilePhrasebookFiles();
  await build({
    entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
