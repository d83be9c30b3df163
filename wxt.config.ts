import { execFileSync } from 'node:child_process';
import { defineConfig } from 'wxt';
import { viteExpandedModel } from './scripts/compromise-model';

// Extension pages and the background may not connect anywhere: users' text never leaves the device.
const NO_NETWORK = "script-src 'self'; object-src 'self'; connect-src 'none'";

// Every build bundles the phrasebook as precompiled from the sources as they are now.
const precompilePhrasebook = (): void => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/phrasebook-compile.ts'], { stdio: 'inherit' });
};

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: { 'build:before': precompilePhrasebook },
  // The sources zip is for store reviewers to rebuild from: no store pictures, no local test output.
  zip: { excludeSources: ['store/screenshots/**', 'test-results/**', 'tests/e2e/.build/**', 'scratch/**', 'kuuki-demo.png', 'stats.html', '*.log'] },
  // The popup loads the engine lazily; browsers that run MV3 support modulepreload natively,
  // so Vite's polyfill (which fetches) is left out. compromise comes with its lexicon expanded
  // at build time, so a waking service worker does not redo it (scripts/compromise-model.ts).
  vite: () => ({ plugins: [viteExpandedModel], build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser, manifestVersion, command }) => ({
    // Name, description and shortcut follow the browser's language: public/_locales/{en,ja}/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // public/icon/*.png (drawn from store/icon.svg by `npm run icons`) are found by WXT for `icons`;
    // the toolbar button names its own too, so no browser falls back to a generic puzzle piece.
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    // Other sites are asked for one at a time, when the user turns Kuuki on there.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_permissions: ['https://*/*', 'http://*/*'] }),
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpenCard__',
      },
    },
    // The dev server's live reload needs a connection; built extensions get none.
    ...(command === 'build'
      ? { content_security_policy: manifestVersion === 3 ? { extension_pages: NO_NETWORK } : NO_NETWORK }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions needs Firefox 140 (142 on Android); web-ext lint warns below that.
            gecko: {
              id: 'kuuki@kuuki.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
