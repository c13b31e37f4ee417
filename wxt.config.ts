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
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: 'Orrery',
    description: 'Your own Planet: a polite feed reader in the toolbar. RSS, Atom, RDF, JSON Feed and podcasts.',
    // offscreen (Chrome only): a document with a DOM to extract full articles in, since the
    // service worker has none; Firefox's event page has a DOM of its own.
    permissions: ['alarms', 'storage', 'unlimitedStorage', 'tabs', 'webRequest', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Orrery' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'orrery@orrery.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
