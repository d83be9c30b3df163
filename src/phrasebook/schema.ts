import { z } from 'zod';

/** Languages Kuuki reads and writes. */
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The four moves of Japanese assertiveness, then the everyday blunt families.
 * Order matters: the popup lists categories in this order.
 */
export const CATEGORIES = [
  'indirect-suggestion',
  'options-not-opinions',
  'soft-criticism',
  'polite-strong-ideas',
  'disagreement',
  'refusal',
  'urgency',
  'rhetorical-why',
  'blame',
  'absolutes',
  'passive-aggressive',
  'dismissal',
  'promotion',
  'dont-know',
  /** Business Japanese (敬語) itself: set phrases, double honorifics, register slips. */
  'etiquette',
  /** The user's own rewrites. */
  'custom',
] as const;
export type Category = (typeof CATEGORIES)[number];

const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'must be a single line');

/** Limits keep patterns cheap to match and entries readable in a small card. */
export const LIMITS = { pattern: 320, rewrite: 300, why: 200, sentence: 400, list: 40 } as const;

/**
 * A sentence the entry must flag, with the sentence as it reads after one click on the entry's
 * first rewrite — so a reviewer reads whole sentences, and the tests hold the engine to them.
 */
export const exampleSchema = z.strictObject({ text: line(LIMITS.sentence), after: line(LIMITS.sentence) });
export type Example = z.infer<typeof exampleSchema>;

export const entrySchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^(en|ja)-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must look like "en-some-words" or "ja-some-words"'),
    lang: z.enum(LANGS),
    category: z.enum(CATEGORIES),
    /** Blunt forms. en: compromise match syntax; ja: phrase patterns (see docs/patterns.md). */
    patterns: z.array(line(LIMITS.pattern)).min(1).max(LIMITS.list),
    /**
     * Overuse: flag the entry's phrases only when one message holds at least this many of them
     * (three させていただきます read as 慇懃無礼; one is fine).
     */
    perMessage: z.number().int().min(2).max(10).optional(),
    /**
     * Mixed styles: flag the entry's phrases only when another sentence of the message matches
     * one of these phrase patterns (である in a message written in です・ます).
     */
    mixedWith: z.array(line(LIMITS.pattern)).min(1).max(LIMITS.list).optional(),
    /** Forms that look blunt to the patterns but are fine; a finding overlapping one is dropped. */
    exceptions: z.array(line(LIMITS.pattern)).max(LIMITS.list).optional(),
    /**
     * Softer forms in the same language, templates over the writer's words: `{name}` is what a
     * pattern bound as `name`, `{name|gerund}` / `{name|te}` the same said in another form.
     */
    rewrites: z.array(line(LIMITS.rewrite)).min(2, 'needs at least 2 rewrites').max(LIMITS.list),
    /** The soft form of the same idea in the other language. */
    equivalent: line(LIMITS.rewrite),
    /** One line: what the blunt form signals, and what the soft form does. */
    why: line(LIMITS.why),
    /** Sentences this entry must flag, each with the sentence after one click: { text, after }. */
    examples: z.array(exampleSchema).min(2, 'needs at least 2 examples').max(LIMITS.list),
    /** Sentences that share words with the pattern but are fine: no entry may flag them. */
    nearMisses: z.array(line(LIMITS.sentence)).min(1, 'needs at least 1 near-miss').max(LIMITS.list),
  })
  .refine((e) => e.id.startsWith(`${e.lang}-`), {
    message: 'id must start with its language ("en-" or "ja-")',
    path: ['id'],
  });

export type Entry = z.infer<typeof entrySchema>;

/** What the engine needs of an entry: the user's own rewrites carry no examples. */
export type MatchableEntry = Omit<Entry, 'examples' | 'nearMisses'>;

/** A phrasebook file: a family of entries. `$schema` lets editors validate it. */
export const phrasebookFileSchema = z.strictObject({
  $schema: z.string().optional(),
  entries: z.array(entrySchema).min(1),
});

export type PhrasebookFile = z.infer<typeof phrasebookFileSchema>;
