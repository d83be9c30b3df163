#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx kuuki` works straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
main();
