import nlp from 'compromise/two';
import type { Slot } from './sentence';

/**
 * Says an English slot's first verb in another form ("send the report" → "sending the
 * report"), with compromise's own conjugation tables: the writer's other words stay as written.
 */
export const ENGLISH_FORMS = ['gerund', 'base', 'past', 'third'] as const;
export type EnglishForm = (typeof ENGLISH_FORMS)[number];

const world = nlp.world() as unknown as {
  model: unknown;
  methods: {
    two: {
      transform: {
        verb: {
          conjugate(infinitive: string, model: unknown): Record<string, string | undefined>;
          toInfinitive(word: string, model: unknown, tense: string): string;
        };
      };
    };
  };
};
const { conjugate, toInfinitive } = world.methods.two.transform.verb;

const TENSES = ['PastTense', 'PresentTense', 'Gerund', 'Participle'];
const FORM_KEY: Record<EnglishForm, string> = { gerund: 'Gerund', base: 'Infinitive', past: 'PastTense', third: 'PresentTense' };

export function inflectEnglish(slot: Slot, form: EnglishForm): string | null {
  const verb = slot.terms?.find((t) => t.tags.includes('Verb') && !t.tags.includes('Auxiliary'));
  if (!verb) return null;
  const word = verb.text.toLowerCase();
  const tense = verb.tags.includes('Infinitive') ? undefined : TENSES.find((t) => verb.tags.includes(t));
  const infinitive = tense ? toInfinitive(word, world.model, tense) : word;
  const said = form === 'base' ? infinitive : conjugate(infinitive, world.model)[FORM_KEY[form]];
  if (!said) return null;
  const from = verb.start - slot.start;
  return slot.text.slice(0, from) + said + slot.text.slice(from + (verb.end - verb.start));
}
