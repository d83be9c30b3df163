import { z } from 'zod';
import { LANGS, REGISTERS } from '../phrasebook/schema';

export const UI_LANGUAGES = ['auto', 'en', 'ja'] as const;
export const MAX_REGISTER_SITES = 100;

export const settingsSchema = z.object({
  /** Languages to check. */
  langs: z.array(z.enum(LANGS)).min(1).default(['en', 'ja']),
  /** Show the other language's equivalent in the card. */
  showEquivalents: z.boolean().default(true),
  uiLanguage: z.enum(UI_LANGUAGES).default('auto'),
  /** Sites on by default that the user turned off (hostnames). */
  disabledSites: z.array(z.string()).default([]),
  /** Other sites the user turned on (hostnames). */
  enabledSites: z.array(z.string()).default([]),
  /**
   * Who the user writes to on a site, where they chose other than its default (hostname →
   * register; see registers.ts). Kept small: one sync record, at most MAX_REGISTER_SITES sites.
   */
  registers: z
    .record(z.string().min(1).max(253), z.enum(REGISTERS))
    .refine((r) => Object.keys(r).length <= MAX_REGISTER_SITES, `at most ${MAX_REGISTER_SITES} sites`)
    .default({}),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** A phrase the user asked never to be flagged again. */
export const neverFlagSchema = z.object({
  /** The phrase as folded by the engine's phraseKey(). */
  phrase: z.string().min(1).max(400),
  entryId: z.string().max(200),
  addedAt: z.number(),
});
export type NeverFlag = z.infer<typeof neverFlagSchema>;
