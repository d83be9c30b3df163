import { z } from 'zod';

/** Languages Kuuki reads and writes. */
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * Who the writer is writing to. Business writing has registers: to a teammate, です・ます with a
 * light cushion (or plain-polite English); to a manager or a client, 尊敬語・謙譲語 (or formal
 * English). An entry's `rewrites` are for a manager; `byRegister` says where another reader differs.
 */
export const REGISTERS = ['teammate', 'manager', 'client'] as const;
export type Register = (typeof REGISTERS)[number];
/** What an entry's own `rewrites` and `examples` are written for. */
export const DEFAULT_REGISTER: Register = 'manager';

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

/** How an entry reads to one reader: its rewrites there, and examples with the sentence after one click. */
export const registerVariantSchema = z.strictObject({
  rewrites: z.array(line(LIMITS.rewrite)).min(1).max(LIMITS.list),
  examples: z.array(exampleSchema).min(1, 'needs at least 1 example').max(LIMITS.list),
});
export type RegisterVariant = z.infer<typeof registerVariantSchema>;

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
    /**
     * The readers the entry is for: it is flagged only when writing to one of them (了解しました
     * is fine to a teammate). Default: every reader.
     */
    registers: z.array(z.enum(REGISTERS)).min(1).max(REGISTERS.length).optional(),
    /**
     * Rewrites for a reader other than a manager, where they differ (a teammate: もらえますか,
     * not いただけますでしょうか), each with its own examples. Readers not listed get `rewrites`.
     */
    byRegister: z.partialRecord(z.enum(REGISTERS), registerVariantSchema).optional(),
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
  })
  .refine((e) => !e.registers || new Set(e.registers).size === e.registers.length, {
    message: 'lists a register twice',
    path: ['registers'],
  })
  .refine((e) => Object.keys(e.byRegister ?? {}).every((r) => !e.registers || e.registers.includes(r as Register)), {
    message: 'has rewrites for a register the entry is not for (see "registers")',
    path: ['byRegister'],
  });

export type Entry = z.infer<typeof entrySchema>;

/** What the engine needs of an entry: the user's own rewrites carry no examples. */
export type MatchableEntry = Omit<Entry, 'examples' | 'nearMisses' | 'byRegister'> & {
  byRegister?: Partial<Record<Register, { rewrites: string[] }>>;
};

/** Whether an entry is flagged when writing to `register`. */
export const appliesTo = (entry: { registers?: readonly Register[] }, register: Register): boolean =>
  !entry.registers || entry.registers.includes(register);

/** The rewrites an entry offers when writing to `register`. */
export const rewritesFor = (entry: Pick<MatchableEntry, 'rewrites' | 'byRegister'>, register: Register): readonly string[] =>
  entry.byRegister?.[register]?.rewrites ?? entry.rewrites;

/**
 * The register an entry's own examples are written for: a manager, unless the entry is not for
 * managers; then its first reader without rewrites of their own.
 */
export const examplesRegister = (entry: Pick<Entry, 'registers' | 'byRegister'>): Register =>
  appliesTo(entry, DEFAULT_REGISTER)
    ? DEFAULT_REGISTER
    : (entry.registers!.find((r) => !entry.byRegister?.[r]) ?? entry.registers![0]!);

/** Every example of an entry with the register it is for: its own, then each reader's. */
export const examplesByRegister = (entry: Pick<Entry, 'examples' | 'registers' | 'byRegister'>): { register: Register; example: Example }[] => [
  ...entry.examples.map((example) => ({ register: examplesRegister(entry), example })),
  ...Object.entries(entry.byRegister ?? {}).flatMap(([register, v]) =>
    v!.examples.map((example) => ({ register: register as Register, example })),
  ),
];

/** A phrasebook file: a family of entries. `$schema` lets editors validate it. */
export const phrasebookFileSchema = z.strictObject({
  $schema: z.string().optional(),
  entries: z.array(entrySchema).min(1),
});

export type PhrasebookFile = z.infer<typeof phrasebookFileSchema>;
