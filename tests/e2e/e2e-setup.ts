import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CHROMIUM, EXTENSION_DIR, FIXTURES_BUILD, FIXTURES_DIR } from './harness';

/** Bundles the editors' fixture scripts (the real editors from npm) once per run. */
export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: run "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('No built extension: run "npm run build" first.');
  mkdirSync(FIXTURES_BUILD, { recursive: true });
  const entries = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => join(FIXTURES_DIR, f));
  if (entries.length)
    await build({
      entryPoints: entries,
      bundle: true,
      format: 'iife',
      outdir: FIXTURES_BUILD,
      logLevel: 'warning',
      loader: { '.css': 'text' },
      // React and Draft.js read NODE_ENV; the fixtures run the production builds.
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    });
}
