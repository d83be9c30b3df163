import { compilePhrasebookFiles } from '../../scripts/phrasebook-compile';

/** Every test run reads the precompiled phrasebook made from the sources as they are now. */
export default function setup(): void {
  compilePhrasebookFiles();
}
