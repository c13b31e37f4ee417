/** The language the browser's UI runs in (the one the catalogues were chosen for), for `Intl`. */
import { browser } from 'wxt/browser';

let cached: string | undefined;

/** "de-DE", "fr", "en-US"…: what dates, numbers and sorting follow. Falls back to the runtime's own. */
export function uiLocale(): string {
  if (cached) return cached;
  let lang: string | undefined;
  try {
    lang = browser?.i18n?.getUILanguage();
  } catch {
    lang = undefined;
  }
  try {
    cached = Intl.getCanonicalLocales(lang || [])[0];
  } catch {
    cached = undefined; // a tag Intl does not know
  }
  cached ??= new Intl.NumberFormat().resolvedOptions().locale;
  return cached;
}

/** "rtl" for Arabic, Hebrew, Persian… UI languages (the catalogue's own `@@bidi_dir`), else "ltr". */
export function uiDirection(): 'ltr' | 'rtl' {
  try {
    return browser?.i18n?.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Forgets the cached language (tests switch it). */
export function resetUiLocale(): void {
  cached = undefined;
}
