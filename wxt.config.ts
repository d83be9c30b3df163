import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Kuuki — read the air',
    description: 'Spots blunt phrasing as you write and offers softer rewrites, in English and Japanese.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open Kuuki’s card for the phrase nearest the caret',
      },
    },
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
