import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetMessages, formatNumber, t } from './t';

describe('t', () => {
  it('reads the catalogue through the browser and fills named placeholders', () => {
    expect(t('extName')).toBe('Orrery');
    const saved = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((k: string) => (k === 'extName' ? '{n} feeds in {folder}' : '')) as typeof saved;
    forgetMessages();
    try {
      expect(t('extName', { n: 12345, folder: 'Python' })).toBe(`${formatNumber(12345)} feeds in Python`);
      expect(t('extName', { folder: 'x' })).toBe('{n} feeds in x');
    } finally {
      fakeBrowser.i18n.getMessage = saved;
      forgetMessages();
    }
  });

  it('asks the browser for a message once', () => {
    const saved = fakeBrowser.i18n.getMessage;
    let asked = 0;
    fakeBrowser.i18n.getMessage = ((k: string) => {
      asked++;
      return saved(k as Parameters<typeof saved>[0]);
    }) as typeof saved;
    forgetMessages();
    try {
      for (let i = 0; i < 3; i++) expect(t('extName')).toBe('Orrery');
      expect(asked).toBe(1);
    } finally {
      fakeBrowser.i18n.getMessage = saved;
      forgetMessages();
    }
  });

  it('shows the key when a message is missing, never an empty label', () => {
    expect(t('no_such_key' as 'extName')).toBe('no_such_key');
  });
});
