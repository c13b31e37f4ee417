import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest V3 for Chrome and Firefox. Host permissions are needed because the
// background worker fetches feeds from any site the user subscribes to.
export default defineConfig({
  srcDir: '.',
  // ORRERY_OUT lets several builds (parallel test runs, benches) live side by side.
  outDir: process.env.ORRERY_OUT ?? '.output',
  // Manifest V3 for Firefox too (WXT's default there is MV2).
  manifestVersion: 3,
  // The Firefox sources zip (for Mozilla's reviewers: what it takes to rebuild the package) leaves out what
  // .gitignore lists outside dot folders (a local run's screenshots, test results) and the README's images.
  zip: { excludeSources: ['screenshots/**', 'test-results/**', 'coverage/**', '**/*.log', 'docs/screenshots/**'] },
  vite: () => ({
    plugins: [preact()],
    // ORRERY_NO_MINIFY=1 keeps function names, for CPU profiles (BENCH_PROFILE=1).
    build: { sourcemap: false, ...(process.env.ORRERY_NO_MINIFY === '1' ? { minify: false } : {}) },
  }),
  manifest: ({ browser }) => ({
    // The store and the browser show these in the reader's language: public/_locales/<lang>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission and why: docs/store/listing.md (notes for reviewers). No `tabs`: host access already shows
    // the URL of a tab. Notifications are asked for when the reader turns them on. offscreen (Chrome
    // only): a document with a DOM to extract full articles in, since the service worker has none;
    // Firefox's event page has a DOM of its own.
    permissions: ['alarms', 'storage', 'unlimitedStorage', 'webRequest', ...(browser === 'firefox' ? [] : ['offscreen'])],
    optional_permissions: ['notifications'],
    host_permissions: ['<all_urls>'],
    // CSS light-dark() (123) and tabs' lastAccessed (121) are the newest features used.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '123' }),
    action: { default_title: 'Orrery' },
    // Keyboard shortcuts (the reader can change them in the browser's shortcut settings).
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+O' }, description: 'Open the Orrery popup' },
      'open-timeline': { suggested_key: { default: 'Alt+Shift+T' }, description: 'Open the Orrery timeline' },
    },
    // entrypoints/feed-detector.ts: an unlisted script declared here (see its header for why).
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['feed-detector.js'], run_at: 'document_idle' }],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'orrery@orrery.example',
              // data_collection_permissions is read from Firefox 140 (Android 142).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
