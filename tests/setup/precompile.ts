import { buildCli } from '../../scripts/build-cli';

/** Every test run reads the precompiled phrasebook made from the sources as they are now, and runs the CLI built from them. */
export default async function setup(): Promise<void> {
  await buildCli();
}
