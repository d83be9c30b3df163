import type { z } from 'zod';
import { type Entry, phrasebookFileSchema } from './schema';

/** One problem in one phrasebook file, precise enough to fix without searching. */
export interface PhrasebookProblem {
  file: string;
  entryId?: string;
  field: string;
  message: string;
}

export class PhrasebookError extends Error {
  constructor(readonly problems: PhrasebookProblem[]) {
    super(`Invalid phrasebook:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'PhrasebookError';
  }
}

export function formatProblem(p: PhrasebookProblem): string {
  const where = p.entryId ? ` entry "${p.entryId}"` : '';
  return `  ${p.file}:${where} ${p.field}: ${p.message}`;
}

export interface PhrasebookSource {
  /** Path shown in errors, e.g. "phrasebook/en/refusal.json". */
  file: string;
  data: unknown;
}

function problemsFrom(file: string, data: unknown, error: z.ZodError): PhrasebookProblem[] {
  const entries = (data as { entries?: unknown[] } | null)?.entries;
  return error.issues.map((issue) => {
    const [first, index, ...rest] = issue.path;
    if (first === 'entries' && typeof index === 'number') {
      const raw = Array.isArray(entries) ? (entries[index] as { id?: unknown } | undefined) : undefined;
      const entryId = typeof raw?.id === 'string' ? raw.id : `#${index}`;
      return { file, entryId, field: rest.join('.') || '(entry)', message: issue.message };
    }
    return { file, field: issue.path.join('.') || '(file)', message: issue.message };
  });
}

/**
 * Validates every file and returns all entries, or throws one error listing
 * every problem (file, entry id, field) so a broken phrasebook never loads half-way.
 */
export function loadPhrasebook(sources: readonly PhrasebookSource[]): Entry[] {
  const problems: PhrasebookProblem[] = [];
  const entries: Entry[] = [];
  const seen = new Map<string, string>();
  for (const { file, data } of sources) {
    const parsed = phrasebookFileSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...problemsFrom(file, data, parsed.error));
      continue;
    }
    for (const entry of parsed.data.entries) {
      const other = seen.get(entry.id);
      if (other) {
        problems.push({ file, entryId: entry.id, field: 'id', message: `duplicate of the entry in ${other}` });
        continue;
      }
      seen.set(entry.id, file);
      entries.push(entry);
    }
  }
  if (problems.length) throw new PhrasebookError(problems);
  return entries;
}
