import { type Browser, browser } from 'wxt/browser';
import { analyzeForPage, ensureEngine, watchEngineSources } from '../src/background/engine-host';
import { saveSiteRegister } from '../src/background/site-register';
import { CONTENT_SCRIPT_FILE, syncSiteScripts } from '../src/background/sites';
import { keepStorageSettled } from '../src/background/storage-upkeep';
import { phraseKey } from '../src/engine/normalize';
import { resolveUiLanguage, translator } from '../src/i18n/messages';
import type { Request, Responses, TabMessage } from '../src/messages';
import { registerFor } from '../src/settings/registers';
import { isSiteEnabled } from '../src/settings/sites';
import { addNeverFlag, getSettings, watchSettings } from '../src/settings/store';

const MENU_ID = 'kuuki-soften';

async function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<Responses[Request['type']]> {
  switch (request.type) {
    case 'page-state': {
      const settings = await getSettings();
      return {
        enabled: isSiteEnabled(settings, request.hostname),
        showEquivalents: settings.showEquivalents,
        uiLanguage: resolveUiLanguage(settings.uiLanguage, navigator.language),
        register: registerFor(settings, request.hostname),
      };
    }
    case 'analyze':
      return analyzeForPage(
        request.text,
        `${sender.tab?.id ?? sender.url}:${sender.frameId ?? 0}:${request.field ?? ''}`,
        request.register,
      );
    case 'never-flag':
      await addNeverFlag(phraseKey(request.text), request.entryId);
      return { ok: true };
    case 'set-register':
      await saveSiteRegister(request.hostname, request.register);
      return { ok: true };
  }
}

async function tellTab(tabId: number, message: TabMessage): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No content script in this tab yet: inject it (activeTab allows it after a user gesture).
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] });
    await browser.tabs.sendMessage(tabId, message);
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => handle(message as Request, sender));

  const createMenu = async () => {
    const choice = (await getSettings()).uiLanguage;
    // "Auto" reads _locales, so the menu speaks the browser's language like the name and shortcut do;
    // a language chosen in the popup wins, as it does for the card.
    const title = choice === 'auto' ? browser.i18n.getMessage('softenMenu') : translator(choice)('softenMenu');
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: MENU_ID, title, contexts: ['selection'] });
  };
  browser.runtime.onInstalled.addListener(() => void createMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void tellTab(tab.id, { type: 'soften-selection' });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-card' && tab?.id !== undefined) void tellTab(tab.id, { type: 'open-card' });
  });

  void getSettings().then(syncSiteScripts);
  watchSettings((settings) => {
    void syncSiteScripts(settings);
    void createMenu();
  });
  browser.permissions.onAdded.addListener(() => void getSettings().then(syncSiteScripts));
  // Warm the engine so the first keystroke in a tab does not wait for compilation.
  void ensureEngine();
  watchEngineSources();
  keepStorageSettled();
});
