import { browser } from 'wxt/browser';
import type { TabMessage } from '../src/messages';
import { Assistant } from '../src/page/assistant';
import { ask } from '../src/page/messaging';
import { frameHostname, siteFor } from '../src/page/sites';
import { createUiRoot } from '../src/page/ui-root';
import { onStoredDataChanged } from '../src/settings/changes';
import { latestOnly } from '../src/latest';

const RUNNING = Symbol.for('kuuki.content');
/** How often an open tab checks that its extension is still there (after an update it is not). */
const ORPHAN_CHECK_MS = 1000;

export default defineContentScript({
  // Default sites; others are registered by the background when the user enables them.
  matches: ['https://mail.google.com/*', 'https://app.slack.com/*'],
  allFrames: true,
  // Editors such as TinyMCE put their editable body in a same-origin iframe with no address of its
  // own (srcdoc in Chromium, about:blank in Firefox); the script must run there too.
  matchAboutBlank: true,
  matchOriginAsFallback: { chrome: true },
  runAt: 'document_idle',
  // WXT's "script started" postMessage tells every page the extension's id; the custom event is enough.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // The context menu may inject this script again into a page that already runs it.
    const scope = globalThis as { [RUNNING]?: boolean };
    if (scope[RUNNING]) return;
    scope[RUNNING] = true;

    // Kuuki stops when the extension is really gone (updated, reloaded, removed), never because
    // the page asked: WXT's context also ends on a "newer script started" event that a page can
    // dispatch, so that only counts once the extension's runtime is gone too.
    const life = new AbortController();
    const signal = life.signal;
    const endIfOrphaned = () => {
      if (!browser.runtime?.id) life.abort();
    };
    ctx.signal.addEventListener('abort', endIfOrphaned);
    const watch = setInterval(endIfOrphaned, ORPHAN_CHECK_MS);
    signal.addEventListener('abort', () => clearInterval(watch));
    const hostname = frameHostname(location, self.origin);
    const state = await ask({ type: 'page-state', hostname });
    const assistant = new Assistant(createUiRoot(signal), state, siteFor(hostname), signal);
    signal.addEventListener('abort', () => {
      assistant.dispose();
      scope[RUNNING] = false;
    });

    // A save changes several stored items in turn: only the newest read of the state is applied,
    // and the register a card switch has not saved yet stays the card's.
    const readState = latestOnly(
      async () => {
        const token = assistant.stateToken();
        return { state: await ask({ type: 'page-state', hostname }), token };
      },
      ({ state, token }) => assistant.update(state, token),
    );
    onStoredDataChanged(readState, signal);
    const onMessage = (message: unknown) => {
      const m = message as TabMessage;
      if (m.type === 'open-card') assistant.openNearest();
      else if (m.type === 'soften-selection') void assistant.softenSelection();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  },
});
