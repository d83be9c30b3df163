import { render } from 'preact';
import { App } from '../../src/ui/App';
import '../../src/ui/popup.css';

render(<App />, document.getElementById('app')!);
