// Node tests run with WXT's fake browser, whose `i18n` is not implemented: answer from the English
// catalogue, as the browser would for an English UI.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const en = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

fakeBrowser.i18n.getMessage = ((key: string) => (key === '@@bidi_dir' ? 'ltr' : (en[key]?.message ?? ''))) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';
