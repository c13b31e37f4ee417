/**
 * Chromium running in German: the popup and the timeline speak German (labels from the German
 * catalogue), date headings and counts are formatted by Intl in German ("1. Juni 2026", "1.500"),
 * and the pages say which language they are in. The other suites run in English.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../server/fixture-server.mjs';
import { launchOrrery, type Orrery } from './launch';
import { seedPosts } from './river-seed';

/** Unread posts: a count German writes with a dot ("1.500"), English with a comma. */
const POSTS = 1500;

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let orrery: Orrery;

const rootLanguage = (p: Page) => p.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

beforeAll(async () => {
  server = await startFixtureServer();
  orrery = await launchOrrery({ serverPort: server.port, lang: 'de' });
  const home = await orrery.open('/options.html');
  // Debian ships Chromium's other languages apart: without them it runs in English whatever it is told.
  const ui = await home.evaluate(() => chrome.i18n.getUILanguage());
  if (!ui.startsWith('de')) throw new Error(`Chromium runs in "${ui}", not German: install its translations (Debian: apt-get install chromium-l10n)`);
  // Every post unread; the newest is dated 1 June 2026, 00:00 UTC (the browser runs in UTC).
  await seedPosts(home, { feeds: 3, posts: POSTS, readShare: 0, folders: ['Blogs'] });
  await home.close();
});

afterAll(async () => {
  await orrery?.close();
  await server?.close();
});

describe('Orrery in German', () => {
  it('the popup: German labels, a German-formatted unread total, lang="de"', async () => {
    const popup = await orrery.open('/popup.html');
    await expect.poll(() => popup.getByTestId('unread-total').textContent()).toBe('1.500');
    expect(await rootLanguage(popup)).toEqual({ lang: expect.stringMatching(/^de\b/), dir: 'ltr' });
    expect(await popup.getByTestId('open-timeline').textContent()).toBe('Beitragsstrom öffnen');
    expect(await popup.getByTestId('open-settings').textContent()).toBe('Einstellungen');
    expect(await popup.getByTestId('mark-all-read').textContent()).toBe('Alle als gelesen markieren');
    expect(await popup.getByTestId('refresh-all').getAttribute('title')).toBe('Jetzt alle Feeds aktualisieren (r)');
    await popup.getByRole('heading', { name: 'Neueste ungelesene' }).waitFor();
    await popup.getByRole('heading', { name: 'Ungelesen nach Ordner' }).waitFor();
    await popup.close();
  });

  it('the timeline: German day heading, counts, relative ages and controls', async () => {
    const page = await orrery.open('/timeline.html');
    await page.getByTestId('entry').first().waitFor();
    expect(await rootLanguage(page)).toEqual({ lang: expect.stringMatching(/^de\b/), dir: 'ltr' });
    expect(await page.getByTestId('day-heading').first().textContent()).toBe('1. Juni 2026');
    // "vor 6 Monaten": Intl's relative time in German (how many months depends on today).
    expect(await page.getByTestId('entry').first().locator('time').textContent()).toMatch(/^vor \d+ (Monat|Monaten|Jahr|Jahren)$/);
    await expect.poll(() => page.locator('.scope-header p').textContent()).toContain('1.500 Beiträge');
    expect(await page.getByTestId('filter-unread').textContent()).toBe('Ungelesen');
    expect(await page.getByTestId('view-full').textContent()).toBe('Vollständig');
    expect(await page.getByTestId('search-input').getAttribute('placeholder')).toBe('Suchen (/)');
    await expect.poll(() => page.locator('.sidebar .scope-all .name').textContent()).toBe('Alle Feeds');
    // The toggles' names and the shortcuts dialog come from the catalogue too.
    expect(await page.getByTestId('toggle-star').first().getAttribute('aria-label')).toBe('Stern');
    await page.getByTestId('show-shortcuts').click();
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.getByRole('heading', { name: 'Tastenkürzel' }).waitFor();
    expect(await dialog.textContent()).toContain('Nächster Beitrag');
    await page.close();
  });
});
