import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';

// Already-polite text is left alone: honorific (尊敬語) and humble (謙譲語) requests and questions,
// and English requests that already ask, whatever the specifics around them.
const KEIGO = [
  '部長はもう大阪へ出発なさいましたか？',
  '書類は二階の受付にお出しになってください。',
  '明日の会議資料をご確認ください。',
  'お手すきの際に、見積書をご覧になってください。',
  '山田様は何時ごろお戻りになりますか。',
  'ご不明な点がございましたら、お気軽にお問い合わせください。',
  '資料は金曜までにお送りいただけますでしょうか。',
  '先日の件、ご検討いただけましたでしょうか。',
  '恐れ入りますが、15時までにご返信いただけますと幸いです。',
  '田中部長がおっしゃったとおり、来週から新しい手順で進めます。',
  '社長がお見えになったら、会議室へご案内ください。',
  'お忙しいところ恐縮ですが、ご対応のほどよろしくお願いいたします。',
  '新しい経費精算システムについて、ご説明いたします。',
  'どうぞお召し上がりください。',
];
const POLITE_ENGLISH = [
  'Could you send me the signed contract by Thursday?',
  'Would it be possible to move the review to 3pm on Friday?',
  "I'm afraid I can't make the 9am call, could we try 10?",
  'Thanks for the draft, Aiko. I have a couple of small suggestions on page 3.',
  'When you have a moment, could you take a look at the Jira board?',
];

describe('already polite', () => {
  it.each([...KEIGO, ...POLITE_ENGLISH])('is left alone: %s', (text) => {
    expect(analyze(text).map((f) => `${f.entryId}: ${f.text}`)).toEqual([]);
  });
});
