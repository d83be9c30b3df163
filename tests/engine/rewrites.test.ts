import { describe, expect, it } from 'vitest';
import { applyRewrite, sentenceAfter } from '../../src/engine/apply';
import { Engine } from '../../src/engine/engine';
import { PatternError } from '../../src/engine/types';
import type { Entry } from '../../src/phrasebook/schema';

// Rewrites are edits of the writer's sentence: slots carry their words into each rewrite.
const entry = (e: Partial<Entry> & Pick<Entry, 'id' | 'patterns' | 'rewrites'>): Entry => ({
  lang: e.id.startsWith('ja-') ? 'ja' : 'en',
  category: 'urgency',
  equivalent: '—',
  why: '—',
  examples: [{ text: 'x', after: 'x' }, { text: 'y', after: 'y' }],
  nearMisses: ['z'],
  ...e,
});

const engine = new Engine([
  entry({
    id: 'en-we-should',
    category: 'indirect-suggestion',
    patterns: ['^[<pre>(#Expression|#ProperNoun|honestly|so|ok){0,3}] we (should|must) [<action>#Verb .+]'],
    rewrites: ['Perhaps we could {action}.', 'What do you think about {action|gerund}?'],
  }),
  entry({
    id: 'en-send-by',
    patterns: ['^[<pre>(hi|hey)? #Person?] [<action>(send|finish) .*? (by|before) #Date+]'],
    rewrites: ['Could you {action}?'],
  }),
  entry({
    id: 'ja-te-kudasai',
    patterns: ['{v|te}ください'],
    rewrites: ['{v}いただけますでしょうか。', '{v|ta}ほうがよさそうです。'],
  }),
  entry({
    id: 'ja-hayaku',
    patterns: ['(早く|さっさと){what}{v|te}(ください|くれ)'],
    rewrites: ['お早めに{what}{v|te}いただけますと助かります。'],
  }),
  entry({ id: 'ja-beki', patterns: ['{v|dict}べき(です|だ)'], rewrites: ['{v|te}はいかがでしょうか。'] }),
  entry({ id: 'ja-imperative', patterns: ['(早く|すぐ){v|imp}$'], rewrites: ['お早めに{v|te}いただけますか。'] }),
]);
const once = (text: string) => {
  const [f] = engine.analyze(text);
  return f ? applyRewrite(text, f) : text;
};

describe('rewrites keep the writer’s words', () => {
  it.each([
    ['We should use Postgres instead of MongoDB.', 'Perhaps we could use Postgres instead of MongoDB.'],
    ['Honestly, we should drop the beta.', 'Honestly, perhaps we could drop the beta.'],
    ['Send me the report by Friday.', 'Could you send me the report by Friday?'],
    ['Hi Tom, send me the numbers by Monday.', 'Hi Tom, could you send me the numbers by Monday?'],
    // The phrase does not end the sentence: the question takes over its final stop.
    ['Send me the deck by Friday so I can review it.', 'Could you send me the deck by Friday so I can review it?'],
    ['明日までに資料を送ってください。', '明日までに資料を送っていただけますでしょうか。'],
    ['金曜の15時までに見積もりを出してください。', '金曜の15時までに見積もりを出していただけますでしょうか。'],
    ['その案はやめるべきです。', 'その案はやめてはいかがでしょうか。'],
    ['早く資料を送ってください。', 'お早めに資料を送っていただけますと助かります。'],
    ['さっさと見積もりを出してくれ', 'お早めに見積もりを出していただけますと助かります。'],
    ['早く送れ', 'お早めに送っていただけますか。'],
  ])('%s → %s', (text, after) => {
    expect(once(text)).toBe(after);
  });

  it('says a slot’s verb in another form with compromise (English) or the conjugation table (Japanese)', () => {
    expect(engine.analyze('We should rewrite the onboarding flow.')[0]?.rewrites[1]).toBe(
      'What do you think about rewriting the onboarding flow?',
    );
    expect(engine.analyze('資料を送ってください。')[0]?.rewrites[1]).toBe('送ったほうがよさそうです。');
  });

  it.each([
    ['i am not [<a>#Gerund .+]', "I'd rather not {a|base}", 'I am not doing that report.', "I'd rather not do that report."],
    ['you [<a>(broke|forgot) .+]', 'you may have {a|participle}', 'You broke the build.', 'You may have broken the build.'],
    ['we need to [<a>. .+]', 'what about {a|gerund}?', 'we need to not launch on Monday', 'What about not launching on Monday?'],
    ['we need to [<a>. .+]', 'what about {a|gerund}?', 'We need to postpone the demo until the API is fixed.', 'What about postponing the demo until the API is fixed?'],
  ])('inflects the slot’s first verb: %s → %s', (pattern, rewrite, text, after) => {
    const e = new Engine([entry({ id: 'en-inflect', patterns: [pattern], rewrites: [rewrite, rewrite] })]);
    expect(e.analyze(text)[0]?.rewrites[0]).toBe(after);
  });

  it('says a verb slot that follows literal text from where that text ends', () => {
    const e = new Engine([entry({ id: 'ja-hayaku-x', patterns: ['早く{v|te}(ください|。)'], rewrites: ['お早めに{v}いただけますか。', 'お早めに{v|ta}ほうがよさそうです。'] })]);
    expect(e.analyze('早くしてください')[0]?.rewrites).toEqual(['お早めにしていただけますか。', 'お早めにしたほうがよさそうです。']);
  });

  it('keeps a slot inside one clause: a comma may open it, never stand inside it', () => {
    const e = new Engine([entry({ id: 'ja-maikai-x', patterns: ['(毎回|今後){obj}(じゃん|やめて)'], rewrites: ['{obj}ことが多いように思います。', '{obj}控えていただけますか。'] })]);
    expect(e.analyze('今後、会議中の内職はやめて').map((f) => f.text)).toEqual(['今後、会議中の内職はやめて']);
    // The slot would have to cross 、 into another clause (which may be Kuuki's own earlier rewrite).
    expect(e.analyze('この手順、毎回同じ失敗、比較的分かりやすい点かと思いますじゃん').map((f) => f.entryId)).toEqual([]);
  });

  it('stretches a lazy slot before "$" to the end of the sentence', () => {
    const e = new Engine([entry({ id: 'ja-end', patterns: ['までに{what}{v|te}$'], rewrites: ['までに{what}{v}いただけますか。', 'までに{what}{v}いただけますと幸いです。'] })]);
    expect(e.analyze('金曜までに議事録をまとめて共有して')[0]?.rewrites[0]).toBe('までに議事録をまとめて共有していただけますか。');
  });

  it('leaves honorific requests and predicates that go on alone', () => {
    for (const polite of ['書類は受付にお出しになってください。', '書類をお送りくださいませ。', '部長、ご確認なさってください。'])
      expect(engine.analyze(polite).map((f) => f.entryId), polite).toEqual([]);
  });

  it('marks which words of the sentence after the change are the writer’s', () => {
    const text = 'Hi Tom, send me the numbers by Monday.';
    const [f] = engine.analyze(text);
    expect(sentenceAfter(text, f!)).toEqual([
      { text: 'Hi Tom, ', changed: false },
      { text: 'could you ', changed: true },
      { text: 'send me the numbers by Monday', changed: false },
      { text: '?', changed: true },
    ]);
  });
});

describe('rewrite templates are checked when the phrasebook loads', () => {
  it.each([
    [['we should [<action>#Verb .+]', 'we must #Verb'], ['Perhaps we could {action}.'], /rewrites\[0\].*\{action\}.*does not bind/],
    [['we should [<action>#Verb .+]'], ['Perhaps {action|sideways}.'], /rewrites\[0\].*the forms are gerund/],
    [['we should [<action>#Verb .+]'], ['Perhaps {action.'], /rewrites\[0\].*not a slot/],
  ])('refuses %j → %j naming entry and field', (patterns, rewrites, reason) => {
    expect(() => new Engine([entry({ id: 'en-bad', patterns, rewrites })])).toThrowError(PatternError);
    expect(() => new Engine([entry({ id: 'en-bad', patterns, rewrites })])).toThrowError(reason);
  });

  it('refuses a Japanese form asked of a slot that is not a verb', () => {
    const bad = entry({ id: 'ja-bad', patterns: ['早く{what}して'], rewrites: ['{what|te}ください'] });
    expect(() => new Engine([bad])).toThrowError(/ja-bad.*rewrites\[0\].*not a verb slot/);
  });

  it('keeps braces a custom pattern does not bind as the user typed them', () => {
    const custom = new Engine([]);
    custom.setCustomEntries([entry({ id: 'en-custom-a', patterns: ['asap'], rewrites: ['when you can {smile}'] })]);
    expect(custom.analyze('Do it asap')[0]?.rewrites).toEqual(['when you can {smile}']);
  });
});
