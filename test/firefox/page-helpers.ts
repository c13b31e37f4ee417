/** Small helpers for puppeteer pages in Firefox: messages, waiting, counting, reading the store. */
import type { Page } from 'puppeteer-core';
import type { Page as PwPage } from 'playwright-core';
import { readStore as readStoreFromPage, type StoreSnapshot } from '../browser/helpers';
import { readFeed as readFeedFromPage, type FeedRow } from '../browser/subscribing-helpers';

/** Sends a protocol message from an extension page, as the UI does. */
export function send<T = unknown>(page: Page, message: object): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
}

/** Resolves after `ms` (between polls, never as an assertion). */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until a "refresh now" started at or after `since` (epoch ms) has finished. */
export async function waitForRefresh(page: Page, since = 0, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const p = await send<{ running: boolean; startedAt: number; done: number; total: number }>(page, { type: 'get-refresh-progress' });
    if (!p.running && p.startedAt >= since) return;
    if (Date.now() > until) throw new Error(`refresh still running after ${timeoutMs} ms: ${p.done}/${p.total}`);
    await pause(250);
  }
}

/** Counts and post keys read straight from IndexedDB (the same reader as the Chromium suite). */
export function readStore(page: Page): Promise<StoreSnapshot> {
  // Both page.evaluate APIs take a function without arguments alike.
  return readStoreFromPage(page as unknown as PwPage);
}

/** One subscribed feed by URL, read straight from IndexedDB (undefined when not subscribed). */
export function readFeed(page: Page, url: string): Promise<FeedRow | undefined> {
  return readFeedFromPage(page as unknown as PwPage, url);
}

/** How many elements match. */
export function count(page: Page, selector: string): Promise<number> {
  return page.$$eval(selector, (els) => els.length);
}

/** The text of the first match, or null when nothing matches. */
export function text(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/** `[data-testid="id"]` */
export const tid = (id: string): string => `[data-testid="${id}"]`;

/** Clicks the first button whose accessible name or text matches, with a real (trusted) click. */
export async function clickButton(page: Page, name: RegExp | string, within = 'body'): Promise<void> {
  const pattern = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
  const handle = await page.waitForFunction(
    (scope, source) => {
      const re = new RegExp(source);
      return [...document.querySelectorAll(`${scope} button`)].find((b) => re.test(b.getAttribute('aria-label') ?? '') || re.test((b.textContent ?? '').trim())) ?? false;
    },
    { timeout: 30_000 },
    within,
    pattern,
  );
  const el = handle.asElement() as import('puppeteer-core').ElementHandle<Element> | null;
  if (!el) throw new Error(`no button ${String(name)}`);
  await el.scrollIntoView();
  await el.click();
}
