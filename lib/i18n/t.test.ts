import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetMessages, formatNumber, isolate, t, tn, withoutIsolates } from './t';

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

  describe('feed words in a sentence of the other direction are bidi isolates', () => {
    const FSI = '\u2068';
    const PDI = '\u2069';
    /** A catalogue of one direction: `extName` is "{feed}: {count} new", `worker_newPosts_other` its plural. */
    function catalogue(dir: 'ltr' | 'rtl', sentence: string) {
      const saved = fakeBrowser.i18n.getMessage;
      fakeBrowser.i18n.getMessage = ((k: string) => (k === '@@bidi_dir' ? dir : k === 'extName' || k === 'worker_newPosts_other' ? sentence : '')) as typeof saved;
      forgetMessages();
      return () => {
        fakeBrowser.i18n.getMessage = saved;
        forgetMessages();
      };
    }

    it('an English feed name in an Arabic sentence', () => {
      const done = catalogue('rtl', '{feed}: {count} منشورات جديدة');
      try {
        expect(t('extName', { feed: 'Python 3.13 (beta)', count: 3 })).toBe(`${FSI}Python 3.13 (beta)${PDI}: ${formatNumber(3)} منشورات جديدة`);
        expect(tn('worker_newPosts', 5, { feed: 'example.org' })).toBe(`${FSI}example.org${PDI}: ${formatNumber(5)} منشورات جديدة`);
        // An Arabic name runs the sentence's way: nothing to isolate; numbers are never wrapped.
        expect(t('extName', { feed: 'مدونات (٢)', count: 3 })).toBe(`مدونات (٢): ${formatNumber(3)} منشورات جديدة`);
      } finally {
        done();
      }
    });

    it('a Hebrew or Arabic feed name in an English sentence; an English one stays plain', () => {
      const done = catalogue('ltr', '{feed}: {count} new');
      try {
        expect(t('extName', { feed: 'הארץ (בטא)', count: 2 })).toBe(`${FSI}הארץ (בטא)${PDI}: 2 new`);
        expect(t('extName', { feed: 'Planet مدونات', count: 2 })).toBe(`${FSI}Planet مدونات${PDI}: 2 new`);
        expect(t('extName', { feed: 'Python 3.13 (beta)', count: 2 })).toBe('Python 3.13 (beta): 2 new');
      } finally {
        done();
      }
    });

    it('isolate and withoutIsolates', () => {
      expect(isolate('a (b)')).toBe(`${FSI}a (b)${PDI}`);
      expect(isolate('')).toBe('');
      expect(withoutIsolates(`${FSI}x${PDI}: ${FSI}y${PDI}`)).toBe('x: y');
    });
  });
});
