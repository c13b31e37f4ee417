/**
 * Every string the reader sees comes from the message catalogues in `public/_locales/<lang>/messages.json`
 * through `t` (the browser's own `i18n` API: no library, no catalogue in the page's JavaScript, the
 * browser picks the language the reader runs it in, and the store listing is localized by the same files).
 *
 * Substitutions are named: "{count} posts" with `t('key', { count: 3 })`. Numbers are formatted for the
 * reader's language. Plurals are keys with a suffix per `Intl.PluralRules` category: `key_one`,
 * `key_other` (and `_few`, `_many`… where a language has them), chosen by `tn`.
 *
 * Text values that can run against the sentence are put in it as bidi isolates (U+2068 FIRST STRONG
 * ISOLATE … U+2069 POP DIRECTIONAL ISOLATE): feed names, titles, hosts, URLs and error details come
 * from the web in any script, and without the isolate an English "Python 3.13 (beta)" in an Arabic
 * sentence (or a Hebrew name in an English one) takes the punctuation and numbers next to it into its
 * own direction, or gives its own away ("(beta" with the ")" thrown to the other end). The isolate lays
 * the value out by its own first strong letter and shows it to the sentence as one neutral character.
 * A value with no letter of the other direction is left as it is (it cannot reorder the sentence), so
 * an English value in an English sentence stays plain text. Numbers are formatted for the reader's
 * language and left as they are.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';
import { uiLocale } from './ui-locale';

/** A key of the English catalogue (the reference every other language must match). */
export type MessageKey = Exclude<keyof typeof en, `${string}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`>;
/** The stem of a plural message: `posts` for `posts_one` / `posts_other`. */
export type PluralKey = keyof typeof en extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
/** Values for a message's `{name}` placeholders. */
export type Substitutions = Record<string, string | number>;

/** Messages already asked for: the catalogue is fixed for a page's life, and each getMessage is a call into the browser (a 545-row table asks thousands of times). */
const looked = new Map<string, string>();

/** Forgets the messages asked for (tests swap the catalogue). */
export function forgetMessages(): void {
  looked.clear();
}

function lookup(key: string): string {
  const known = looked.get(key);
  if (known !== undefined) return known;
  const text = ask(key);
  looked.set(key, text);
  return text;
}

function ask(key: string): string {
  let text: string | undefined;
  try {
    // Typed by WXT for the English keys; a plural variant is a key built at run time.
    text = (browser?.i18n?.getMessage as ((k: string) => string) | undefined)?.(key);
  } catch {
    text = undefined; // outside an extension (Node scripts) there is no catalogue
  }
  return text || key; // a missing key shows itself instead of an empty label (the catalogue test catches it)
}

let numbers: Intl.NumberFormat | undefined;
/** A number in the reader's language: "12,345", "12.345", "12 345". */
export function formatNumber(n: number): string {
  numbers ??= new Intl.NumberFormat(uiLocale());
  return numbers.format(n);
}

/** U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE. */
const FSI = '\u2068';
const PDI = '\u2069';
/** A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko…). */
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
/** A letter of any other script: it runs left to right. */
const LTR_LETTER = /(?![\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}])\p{L}/u;

/**
 * `text` as a bidi isolate, for a text context (a label, a tooltip, a notification) where it sits in a
 * sentence of another direction; laid out from its own first strong letter. Elements use `<bdi>` instead.
 */
export function isolate(text: string): string {
  return text === '' ? text : `${FSI}${text}${PDI}`;
}

/** `text` without the bidi isolates `t` and `isolate` put around values. */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}

/** The catalogue's direction (Chrome and Firefox answer `@@bidi_dir` for every language). */
const rtl = () => lookup('@@bidi_dir') === 'rtl';

/** `value` isolated when it holds a letter running against the sentence (the catalogue's direction). */
export function isolateAgainst(value: string): string {
  return (rtl() ? LTR_LETTER : RTL_LETTER).test(value) ? isolate(value) : value;
}

function substitute(text: string, subs: Substitutions | undefined): string {
  if (!subs) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = subs[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v) : isolateAgainst(v);
  });
}

/** The message `key` in the reader's language, with its `{name}` placeholders filled. */
export function t(key: MessageKey, subs?: Substitutions): string {
  return substitute(lookup(key), subs);
}

let plurals: Intl.PluralRules | undefined;
/** The plural message `key` for `count` ("1 post", "2 posts"); `{count}` is filled too. */
export function tn(key: PluralKey, count: number, subs?: Substitutions): string {
  plurals ??= new Intl.PluralRules(uiLocale());
  const category = plurals.select(count);
  let text = lookup(`${key}_${category}`);
  if (text === `${key}_${category}`) text = lookup(`${key}_other`);
  return substitute(text, { count, ...subs });
}
