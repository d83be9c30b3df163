import type { MatchableEntry } from '../../src/phrasebook/schema';

/** An entry of the fixture phrasebook: examples are plain sentences, for reading (the engine ignores them). */
export type FixtureEntry = MatchableEntry & { examples: string[]; nearMisses: string[] };

/**
 * A small, frozen phrasebook for engine behaviour tests, so they do not move when the real
 * phrasebook grows (the real one is tested entry by entry in tests/phrasebook).
 */
export const FIXTURE_ENTRIES: FixtureEntry[] = [
  {
    "id": "en-this-doesnt-work",
    "lang": "en",
    "category": "soft-criticism",
    "patterns": [
      "(this|that|it|the) [<thing>#Noun]? (does|did|will|is|was|do) not (work|working|worked)"
    ],
    "exceptions": [
      "(this|that|it) (does|did|will|is|was|do) not (work|working|worked) for (me|us|you) (either|too)"
    ],
    "rewrites": [
      "Perhaps we could consider another approach that may fit the situation better.",
      "I wonder if another approach might work a little better here.",
      "It may be worth looking at this from another angle."
    ],
    "equivalent": "別の方法も検討してみてはいかがでしょうか。",
    "why": "A flat \"doesn't work\" rejects the work outright; suggesting another approach criticises softly and keeps the door open.",
    "examples": [
      "This method doesn't work.",
      "Honestly, the plan won't work.",
      "That isn’t working",
      "it dont work"
    ],
    "nearMisses": [
      "This method works well.",
      "Does this work for you?"
    ]
  },
  {
    "id": "en-why-dont-we",
    "lang": "en",
    "category": "indirect-suggestion",
    "patterns": [
      "^why (do|did) not we #Adverb? (change|switch|use|try|rewrite|redo|replace|move|drop|fix|just|stop|start|simplify|remove) .*"
    ],
    "rewrites": [
      "If everyone agrees, maybe we could explore an alternative.",
      "Would it be worth considering an alternative, if everyone is comfortable with that?"
    ],
    "equivalent": "皆さんがよろしければ、別の案も検討してみてはいかがでしょうか。",
    "why": "\"Why don't we…\" can sound like the current plan is obviously wrong; proposing it conditionally invites agreement.",
    "examples": [
      "Why don't we change this?",
      "why don't we just rewrite the whole module"
    ],
    "nearMisses": [
      "Why don't we grab lunch on Friday?",
      "I wonder why we changed this."
    ]
  },
  {
    "id": "en-i-want-a-promotion",
    "lang": "en",
    "category": "promotion",
    "patterns": [
      "(i|we) (want|need|deserve|demand) (a|my|the) (promotion|raise)",
      "(give|get) me (a|my|the) (promotion|raise)"
    ],
    "rewrites": [
      "I want to contribute to the company at a higher level. What skills do you think I should develop to move toward a promotion?",
      "I'd like to take on more responsibility. Could we talk about what a path to the next level might look like?"
    ],
    "equivalent": "より高いレベルで会社に貢献したいと考えております。昇進に向けて、どのようなスキルを伸ばすべきかご意見をいただけますでしょうか。",
    "why": "Demanding a promotion centres on what you are owed; asking how to grow toward it shows commitment and invites guidance.",
    "examples": [
      "I want a promotion.",
      "I deserve a raise this year.",
      "Give me the promotion I was promised."
    ],
    "nearMisses": [
      "She got a promotion last month.",
      "The promotion campaign starts on Monday."
    ]
  },
  {
    "id": "ja-dekimasen",
    "lang": "ja",
    "category": "refusal",
    "patterns": [
      "(それは|これは|)(できません|できない|無理です|無理)(。|!|ね|よ|)"
    ],
    "exceptions": [
      "できないことは(ありません|ない)",
      "(でき|)ないかもしれません",
      "できませんでしょうか",
      "できないでしょうか"
    ],
    "rewrites": [
      "大変申し訳ございませんが、今回は対応が難しい状況です。",
      "恐れ入りますが、現状ではお引き受けするのが難しいかと存じます。別の方法をご提案させていただけますでしょうか。"
    ],
    "equivalent": "I'm afraid that would be difficult this time. Could I suggest another way?",
    "why": "「できません」だけでは突き放した印象になります。クッション言葉と代案で、協力する姿勢を示せます。",
    "examples": [
      "それはできません。",
      "無理です",
      "明日までにはできない。",
      "ｿﾚﾊできません！"
    ],
    "nearMisses": [
      "できないことはありません。",
      "明日までにご対応いただくことはできませんでしょうか。"
    ]
  }
];
