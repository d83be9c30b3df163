import { execFileSync } from 'node:child_process';
import { defineConfig } from 'wxt';

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
  // The popup loads the engine lazily; browsers that run MV3 support modulepreload natively,
  // so Vite's polyfill (which fetches) is left out.
  vite: () => ({ build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser, manifestVersion, command }) => ({
    name: 'Kuuki — read the air',
    description: 'Spots blunt phrasing as you write and offers softer rewrites, in English and Japanese.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    // Other sites are asked for one at a time, when the user turns Kuuki on there.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_permissions: ['https://*/*', 'http://*/*'] }),
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open Kuuki’s card for the phrase nearest the caret',
      },
    },
    // The dev server's live reload needs a connection; built extensions get none.
    ...(command === 'build'
      ? { content_security_policy: manifestVersion === 3 ? { extension_pages: NO_NETWORK } : NO_NETWORK }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kuuki@kuuki.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
