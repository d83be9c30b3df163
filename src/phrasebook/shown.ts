import display from './generated/display';
import { DISPLAY_FORMAT, type DisplayEntry } from './display';

/**
 * The built-in entries as the popup and `kuuki list` show them, from the build-time artefact
 * (validated when it was made). Throws when the artefact is of another format than this code reads.
 */
export function shownEntries(): DisplayEntry[] {
  if (display?.format !== DISPLAY_FORMAT)
    throw new Error(
      `the phrasebook for display has format ${String(display?.format)}, this code reads format ${DISPLAY_FORMAT}: ` +
        'rebuild it with "npm run phrasebook:compile"',
    );
  return display.entries;
}
