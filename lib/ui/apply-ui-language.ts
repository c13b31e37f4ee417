/** A page's root element set to the reader's language: `lang` for fonts, hyphenation and screen readers, `dir` for right-to-left languages. */
import { uiDirection, uiLocale } from '../i18n/ui-locale';

/** Sets `lang` and `dir` of `root` (the page's <html>) from the browser's UI language. */
export function applyUiLanguage(root: { lang: string; dir: string }): void {
  root.lang = uiLocale();
  root.dir = uiDirection();
}
