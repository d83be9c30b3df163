import { describe, expect, it } from 'vitest';
import { type VerbForm, conjugate, fromDictionary, parseForm, readVerb } from '../../../src/engine/japanese/verb';

const FORMS: VerbForm[] = ['te', 'ta', 'dict', 'stem', 'nai', 'imp'];
const allForms = (v: ReturnType<typeof fromDictionary>) => (v ? FORMS.map((f) => conjugate(v, f)).join(' ') : null);

describe('Japanese verbs', () => {
  it.each([
    ['送る', '送って 送った 送る 送り 送ら 送れ'],
    ['帰る', '帰って 帰った 帰る 帰り 帰ら 帰れ'],
    ['変える', '変えて 変えた 変える 変え 変え 変えろ'],
    ['見る', '見て 見た 見る 見 見 見ろ'],
    ['やめる', 'やめて やめた やめる やめ やめ やめろ'],
    ['確認する', '確認して 確認した 確認する 確認し 確認し 確認しろ'],
    ['来る', '来て 来た 来る 来 来 来い'],
    ['書く', '書いて 書いた 書く 書き 書か 書け'],
    ['行く', '行って 行った 行く 行き 行か 行け'],
    ['急ぐ', '急いで 急いだ 急ぐ 急ぎ 急が 急げ'],
    ['話す', '話して 話した 話す 話し 話さ 話せ'],
    ['待つ', '待って 待った 待つ 待ち 待た 待て'],
    ['読む', '読んで 読んだ 読む 読み 読ま 読め'],
    ['使う', '使って 使った 使う 使い 使わ 使え'],
    ['入る', '入って 入った 入る 入り 入ら 入れ'],
  ])('conjugates %s from its dictionary form', (word, forms) => {
    expect(allForms(fromDictionary(word))).toBe(forms);
  });

  it.each(['見ています', '確認します', '遅いです', '行きます'])('does not read the polite %s as a dictionary form', (word) => {
    expect(fromDictionary(word)).toBeNull();
  });

  it.each([
    ['済ます', '済まして 済ました 済ます 済まし 済まさ 済ませ'],
    ['冷ます', '冷まして 冷ました 冷ます 冷まし 冷まさ 冷ませ'],
  ])('still conjugates the す verb %s', (word, forms) => {
    expect(allForms(fromDictionary(word))).toBe(forms);
  });

  it.each([
    ['送れ', 'imp', '送って'],
    ['確認しろ', 'imp', '確認して'],
    ['見ろ', 'imp', '見て'],
    ['書け', 'imp', '書いて'],
    ['来い', 'imp', '来て'],
    ['送り', 'stem', '送って'],
    ['起き', 'stem', '起きて'],
    ['確認し', 'stem', '確認して'],
    ['送ら', 'nai', '送って'],
    ['食べ', 'nai', '食べて'],
  ] as const)('reads %s as a %s form', (written, form, te) => {
    expect(conjugate(parseForm(written, form)!, 'te')).toBe(te);
  });

  it.each([
    ['資料を送付させていただきます', '送付', '送付して'],
    ['改めてご連絡させていただき', 'ご連絡', 'ご連絡して'],
    ['詳細は明日ご説明させていただきます', 'ご説明', 'ご説明して'],
    ['来週お打ち合わせさせていただきます', 'お打ち合わせ', 'お打ち合わせして'],
    ['明日はお休みさせていただき', 'お休み', 'お休みして'],
    ['内容をチェックさせていただきます', 'チェック', 'チェックして'],
    ['資料を見させていただきます', null, null],
    ['企画書を読まさせていただきました', null, null],
    ['少し考えさせていただけますか', null, null],
  ] as const)('reads the noun of a する verb before させて in %s', (sentence, noun, te) => {
    const at = sentence.indexOf('させて');
    const found = readVerb(sentence, at, at, 'noun');
    expect(found ? [sentence.slice(found.start, at), conjugate(found.verb, 'noun'), conjugate(found.verb, 'te')] : null).toEqual(
      noun ? [noun, noun, te] : null,
    );
  });

  it.each([
    ['明日は休まさせていただきます', '休ま', '休んで'],
    ['その件は持ち帰らさせていただきます', '持ち帰ら', '持ち帰って'],
    ['作業を終わらさせていただきました', '終わら', '終わって'],
    ['私が行かさせていただきます', '行か', '行って'],
  ] as const)('reads the godan 未然形 before させて in %s', (sentence, mizen, te) => {
    const at = sentence.indexOf('させて') - 1;
    const found = readVerb(sentence, at, at + 1, 'mizen')!;
    expect([sentence.slice(found.start, at + 1), conjugate(found.verb, 'mizen'), conjugate(found.verb, 'te')]).toEqual([mizen, mizen, te]);
  });

  it('has a 未然形 only for godan verbs', () => {
    expect(conjugate(fromDictionary('読む')!, 'mizen')).toBe('読ま');
    expect(conjugate(fromDictionary('考える')!, 'mizen')).toBeNull();
    expect(conjugate(fromDictionary('確認する')!, 'mizen')).toBeNull();
    expect(parseForm('考え', 'mizen')).toBeNull();
  });

  it('says only a する verb as its noun', () => {
    expect(conjugate(fromDictionary('確認する')!, 'noun')).toBe('確認');
    expect(conjugate(fromDictionary('送る')!, 'noun')).toBeNull();
    expect(conjugate(fromDictionary('食べる')!, 'noun')).toBeNull();
  });

  it.each([
    ['この方法でやる', 'る', 'やる'],
    ['資料を短くした', 'た', 'した'],
  ] as const)('finds a kana verb after a particle or adverb in %s', (sentence, ending, verb) => {
    const at = sentence.lastIndexOf(ending);
    const found = readVerb(sentence, at, at + 1, ending === 'る' ? 'dict' : 'ta')!;
    expect(sentence.slice(found.start, at + 1)).toBe(verb);
  });

  it('keeps a te-form it cannot trace to one verb as a te- or ta-form only', () => {
    const verb = parseForm('送って', 'te')!;
    expect([conjugate(verb, 'te'), conjugate(verb, 'ta'), conjugate(verb, 'dict')]).toEqual(['送って', '送った', null]);
  });

  it.each([
    ['明日までに資料を送ってください', '送って', false],
    ['見積もりを出してください', '出して', false],
    ['すぐに確認してください', '確認して', false],
    ['これをチェックしてください', 'チェックして', false],
    ['早く来てください', '来て', false],
    ['資料をまとめてください', 'まとめて', false],
    ['書類は受付にお出しになってください', 'なって', true],
    ['ご確認なさってください', 'ご確認なさって', true],
    ['予算を増やしてください', '増やして', false],
    ['期限に間に合ってください', '間に合って', false],
    ['必ず提出してください', '提出して', false],
    ['東京にいてください', 'いて', false],
  ])('finds the verb before てください in %s', (sentence, verb, honorific) => {
    const te = sentence.lastIndexOf('ください') - 1;
    const found = readVerb(sentence, te, te + 1, 'te')!;
    expect([sentence.slice(found.start, te + 1), found.honorific]).toEqual([verb, honorific]);
  });
});
