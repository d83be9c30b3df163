import { type PhrasebookSource, loadPhrasebook } from './load';
import type { Entry } from './schema';

// Every file under phrasebook/ is listed here (a test fails when one is missing), so the same
// data loads in the extension, the CLI and the tests without a bundler-specific glob.
import enAbsolutes from '../../phrasebook/en/absolutes.json';
import enBlame from '../../phrasebook/en/blame.json';
import enCriticism from '../../phrasebook/en/criticism.json';
import enDismissal from '../../phrasebook/en/dismissal.json';
import enPassiveAggressive from '../../phrasebook/en/passive-aggressive.json';
import enPressure from '../../phrasebook/en/pressure.json';
import enQuestions from '../../phrasebook/en/questions.json';
import enRefusal from '../../phrasebook/en/refusal.json';
import enSuggestions from '../../phrasebook/en/suggestions.json';
import enWorkplace from '../../phrasebook/en/workplace.json';
import jaAbsolutes from '../../phrasebook/ja/absolutes.json';
import jaBlame from '../../phrasebook/ja/blame.json';
import jaCriticism from '../../phrasebook/ja/criticism.json';
import jaDismissal from '../../phrasebook/ja/dismissal.json';
import jaEtiquette from '../../phrasebook/ja/etiquette.json';
import jaPassiveAggressive from '../../phrasebook/ja/passive-aggressive.json';
import jaPressure from '../../phrasebook/ja/pressure.json';
import jaQuestions from '../../phrasebook/ja/questions.json';
import jaRefusal from '../../phrasebook/ja/refusal.json';
import jaSuggestions from '../../phrasebook/ja/suggestions.json';
import jaWorkplace from '../../phrasebook/ja/workplace.json';

export const BUILTIN_SOURCES: readonly PhrasebookSource[] = [
  { file: 'phrasebook/en/absolutes.json', data: enAbsolutes },
  { file: 'phrasebook/en/blame.json', data: enBlame },
  { file: 'phrasebook/en/criticism.json', data: enCriticism },
  { file: 'phrasebook/en/dismissal.json', data: enDismissal },
  { file: 'phrasebook/en/passive-aggressive.json', data: enPassiveAggressive },
  { file: 'phrasebook/en/pressure.json', data: enPressure },
  { file: 'phrasebook/en/questions.json', data: enQuestions },
  { file: 'phrasebook/en/refusal.json', data: enRefusal },
  { file: 'phrasebook/en/suggestions.json', data: enSuggestions },
  { file: 'phrasebook/en/workplace.json', data: enWorkplace },
  { file: 'phrasebook/ja/absolutes.json', data: jaAbsolutes },
  { file: 'phrasebook/ja/blame.json', data: jaBlame },
  { file: 'phrasebook/ja/criticism.json', data: jaCriticism },
  { file: 'phrasebook/ja/dismissal.json', data: jaDismissal },
  { file: 'phrasebook/ja/etiquette.json', data: jaEtiquette },
  { file: 'phrasebook/ja/passive-aggressive.json', data: jaPassiveAggressive },
  { file: 'phrasebook/ja/pressure.json', data: jaPressure },
  { file: 'phrasebook/ja/questions.json', data: jaQuestions },
  { file: 'phrasebook/ja/refusal.json', data: jaRefusal },
  { file: 'phrasebook/ja/suggestions.json', data: jaSuggestions },
  { file: 'phrasebook/ja/workplace.json', data: jaWorkplace },
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
