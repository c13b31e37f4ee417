/**
 * Firefox ESR running in Arabic (the `intl.locale.requested` pref and Debian's Arabic language pack,
 * firefox-esr-l10n-ar) with the Firefox build: the timeline is right to left as in Chromium
 * (test/browser/i18n-rtl.test.ts): `dir="rtl"` and `lang="ar"` from Firefox's `@@bidi_dir` and UI
 * language, the sidebar right of the river, headings flush right, Arabic plural forms, and an English
 * feed name in an Arabic sentence isolated. Skipped, and saying so, where Firefox is not installed.
 */
import type { Page } from 'puppeteer-core';
import type { Page as PwPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { seedPosts } from '../browser/river-seed';
import { firefoxMissing, launchFirefox, type FirefoxOrrery } from './firefox';
import { text, tid } from './page-helpers';

const missing = firefoxMissing();
if (missing) console.warn(`Firefox suite skipped: ${missing}`);

let server: FixtureServer;
let ff: FirefoxOrrery;

const rootLanguage = (p: Page) => p.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const box = (p: Page, selector: string) =>
  p.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, width: r.width };
  });
/** How far the text of the first `selector` stops from the right and the left of its content box. */
const gaps = (p: Page, selector: string) =>
  p.$eval(selector, (e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const text = range.getBoundingClientRect();
    const b = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    const pad = parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth);
    return { direction: style.direction, right: b.right - pad - text.right };
  });
const postsLine = (p: Page) => text(p, '.scope-header p');
const arabicNumber = (p: Page, n: number) => p.evaluate((x) => new Intl.NumberFormat('ar').format(x), n);

describe.skipIf(missing)('Orrery in Arabic in Firefox, right to left', () => {
  beforeAll(async () => {
    server = await startFixtureServer();
    ff = await launchFirefox({ serverPort: server.port, prefs: { 'intl.locale.requested': 'ar' } });
    const home = await ff.open('/options.html');
    const ui = await home.evaluate(() => browser.i18n.getUILanguage());
    if (!ui.startsWith('ar')) throw new Error(`Firefox runs in "${ui}", not Arabic: install its Arabic language pack (Debian: apt-get install firefox-esr-l10n-ar)`);
    // One feed with an English name ending in ")" in an Arabic folder, three unread posts.
    await seedPosts(home as unknown as PwPage, { feeds: 1, posts: 3, readShare: 0, folders: ['مدونات'] });
    await home.close();
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('Firefox gives the Arabic catalogue its direction: @@bidi_dir is rtl', async () => {
    const page = await ff.open('/options.html');
    expect(await page.evaluate(() => [browser.i18n.getMessage('@@bidi_dir'), browser.i18n.getMessage('@@bidi_start_edge')])).toEqual(['rtl', 'right']);
    await page.close();
  });

  it('the timeline: rtl, sidebar right of the river, headings flush right, the Arabic plural, the feed name isolated', async () => {
    const page = await ff.open('/timeline.html');
    await page.waitForSelector(tid('entry'), { timeout: 60_000 });
    expect(await rootLanguage(page)).toEqual({ lang: expect.stringMatching(/^ar\b/), dir: 'rtl' });
    const side = await box(page, '.sidebar');
    const main = await box(page, 'main.main');
    expect(side.x).toBeGreaterThanOrEqual(main.x + main.width - 1);
    for (const sel of ['.scope-header h1', '[data-testid="day-heading"]']) {
      const g = await gaps(page, sel);
      expect(g.direction).toBe('rtl');
      expect(Math.abs(g.right)).toBeLessThan(2);
    }
    // Three posts: Arabic's "few" form ("٣ منشورات"), the number as Intl writes it in Arabic.
    await expect.poll(() => postsLine(page)).toMatch(new RegExp(`^${await arabicNumber(page, 3)} منشورات · `));
    await expect.poll(() => text(page, '.sidebar .scope-all .name')).toBe('كل الخلاصات');
    // The screen reader's line of a post names its feed inside an Arabic sentence: isolated.
    const feedName = (await text(page, tid('entry-feed')))!;
    expect(feedName).toMatch(/^Seed blog 0 \(.*\)$/);
    expect(await text(page, `${tid('entry')} .entry-meta .sr-only`)).toContain(`\u2068${feedName}\u2069`);
    await page.close();
  });
});
