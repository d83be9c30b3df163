import { type PhrasebookSource, loadPhrasebook } from './load';
import type { Entry } from './schema';

// Every file under phrasebook/ is listed here (a test fails when one is missing), so the same
// data loads in the extension, the CLI and the tests without a bundler-specific glob.
import enCriticism from '../../phrasebook/en/criticism.json';
import enSuggestions from '../../phrasebook/en/suggestions.json';
import enWorkplace from '../../phrasebook/en/workplace.json';
import jaRefusal from '../../phrasebook/ja/refusal.json';

export const BUILTIN_SOURCES: readonly PhrasebookSource[] = [
  { file: 'phrasebook/en/criticism.json', data: enCriticism },
  { file: 'phrasebook/en/suggestions.json', data: enSuggestions },
  { file: 'phrasebook/en/workplace.json', data: enWorkplace },
  { file: 'phrasebook/ja/refusal.json', data: jaRefusal },
];

let entries: Entry[] | undefined;

/** The built-in phrasebook, validated once; throws PhrasebookError naming file, entry and field. */
export function builtinEntries(): Entry[] {
  return (entries ??= loadPhrasebook(BUILTIN_SOURCES));
}

/** The file an entry comes from, for error messages about its patterns. */
export function fileOfEntry(id: string): string | undefined {
  return BUILTIN_SOURCES.find(({ data }) =>
    (data as { entries?: { id?: string }[] }).entries?.some((e) => e.id === id),
  )?.file;
}
