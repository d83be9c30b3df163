import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { PatternError } from '../../src/engine/types';
import { FIXTURE_ENTRIES, type FixtureEntry as Entry } from './fixture-entries';

const engine = new Engine(FIXTURE_ENTRIES);
const only = (text: string) => engine.analyze(text).map((f) => [f.entryId, f.text]);

describe('English matching', () => {
  it.each([
    "This method doesn't work.",
    'This method does not work.',
    'This method doesn’t work.',
    'This method dont work.',
    'THIS METHOD DOESN’T WORK.',
    "The method won't work.",
    "This method didn't work.",
    "This method isn't working.",
  ])('flags contractions, apostrophes, case and tenses: %s', (text) => {
    expect(only(text)).toEqual([['en-this-doesnt-work', text]]);
  });

  it('checks sentences whose contractions hide the words a pattern needs', () => {
    const wrong: Entry = { ...FIXTURE_ENTRIES[0]!, id: 'en-its-wrong', patterns: ['(it|that) is wrong'] };
    const e = new Engine([wrong]);
    for (const text of ["It's wrong.", 'It’s wrong.', 'That is wrong.'])
      expect(e.analyze(text).map((f) => f.entryId), text).toEqual(['en-its-wrong']);
    const would: Entry = { ...wrong, id: 'en-you-would', patterns: ['you would never'] };
    expect(new Engine([would]).analyze("You'd never do that.").map((f) => f.text)).toEqual(["You'd never"]);
  });

  it('leaves positive forms alone', () => {
    expect(only('This method works well.')).toEqual([]);
  });

  it('fits rewrites: capital at sentence start, lower case and no final stop mid-sentence', () => {
    const [start] = engine.analyze("This method doesn't work.");
    expect(start?.rewrites[0]).toBe('Perhaps we could consider another approach that may fit the situation better.');
    const [mid] = engine.analyze("Honestly, this method doesn't work, sorry.");
    expect(mid?.text).toBe("this method doesn't work");
    expect(mid?.rewrites[0]).toBe('perhaps we could consider another approach that may fit the situation better');
  });

  it('skips quoted reply lines', () => {
    const text = "Thanks!\n> This method doesn't work.\n>> Why don't we change this?\nSee you.";
    expect(engine.analyze(text)).toEqual([]);
  });
});

describe('Japanese matching', () => {
  it.each([
    ['それは\u200Bできません。', 'それは\u200Bできません。'],
    ['それはで\u00ADきません。', 'それはで\u00ADきません。'],
    ['\uFEFFそれはできません。', 'それはできません。'],
    ['それは\u2060無理です', 'それは\u2060無理です'],
  ])('skips invisible format characters, keeping offsets in the original: %j', (text, phrase) => {
    const [f] = engine.analyze(text).filter((x) => x.entryId === 'ja-dekimasen');
    expect(f?.text).toBe(phrase);
    expect(text.slice(f!.start, f!.end)).toBe(phrase);
  });

  it.each(['それはできません。', 'それはできません', 'それはできない。', 'ｿﾚﾊ無理です', 'The deploy? それは無理です！'])(
    'flags plain and polite forms, with or without 。, in mixed text: %s',
    (text) => {
      expect(engine.analyze(text).map((f) => f.entryId)).toContain('ja-dekimasen');
    },
  );

  it('tries Japanese patterns on half-width katakana and compatibility characters that fold into Japanese', () => {
    const word: Entry = { ...FIXTURE_ENTRIES[0]!, id: 'ja-kaisha', lang: 'ja', patterns: ['株式会社(です|)'] };
    const e = new Engine([word]);
    expect(e.analyze('㍿です').map((f) => f.text)).toEqual(['㍿です']);
    expect(new Engine([{ ...word, patterns: ['テスト'] }]).analyze('ﾃｽﾄ').map((f) => f.text)).toEqual(['ﾃｽﾄ']);
  });

  it('tries phrase patterns that may match without Japanese script on any sentence', () => {
    const asap: Entry = { ...FIXTURE_ENTRIES[0]!, id: 'ja-asap', lang: 'ja', patterns: ['(ASAP|至急)で'] };
    expect(new Engine([asap]).analyze('ＡＳＡＰで').map((f) => f.entryId)).toEqual(['ja-asap']);
  });

  it('maps offsets back through width folding', () => {
    const text = 'ﾃｽﾄは無理です。';
    const [f] = engine.analyze(text).filter((x) => x.entryId === 'ja-dekimasen');
    expect(f && text.slice(f.start, f.end)).toBe('無理です。');
  });
});

describe('offsets', () => {
  it.each([
    ['emoji', "🙂🙂 This method doesn't work."],
    ['combining marks', "Café ok. This method doesn't work."],
    ['CRLF', "Hello,\r\n\r\nThis method doesn't work.\r\nThanks"],
    ['full-width', "ＯＫ。This method doesn't work."],
  ])('are UTF-16 correct with %s', (_name, text) => {
    const [f] = engine.analyze(text);
    expect(f?.text).toBe("This method doesn't work.");
    expect(text.slice(f!.start, f!.end)).toBe(f!.text);
  });

  it('treat words that name object properties as plain words', () => {
    for (const text of ['__proto__', 'constructor toString', "__proto__'s hasOwnProperty"])
      expect(() => engine.analyze(text)).not.toThrow();
  });

  it('stay in bounds and match the reported text for arbitrary Unicode', () => {
    const blunt = fc.constantFrom("this doesn't work", 'それはできません', 'I want a promotion', '> quoted', '\r\n', '。');
    const text = fc
      .array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), blunt), { maxLength: 8 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        let last = 0;
        for (const f of engine.analyze(t)) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(t.length);
          expect(t.slice(f.start, f.end)).toBe(f.text);
          last = f.end;
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('overlaps', () => {
  it('never reports overlapping findings; the longer (more specific) match wins', () => {
    const custom: Entry = {
      ...FIXTURE_ENTRIES[0]!,
      id: 'en-custom-doesnt',
      patterns: ["doesn't"],
    };
    const e = new Engine(FIXTURE_ENTRIES);
    e.setCustomEntries([custom]);
    expect(e.analyze("This method doesn't work.").map((f) => f.entryId)).toEqual(['en-this-doesnt-work']);
    expect(e.analyze('It doesn’t matter.').map((f) => f.entryId)).toEqual(['en-custom-doesnt']);
  });
});

describe('custom entries', () => {
  const mine: Entry = {
    id: 'en-my-team-nope',
    lang: 'en',
    category: 'refusal',
    patterns: ['(nope|nah), (not doing|won’t do) that'],
    rewrites: ["I'm afraid I can't take that on right now.", 'That may be difficult for me this week.'],
    equivalent: '申し訳ございませんが、今回は難しそうです。',
    why: 'A flat nope shuts the door.',
    examples: ['Nope, not doing that.', 'nah, won’t do that'],
    nearMisses: ['Nope, no problem at all!'],
  };

  it('are matched as phrase patterns and can be replaced at run time', () => {
    const e = new Engine(FIXTURE_ENTRIES);
    e.setCustomEntries([mine]);
    expect(e.analyze("Nah, won't do that.").map((f) => [f.entryId, f.custom])).toEqual([['en-my-team-nope', true]]);
    e.setCustomEntries([]);
    expect(e.analyze("Nah, won't do that.")).toEqual([]);
  });

  it('refuse patterns that would be raw regular expressions, naming the entry and field', () => {
    const e = new Engine([]);
    expect(() => e.setCustomEntries([{ ...mine, patterns: ['ok', '(a+)+$'] }])).toThrowError(PatternError);
    expect(() => e.setCustomEntries([{ ...mine, patterns: ['ok', '(a+)+$'] }])).toThrowError(
      /en-my-team-nope" patterns\[1\]: contains an unsupported character "\+"/,
    );
  });
});

describe('built-in English patterns', () => {
  const entry = (patterns: string[]): Entry => ({ ...FIXTURE_ENTRIES[0]!, id: 'en-on-purpose', patterns });

  it.each(['you .{0,4} (on purpose|deliberately)', 'you .* (deliberately|on purpose)', 'again .*? (did not|bounced)'])(
    'refuse a gap before a group with a multi-word alternative, which compromise never matches: %s',
    (pattern) => {
      expect(() => new Engine([entry(['you did it', pattern])])).toThrowError(
        /en-on-purpose" patterns\[1\]: has a gap .* compromise never matches/,
      );
    },
  );

  it('accept a gap before single words, and an optional word before a phrase', () => {
    const e = new Engine([entry(['you .{0,4} (deliberately|intentionally)', 'did it .? (on purpose|deliberately)'])]);
    expect(e.analyze('You did it deliberately.').length).toBe(1);
    expect(e.analyze('You did it all on purpose.').length).toBe(1);
  });
});

describe('ignores', () => {
  it('drops ignored entries and ignored phrases (compared after folding)', () => {
    const text = "This method doesn't work. I want a promotion.";
    expect(engine.analyze(text, { ignoredEntries: ['en-i-want-a-promotion'] }).map((f) => f.entryId)).toEqual([
      'en-this-doesnt-work',
    ]);
    expect(engine.analyze(text, { ignoredPhrases: ['THIS METHOD DOESN’T WORK'] }).map((f) => f.entryId)).toEqual([
      'en-i-want-a-promotion',
    ]);
  });

  it('checks only the languages asked for', () => {
    const text = "This method doesn't work. それはできません。";
    expect(engine.analyze(text, { langs: ['ja'] }).map((f) => f.lang)).toEqual(['ja']);
    expect(engine.analyze(text, { langs: ['en'] }).map((f) => f.lang)).toEqual(['en']);
  });
});

describe('incremental analysis', () => {
  it('re-analyses only the sentences that changed', () => {
    const e = new Engine(FIXTURE_ENTRIES);
    const email = 'Hi team. The build is green. This method doesn’t work. Thanks for the help. See you tomorrow.';
    e.analyze(email);
    const before = e.sentencesAnalysed;
    const edited = email.replace('Thanks for the help', 'Thanks a lot for the help');
    const findings = e.analyze(edited);
    expect(e.sentencesAnalysed - before).toBe(1);
    expect(findings.map((f) => edited.slice(f.start, f.end))).toEqual(['This method doesn’t work.']);
  });
});

describe("the user's own phrases", () => {
  const custom = (id: string, patterns: string[]): Entry => ({ ...FIXTURE_ENTRIES[0]!, id, patterns, rewrites: ['x', 'y'] });

  it('are looked up by their words, so hundreds of them are not each tried on every sentence', () => {
    const e = new Engine([]);
    const many = Array.from({ length: 300 }, (_, i) => custom(`en-custom-${i}`, [`per the roadmap${i} (doc|deck)`, `ping me re ticket${i}`]));
    e.setCustomEntries([...many, custom('en-custom-asap', ['asap']), { ...custom('ja-custom-x', ['至急~お願い']), lang: 'ja' }]);
    expect(e.analyze('Please do it asap.').map((f) => f.entryId)).toEqual(['en-custom-asap']);
    expect(e.analyze('Per the roadmap7 deck, we ship.').map((f) => f.entryId)).toEqual(['en-custom-7']);
    expect(e.analyze('至急対応お願い').map((f) => f.entryId)).toEqual(['ja-custom-x']);
    // Each sentence tried only the patterns holding one of its words.
    const triggered = (e as unknown as { index: { candidates(w: string[]): unknown[] } }).index.candidates(['roadmap7', 'the']);
    expect(triggered.length).toBeLessThan(5);
  });

  it('match Latin words in Japanese entries whatever languages are checked', () => {
    const e = new Engine([]);
    e.setCustomEntries([{ ...custom('ja-custom-asap', ['asap']), lang: 'ja' }]);
    expect(e.analyze('asapでお願いします', { langs: ['ja'] }).map((f) => f.entryId)).toEqual(['ja-custom-asap']);
  });
});

describe('context <…> in Japanese entries', () => {
  it('is required for a match but left out of the span and its rewrite', () => {
    const engine = new Engine([
      {
        id: 'ja-test-uchi',
        lang: 'ja',
        category: 'etiquette',
        patterns: ['<(弊社|当社)(の|)~(社長|部長)(が|も|は)~>おっしゃいま'],
        rewrites: ['申しま', '申し上げま'],
        equivalent: 'As our president said',
        why: 'test',
      },
    ]);
    const [f] = engine.analyze('弊社の社長も、そのようにおっしゃいました。');
    expect(f?.text).toBe('おっしゃいま');
    expect(f?.rewrites).toEqual(['申しま', '申し上げま']);
    expect(engine.analyze('先方の社長も、そのようにおっしゃいました。')).toEqual([]);
  });
});

describe('choice slots in Japanese entries', () => {
  it('carry the option the writer used into the rewrite, and are keyed by their options', async () => {
    const { compilePhrase } = await import('../../src/engine/phrase');
    expect(compilePhrase('{h=ご覧|お越し}になられ{t=た|て}').triggers).toEqual(['ja: 覧', 'ja: 越']);
    const engine = new Engine([
      {
        id: 'ja-test-double',
        lang: 'ja',
        category: 'etiquette',
        patterns: ['{h=ご覧|お越し}になられ{t=た|て}'],
        rewrites: ['{h}になっ{t}', '{h}くださっ{t}'],
        equivalent: 'As you saw',
        why: 'test',
      },
    ]);
    const [f] = engine.analyze('先日お越しになられた件です。');
    expect(f?.text).toBe('お越しになられた');
    expect(f?.rewrites).toEqual(['お越しになった', 'お越しくださった']);
  });
});

describe('quotations and brackets', () => {
  const engine = new Engine([
    {
      id: 'ja-test-muri',
      lang: 'ja',
      category: 'refusal',
      patterns: ['(無理です|無理)'],
      rewrites: ['難しい状況です。', '対応いたしかねます。'],
      equivalent: "I'm afraid that's difficult.",
      why: 'test',
    },
  ]);
  const spans = (text: string) => engine.analyze(text).map((f) => f.text);

  it("leaves someone else's reported words and 【】 headers alone", () => {
    expect(spans('先方には「無理です」と伝えました。')).toEqual([]);
    expect(spans('【無理】の件、ご相談です。')).toEqual([]);
    expect(spans('先方には無理です。')).toEqual(['無理です。']);
  });

  it('keeps a closing 」 or ） outside the span, and the rewrite inside the brackets', () => {
    const [f] = engine.analyze('「無理です」');
    expect(f?.text).toBe('無理です');
    expect(f?.rewrites[0]).toBe('難しい状況です');
    const [g] = engine.analyze('（無理です。）');
    expect(g?.text).toBe('無理です。');
    expect(g?.rewrites[0]).toBe('難しい状況です。');
  });
});
