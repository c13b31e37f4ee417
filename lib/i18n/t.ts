/**
 * Every string the reader sees comes from the message catalogues in `public/_locales/<lang>/messages.json`
 * through `t` (the browser's own `i18n` API: no library, no catalogue in the page's JavaScript, the
 * browser picks the language the reader runs it in, and the store listing is localized by the same files).
 *
 * Substitutions are named: "{count} posts" with `t('key', { count: 3 })`. Numbers are formatted for the
 * reader's language. Plurals are keys with a suffix per `Intl.PluralRules` category: `key_one`,
 * `key_other` (and `_few`, `_many`… where a language has them), chosen by `tn`.
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

function substitute(text: string, subs: Substitutions | undefined): string {
  if (!subs) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = subs[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v) : v;
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
