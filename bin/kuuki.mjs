#!/usr/bin/env node
// Runs the CLI as bundled JavaScript (dist/cli.mjs, built by `npm install` and `npm run build:cli`).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('kuuki: dist/cli.mjs is missing: run "npm run build:cli" (npm install runs it too)\n');
  process.exit(2);
}
const { main } = await import(bundle.href);
main();
