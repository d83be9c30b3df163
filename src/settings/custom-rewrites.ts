import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { LANGS, type MatchableEntry } from '../phrasebook/schema';
import { describeIssues, quarantine } from './store';

/** A rewrite the user added: blunt phrase patterns → softer rewrites. */
export const customRewriteSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  lang: z.enum(LANGS),
  patterns: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
  rewrites: z.array(z.string().trim().min(1).max(300)).min(1).max(10),
  equivalent: z.string().max(300).default(''),
  note: z.string().max(200).default(''),
  updatedAt: z.number(),
});
export type CustomRewrite = z.infer<typeof customRewriteSchema>;

/** The engine's view of a custom rewrite. */
export function toEntry(c: CustomRewrite): MatchableEntry {
  return {
    id: `${c.lang}-custom-${c.id}`,
    lang: c.lang,
    category: 'custom',
    patterns: c.patterns,
    rewrites: c.rewrites,
    equivalent: c.equivalent,
    why: c.note,
  };
}

const customItem = storage.defineItem<unknown>('sync:customRewrites', { fallback: [], version: 1 });

export async function getCustomRewrites(): Promise<CustomRewrite[]> {
  const raw = await customItem.getValue();
  const list = Array.isArray(raw) ? raw : [];
  const good: CustomRewrite[] = [];
  for (const item of list) {
    const parsed = customRewriteSchema.safeParse(item);
    if (parsed.success) good.push(parsed.data);
    else await quarantine('sync:customRewrites', item, describeIssues(parsed.error));
  }
  return good;
}

export async function saveCustomRewrites(list: CustomRewrite[]): Promise<void> {
  await customItem.setValue(list);
}

export function watchCustomRewrites(onChange: () => void): () => void {
  return customItem.watch(() => onChange());
}
