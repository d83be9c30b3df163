/**
 * npm run build:cli — bundles `kuuki` into dist/cli.mjs (not committed), so the command runs
 * plain JavaScript instead of transpiling TypeScript at every start. The precompiled phrasebook
 * is read from dist/engine.json. compromise (~200 ms to load: it expands its lexicon on load) and the phrasebook
 * as `kuuki list` shows it (2 MB) are bundled on their own, dist/compromise.cjs and
 * dist/shown.cjs, and loaded on first use: `kuuki check` on text no English pattern could match
 * never loads compromise. One file per part loads faster than compromise's few hundred modules.
 * Run by postinstall, npm run build, and every test run.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, build } from 'esbuild';
import { esbuildExpandedModel } from './compromise-model';
import { GENERATED_DIR, compilePhrasebookFiles } from './phrasebook-compile';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(ROOT, 'dist/cli.mjs');

/** A module the CLI loads on first use: its own CommonJS bundle, and a stand-in that requires it. */
interface LazyPart {
  /** The import it stands in for, as written in src/. */
  filter: RegExp;
  /** The real module's exports, as a module esbuild resolves from ROOT. */
  reexport: string;
  file: string;
  /** The stand-in's source; `load()` gives the real module's exports. */
  facade: string;
}

const LAZY: LazyPart[] = [
  {
    filter: /^compromise\/two$/,
    reexport: "export { default } from 'compromise/two';",
    file: 'compromise.cjs',
    // nlp is both a function and a namespace (nlp.tokenize, nlp.parseMatch, nlp.world).
    facade: `const nlp = new Proxy(function nlp() {}, {
  apply: (_, self, args) => load().default(...args),
  get: (_, key) => { const lib = load().default; const v = lib[key]; return typeof v === 'function' ? v.bind(lib) : v; },
});
export default nlp;`,
  },
  {
    filter: /\/phrasebook\/shown$/,
    reexport: "export * from './src/phrasebook/shown';",
    file: 'shown.cjs',
    facade: 'export const shownEntries = () => load().shownEntries();',
  },
];

/** The precompiled phrasebook, read from dist/engine.json: Node reads JSON faster than it compiles a script holding it. */
const ENGINE_ARTEFACT = `import { readFileSync } from 'node:fs';
export default JSON.parse(readFileSync(new URL('./engine.json', import.meta.url), 'utf8'));`;

const lazyParts: Plugin = {
  name: 'kuuki-lazy-parts',
  setup(b) {
    for (const part of LAZY) {
      b.onResolve({ filter: part.filter }, (args) =>
        args.importer.startsWith(path.join(ROOT, 'src')) ? { path: part.file, namespace: 'kuuki-lazy' } : undefined,
      );
    }
    b.onResolve({ filter: /\/phrasebook\/generated\/engine$/ }, () => ({ path: 'engine.json', namespace: 'kuuki-artefact' }));
    b.onLoad({ filter: /.*/, namespace: 'kuuki-artefact' }, () => ({ loader: 'js', contents: ENGINE_ARTEFACT }));
    b.onLoad({ filter: /.*/, namespace: 'kuuki-lazy' }, (args) => {
      const part = LAZY.find((p) => p.file === args.path)!;
      return {
        loader: 'js',
        contents: `import { createRequire } from 'node:module';
let lib;
const load = () => (lib ??= createRequire(import.meta.url)('./${part.file}'));
${part.facade}`,
      };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
} as const;

export async function buildCli(): Promise<void> {
  compilePhrasebookFiles();
  mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  copyFileSync(path.join(GENERATED_DIR, 'engine.json'), path.join(ROOT, 'dist/engine.json'));
  await Promise.all([
    build({ ...common, entryPoints: [path.join(ROOT, 'src/cli/main.ts')], outfile: CLI_BUNDLE, format: 'esm', plugins: [lazyParts] }),
    ...LAZY.map((part) =>
      build({
        ...common,
        stdin: { contents: part.reexport, resolveDir: ROOT, loader: 'ts' },
        outfile: path.join(ROOT, 'dist', part.file),
        format: 'cjs',
        // Resolve as an ES module does, so this is the code the tests and the extension run.
        conditions: ['import'],
        mainFields: ['module', 'main'],
        plugins: [esbuildExpandedModel],
      }),
    ),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
