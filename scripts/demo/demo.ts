import Quill from 'quill';
import css from 'quill/dist/quill.snow.css';

const style = document.createElement('style');
style.textContent = css as unknown as string;
document.head.append(style);
const quill = new Quill('#composer', { theme: 'snow', modules: { toolbar: false } });
quill.root.setAttribute('spellcheck', 'false');
quill.setText('I want a promotion. Send me the numbers ASAP.\n');
