/**
 * The options page and the worker's failure messages in the browser's language: Chromium started
 * in German shows German sections, labels, counts and dates, and a feed that answers 500 or 404
 * gets its failure explained in German (the sentence the worker stores with the feed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { launchOrrery, type Orrery } from './launch';
import { exportRowBoxes, exportRowProblems } from './export-row-layout';
import { sendFromPage, waitForRefresh } from './helpers';

const BROKEN = 'http://kaputt.example/feed.xml';
const MISSING = 'http://weg.example/feed.xml';

let server: FixtureServer;
let orrery: Orrery;
let options: Page;

const row = (url: string) => options.locator(`[data-testid="subscription"][data-feed-url="${url}"]`);

beforeAll(async () => {
  server = await startFixtureServer();
  server.overrides.set(BROKEN, (_req, res) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('kaputt'));
  server.overrides.set(MISSING, (_req, res) => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('weg'));
  orrery = await launchOrrery({ serverPort: server.port, lang: 'de' });
  options = await orrery.open('/options.html');
});

afterAll(async () => {
  await orrery?.close();
  await server?.close();
});

describe('the options page in German', () => {
  it('runs in German: lang, title, headings, labels, numbers', async () => {
    expect(await options.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^de/);
    await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    expect(await options.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await options.title()).toBe('Orrery: Abonnements und Einstellungen');
    for (const heading of ['Feed hinzufügen', 'Import und Export (OPML)', 'Ihren Planet veröffentlichen', 'Abonnements', 'Einstellungen', 'Synchronisierung']) {
      await expect.poll(() => options.getByRole('heading', { name: heading, exact: true }).count()).toBe(1);
    }
    expect(await options.getByRole('navigation', { name: 'Abschnitte' }).count()).toBe(1);
    expect(await options.getByLabel('Adresse eines Feeds oder einer Website').count()).toBe(1);
    expect(await options.getByRole('button', { name: 'Abonnieren', exact: true }).count()).toBe(1);
    expect(await options.getByText('Noch keine Abonnements: Fügen Sie oben einen Feed hinzu oder importieren Sie eine OPML-Datei.').count()).toBe(1);
    // Numbers in German: a thousands separator is a dot.
    const limits = await options.locator('form.planet-export select').nth(1).locator('option').allTextContents();
    expect(limits).toEqual(['Alle', '200', '1.000', '10.000']);
  });

  it('lays the Planet export row out for German words: no label runs into another field', async () => {
    const boxes = await options.evaluate(exportRowBoxes);
    expect(boxes.length).toBe(4);
    expect(exportRowProblems(boxes)).toEqual([]);
  });

  it('explains a 500 and a 404 in German, with German counts and dates', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline type="rss" text="Kaputt" xmlUrl="${BROKEN}"/><outline type="rss" text="Weg" xmlUrl="${MISSING}"/></body></opml>`;
    await options.getByTestId('opml-file').setInputFiles({ name: 'feeds.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    await expect.poll(() => options.getByTestId('import-report').textContent(), { timeout: 30_000 }).toContain('feeds.opml: 2 hinzugefügt, 0 übersprungen, 0 fehlgeschlagen.');

    const since = Date.now();
    await sendFromPage(options, { type: 'refresh-all' });
    await waitForRefresh(options, since, 120_000);

    await expect.poll(() => row(BROKEN).getByTestId('subscription-status').textContent(), { timeout: 30_000 }).toBe('HTTP 500');
    expect(await row(BROKEN).locator('.status-detail').textContent()).toBe(
      'Der Server antwortete 500 Internal Server Error: Die Website hat ein Problem auf ihrer Seite; Orrery versucht es später erneut.',
    );
    await expect.poll(() => row(MISSING).getByTestId('subscription-status').textContent()).toBe('HTTP 404');
    expect(await row(MISSING).locator('.status-detail').textContent()).toBe('Der Server antwortete 404 Not Found: Der Feed ist nicht unter dieser Adresse.');

    // The list's own words and counts.
    await expect.poll(() => options.locator('.list-count').textContent()).toMatch(/^2 Abonnements · 2 mit Fehlern$/);
    expect(await options.getByRole('columnheader', { name: 'Letzter Abruf' }).count()).toBe(1);
    // The last fetch: a German relative time, a German date in its tooltip (dd.mm.yyyy).
    const lastFetch = row(BROKEN).locator('[role="cell"]').nth(2);
    expect(await lastFetch.textContent()).toMatch(/^(jetzt|vor \d+ (Sek\.|Min\.))$/);
    expect(await lastFetch.getAttribute('title')).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    expect(await row(BROKEN).getByTestId('unsubscribe').getAttribute('aria-label')).toBe('Abonnement von Kaputt beenden');
  });
});
