import Quill from 'quill';
import css from 'quill/dist/quill.snow.css';

/**
 * `?lang=ja` shows the page and its drafts in Japanese (for the Japanese store screenshots);
 * it runs before Kuuki's content script, which starts at document_idle, so Kuuki sees these drafts.
 */
const JA: Record<string, string> = {
  title: 'Kuuki デモ',
  lead: 'きつく聞こえる文を書いてみてください(「それはできません。」「明日までに送ってください。」、“This method doesn’t work.”)。印の上にマウスを置くかクリックするか、Alt+Shift+K を押します。入力した文字はこのブラウザーの外に出ません。',
  gmail: 'Gmail 風のメール作成',
  header: '宛先: tanaka@example.com · 件名: 移行計画について',
  slack: 'Slack 風のメッセージ欄(Quill)',
  plain: 'ふつうのテキストエリア',
  textarea: 'This method doesn’t work. Why don’t we change this?',
};
const JA_BODY = ['田中さん', 'お疲れさまです。資料を拝見しました。その案はやめるべきです。明日までに修正版を送ってください。', 'よろしくお願いします。'];

const ja = new URLSearchParams(location.search).get('lang') === 'ja';
if (ja) {
  document.documentElement.lang = 'ja';
  for (const el of document.querySelectorAll<HTMLElement>('[data-demo]')) {
    const key = el.dataset.demo!;
    if (key === 'body') el.replaceChildren(...JA_BODY.map((line) => Object.assign(document.createElement('div'), { textContent: line })));
    else if (key === 'textarea') (el as HTMLTextAreaElement).value = JA[key]!;
    else if (JA[key]) el.textContent = JA[key];
  }
}

const style = document.createElement('style');
style.textContent = css as unknown as string;
document.head.append(style);
const quill = new Quill('#composer', { theme: 'snow', modules: { toolbar: false } });
quill.root.setAttribute('spellcheck', 'false');
quill.setText(ja ? 'それはできません。今週中に対応してもらえますか。\n' : 'I want a promotion. Send me the numbers ASAP.\n');
