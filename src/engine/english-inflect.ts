import nlp from 'compromise/two';
import type { Slot } from './sentence';

/**
 * Says an English slot's first verb in another form ("send the report" → "sending the
 * report"), with compromise's own conjugation tables: the writer's other words stay as written.
 */
export const ENGLISH_FORMS = ['gerund', 'base', 'past', 'participle', 'third'] as const;
export type EnglishForm = (typeof ENGLISH_FORMS)[number];

type World = {
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
// Asked for on first use: a host may load compromise only once a sentence needs it.
let world: World | undefined;
const compromiseWorld = () => (world ??= nlp.world() as unknown as World);

// compromise tags "doing" both PresentTense and Gerund: the more specific tag decides.
const TENSES = ['Gerund', 'Participle', 'PastTense', 'PresentTense'];
const FORM_KEY: Record<EnglishForm, string> = {
  gerund: 'Gerund',
  base: 'Infinitive',
  past: 'PastTense',
  participle: 'Participle',
  third: 'PresentTense',
};

/**
 * The slot's verb is its first word (patterns put it there: `[<action>#Verb .+]`), after any
 * adverbs or "not" ("not launch" → "not launching"). Its tags only tell its tense: a base form
 * compromise took for a noun ("work" in "doesn't work") is still the verb the pattern bound.
 */
export function inflectEnglish(slot: Slot, form: EnglishForm): string | null {
  const verb = slot.terms?.find((t) => !t.tags.includes('Adverb') && !t.tags.includes('Negative'));
  if (!verb || !/^[a-z]+$/i.test(verb.text)) return null;
  const word = verb.text.toLowerCase();
  const tense = verb.tags.includes('Infinitive') ? undefined : TENSES.find((t) => verb.tags.includes(t));
  const { model, methods } = compromiseWorld();
  const { conjugate, toInfinitive } = methods.two.transform.verb;
  const infinitive = tense ? toInfinitive(word, model, tense) : word;
  const forms = conjugate(infinitive, model);
  // Regular verbs have no separate participle: it is their past form (broken, but fixed).
  const said = form === 'base' ? infinitive : (forms[FORM_KEY[form]] ?? (form === 'participle' ? forms.PastTense : undefined));
  if (!said) return null;
  const from = verb.start - slot.start;
  return slot.text.slice(0, from) + said + slot.text.slice(from + (verb.end - verb.start));
}
