import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetUiLocale } from '../i18n/ui-locale';
import { applyUiLanguage } from './apply-ui-language';

const saved = { getMessage: fakeBrowser.i18n.getMessage, getUILanguage: fakeBrowser.i18n.getUILanguage };

afterEach(() => {
  fakeBrowser.i18n.getMessage = saved.getMessage;
  fakeBrowser.i18n.getUILanguage = saved.getUILanguage;
  resetUiLocale();
});

describe('applyUiLanguage', () => {
  it('gives the page the English UI language, left to right', () => {
    const root = { lang: 'xx', dir: 'xx' };
    applyUiLanguage(root);
    expect(root).toEqual({ lang: 'en-US', dir: 'ltr' });
  });

  it('turns the page right to left when the catalogue the browser chose says so', () => {
    fakeBrowser.i18n.getUILanguage = () => 'ar';
    fakeBrowser.i18n.getMessage = ((key: string) => (key === '@@bidi_dir' ? 'rtl' : '')) as typeof saved.getMessage;
    resetUiLocale();
    const root = { lang: '', dir: '' };
    applyUiLanguage(root);
    expect(root).toEqual({ lang: 'ar', dir: 'rtl' });
  });
});
