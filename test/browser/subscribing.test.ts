/**
 * Subscribing, end to end in real Chromium: OPML import (545 feeds, folders, progress, report,
 * duplicates), export → import round trip in a fresh profile, subscribe by URL with a preview
 * and a grade (the previewed response is the first fetch), choosing among a site's feeds, every
 * bad input with its own message, managing subscriptions (rename, move, interval, notify,
 * unsubscribe with undo), Planets kept in step, settings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchOrrery, launchWithFixtures, type Orrery } from './launch';
import { readFeed, readFeeds } from './subscribing-helpers';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
const PLANET_OPML = path.join(FIXTURES, 'planet-python.opml');

let server: FixtureServer;
let orrery: Orrery;
let options: Page;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  options = await orrery.open('/options.html');
});

afterAll(() => closeAll({ orrery, server }));

const row = (url: string) => options.locator(`[data-testid="subscription"][data-feed-url="${url}"]`);
const requestsTo = (url: string) => server.log.filter((r) => r.url === url);

async function typeAndSubmit(url: string): Promise<void> {
  await options.getByTestId('subscribe-url').fill(url);
  await options.getByTestId('subscribe-submit').click();
}

describe('OPML import', () => {
  it('imports 545 feeds into their folders, with progress and a report', async () => {
    // Listen to the import's progress channel, as the page does.
    await options.evaluate(() => {
      const seen: { done: number; total: number }[] = [];
      (window as unknown as { __progress: typeof seen }).__progress = seen;
      new BroadcastChannel('orrery-import-progress').onmessage = (e: MessageEvent<{ done: number; total: number }>) => seen.push(e.data);
    });
    await options.getByTestId('opml-file').setInputFiles(PLANET_OPML);
    const report = options.getByTestId('import-report');
    await expect.poll(() => report.textContent(), { timeout: 30_000 }).toContain('545 added, 0 skipped, 0 failed');
    for (const folder of ['Blogs 386', 'Companies & Projects 139', 'User groups 12', 'Podcasts 8']) expect(await report.textContent()).toContain(folder);
    const progress = await options.evaluate(() => (window as unknown as { __progress: { done: number; total: number }[] }).__progress);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p) => p.total === 545)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)?.done).toBe(545);
    await expect.poll(() => options.getByTestId('subscription').count(), { timeout: 30_000 }).toBe(545);
    const groups = await options.getByTestId('folder-group').evaluateAll((els) =>
      Object.fromEntries(els.map((el) => [el.getAttribute('data-folder'), el.querySelectorAll('[data-testid="subscription"]').length])),
    );
    expect(groups).toEqual({ Blogs: 386, 'Companies & Projects': 139, 'User groups': 12, Podcasts: 8 });
    const feeds = await readFeeds(options);
    expect(feeds).toHaveLength(545);
    expect(feeds.find((f) => f.url === 'http://pythonbytes.example/feed.xml')?.folder).toBe('Podcasts');
  });

  it('skips every feed already subscribed when the same list comes again, adding nothing', async () => {
    await options.getByTestId('opml-file').setInputFiles(PLANET_OPML);
    await expect.poll(() => options.getByTestId('import-report').textContent(), { timeout: 30_000 }).toContain('0 added, 545 skipped, 0 failed');
    await options.getByTestId('import-report').getByText('Skipped (545)').click();
    expect(await options.getByTestId('import-report').textContent()).toContain('already subscribed');
    expect(await readFeeds(options)).toHaveLength(545);
  });

  it('reports duplicates inside a file and invalid URLs, and imports the rest', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mixed</title></head><body>
      <outline text="Tools"><outline text="Deep"><outline type="rss" text="Raw Atom" xmlUrl="http://raw-feed.example/atom"/></outline></outline>
      <outline type="rss" text="Raw Atom again" xmlUrl="http://raw-feed.example/atom"/>
      <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
      <outline type="rss" text="Nowhere" xmlUrl="not a url"/>
    </body></opml>`;
    await options.getByTestId('opml-file').setInputFiles({ name: 'mixed.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    const report = options.getByTestId('import-report');
    await expect.poll(() => report.textContent(), { timeout: 30_000 }).toContain('mixed.opml: 1 added, 1 skipped, 2 failed');
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('Script: unsupported scheme "javascript:"');
    expect(text).toContain('Nowhere: not an absolute URL');
    expect(text).toContain('listed twice in this file (also as “Raw Atom” in Tools / Deep)');
    expect((await readFeed(options, 'http://raw-feed.example/atom'))?.folder).toBe('Tools / Deep');
  });

  it('refuses a malformed file with a message by the control, importing nothing', async () => {
    const before = (await readFeeds(options)).length;
    await options.getByTestId('opml-file').setInputFiles({ name: 'broken.opml', mimeType: 'text/x-opml', buffer: Buffer.from('<opml version="2.0"><body><outline text="x" xmlUrl="http://a.example/f.xml"></body></opml') });
    const alert = options.getByTestId('import-error');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^broken\.opml: This file is not OPML: the XML is malformed/);
    expect(await alert.getAttribute('role')).toBe('alert');
    await options.getByTestId('opml-file').setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<!doctype html><html><body>hi</body></html>') });
    await expect.poll(() => alert.textContent()).toContain('page.html: This file is not OPML: it is a web page (HTML)');
    expect(await options.getByTestId('import-report').count()).toBe(0);
    expect(await readFeeds(options)).toHaveLength(before);
  });

  it('exports OPML 2.0 that a fresh profile imports back to the same subscriptions and folders', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('opml-export').click()]);
    const file = await download.path();
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain('<outline text="Companies &amp; Projects" title="Companies &amp; Projects">');
    const mine = (await readFeeds(options)).map((f) => `${f.folder}\t${f.title}\t${f.url}`).sort();
    const fresh = await launchOrrery({ serverPort: server.port });
    try {
      const page = await fresh.open('/options.html');
      await page.getByTestId('opml-file').setInputFiles({ name: 'export.opml', mimeType: 'text/x-opml', buffer: Buffer.from(xml) });
      await expect.poll(() => page.getByTestId('import-report').textContent(), { timeout: 30_000 }).toContain(`${mine.length} added, 0 skipped, 0 failed`);
      const theirs = (await readFeeds(page)).map((f) => `${f.folder}\t${f.title}\t${f.url}`).sort();
      expect(theirs).toEqual(mine);
    } finally {
      await fresh.close();
    }
  });
});

describe('subscribe by URL', () => {
  it('previews a feed with its grade while the address is typed, then subscribes with the same response', async () => {
    await options.getByTestId('subscribe-url').fill('http://probe-me.example/index.xml');
    const preview = options.getByTestId('feed-preview');
    await preview.waitFor({ timeout: 30_000 });
    const grade = (await options.getByTestId('feed-grade').textContent()) ?? '';
    expect(grade).toContain('RSS 2.0');
    expect(grade).toContain('Full text of each post');
    expect(grade).toContain('ETag and Last-Modified');
    expect(await options.getByTestId('preview-posts').locator('li').count()).toBe(3);
    expect(requestsTo('http://probe-me.example/index.xml')).toHaveLength(1);
    await options.getByTestId('subscribe-submit').click();
    await expect.poll(() => row('http://probe-me.example/index.xml').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => row('http://probe-me.example/index.xml').getByTestId('subscription-status').textContent()).toBe('OK');
    // Stored as the first poll: posts, validators; never requested a second time.
    const stored = await readFeed(options, 'http://probe-me.example/index.xml');
    expect(stored).toMatchObject({ posts: 3, fetchCount: 1, lastStatus: 'ok' });
    expect(stored?.etag).toBeTruthy();
    expect(requestsTo('http://probe-me.example/index.xml')).toHaveLength(1);
  });

  it('subscribes to a site by its address: its one feed is found and previewed first', async () => {
    await options.getByTestId('subscribe-url').fill('http://spa.example/');
    // spa.example's home links no feed: the preview says so (no probing while typing).
    await expect.poll(() => options.getByTestId('subscribe-error').textContent(), { timeout: 20_000 }).toContain('No feed found at http://spa.example/');
    await options.getByTestId('subscribe-url').fill('http://one-feed.example/');
    const preview = options.getByTestId('feed-preview');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('linked from http://one-feed.example/');
    expect(await preview.textContent()).toContain('Atom 1.0');
    await expect.poll(() => options.getByTestId('subscribe-error').count()).toBe(0);
  });

  it('lists a site’s several feeds to choose from, comments last, and subscribes to the chosen one', async () => {
    await typeAndSubmit('http://wordpress-like.example/');
    const choices = options.getByTestId('feed-choices');
    await choices.waitFor({ timeout: 20_000 });
    const labels = await choices.locator('label').allTextContents();
    expect(labels).toHaveLength(3);
    expect(labels[0]).toContain('WP Blog » Feed (RSS)');
    expect(labels[2]).toContain('Comments Feed');
    // Subscribe without choosing: asked to choose, nothing added.
    await options.getByTestId('subscribe-submit').click();
    await options.getByText('Choose one of the feeds below first.').waitFor();
    await choices.getByLabel(/WP Blog » Feed \(RSS\)/).check();
    await choices.getByTestId('feed-preview').waitFor({ timeout: 20_000 });
    expect(await choices.getByTestId('feed-grade').textContent()).toContain('Summaries only');
    await options.getByTestId('subscribe-submit').click();
    await expect.poll(() => row('http://wordpress-like.example/feed/').count(), { timeout: 20_000 }).toBe(1);
    expect(requestsTo('http://wordpress-like.example/feed/')).toHaveLength(1);
    expect(requestsTo('http://wordpress-like.example/comments/feed/')).toHaveLength(0);
  });

  it('subscribes in one click when the address is a feed, into the folder given', async () => {
    const url = 'http://odd-links.example/feed.rss';
    await options.getByTestId('subscribe-url').fill(url);
    await options.getByLabel('Folder (optional)').fill('Odd');
    await options.getByTestId('subscribe-submit').click();
    await expect.poll(() => row(url).count(), { timeout: 20_000 }).toBe(1);
    await options.getByText('Subscribed to').waitFor();
    expect(await readFeed(options, url)).toMatchObject({ folder: 'Odd', title: 'Odd & Ends', posts: 3 });
    expect(requestsTo(url)).toHaveLength(1);
    await options.getByLabel('Folder (optional)').fill('');
  });

  it('gives each bad input its own message where the user typed it', async () => {
    const cases: [string, string | RegExp][] = [
      ['http://missing.example/feed.xml', 'Could not read http://missing.example/feed.xml: The server answered 404 Not Found: the feed is not at this address.'],
      ['http://no-feed.example/', /^No feed found at http:\/\/no-feed\.example\/: the page links no RSS, Atom or JSON feed, and none of the usual addresses/],
      ['http://json-api.example/data.json', 'http://json-api.example/data.json is a JSON document but not a JSON Feed'],
      ['http://odd-links.example/feed.rss', 'You are already subscribed to “Odd & Ends”.'],
      ['http://opml-by-mistake.example/list.opml', 'is a list of 1 feed (OPML)'],
      ['hello world', '“hello world” is not a web address'],
      ['javascript:alert(1)', 'is not a web address: unsupported scheme "javascript:"'],
    ];
    for (const [input, message] of cases) {
      const before = (await readFeeds(options)).length;
      await typeAndSubmit(input);
      await expect.poll(() => options.getByTestId('subscribe-error').textContent(), { timeout: 30_000 }).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
      expect(await options.getByTestId('subscribe-url').getAttribute('aria-invalid')).toBe('true');
      expect(await readFeeds(options), input).toHaveLength(before);
    }
  });
});

describe('managing subscriptions', () => {
  const url = 'http://probe-me.example/index.xml';

  it('renames, moves to another folder (with its posts), sets an interval and notifications', async () => {
    await row(url).getByTestId('edit-subscription').click();
    const editor = options.getByRole('form', { name: /Edit Probed feed/ });
    await editor.getByTestId('edit-title').fill('Probed, renamed');
    await editor.getByTestId('edit-folder').fill('Moved / Here');
    await editor.getByTestId('edit-interval').selectOption('30');
    await editor.getByTestId('edit-notify').check();
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row(url).textContent()).toContain('Probed, renamed');
    expect(await row(url).textContent()).toContain('every 30 min (yours)');
    const stored = await readFeed(options, url);
    expect(stored).toMatchObject({ title: 'Probed, renamed', folder: 'Moved / Here', overrideMinutes: 30, notify: true, posts: 3, postFolders: ['Moved / Here'] });
    expect(await options.locator('[data-testid="folder-group"][data-folder="Moved / Here"] [data-testid="subscription"]').count()).toBe(1);
  });

  it('unsubscribes with undo: the feed and its posts come back', async () => {
    const before = await readFeed(options, url);
    await row(url).getByTestId('unsubscribe').click();
    await expect.poll(() => row(url).count()).toBe(0);
    expect(await readFeed(options, url)).toBeUndefined();
    const undo = options.getByTestId('undo-unsubscribe');
    expect(await undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await undo.click();
    await expect.poll(() => row(url).count()).toBe(1);
    expect(await readFeed(options, url)).toEqual(before);
  });

  it('shows failing feeds highlighted with their status, and filters the list', async () => {
    const popup = await orrery.open('/popup.html');
    await popup.getByTestId('refresh-all').click();
    await expect.poll(() => row('http://2degrees.example/feed.xml').getByTestId('subscription-status').textContent(), { timeout: 90_000 }).toBe('HTTP 404');
    await popup.close();
    expect(await row('http://2degrees.example/feed.xml').getAttribute('class')).toContain('failing');
    await expect.poll(() => row('http://pythonbytes.example/feed.xml').getByTestId('subscription-status').textContent(), { timeout: 90_000 }).toMatch(/^(OK|Not modified)$/);
    await options.getByTestId('subscription-filter').fill('pythonbytes');
    await expect.poll(() => options.getByTestId('subscription').count()).toBe(1);
    await options.getByTestId('subscription-filter').fill('');
    await options.getByTestId('subscription-show').selectOption('failing');
    const shown = await options.getByTestId('subscription').evaluateAll((els) => els.map((el) => el.className));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => c.includes('failing'))).toBe(true);
    await options.getByTestId('subscription-show').selectOption('all');
  });
});

describe('Planets', () => {
  const listV1 = `<?xml version="1.0"?><opml version="2.0"><head><title>Tiny Planet</title></head><body><outline text="Tiny">
    <outline type="rss" text="Alpha" xmlUrl="http://alpha.example/feed.xml"/><outline type="rss" text="Beta" xmlUrl="http://beta.example/feed.xml"/></outline></body></opml>`;
  const listV2 = listV1.replace('<outline type="rss" text="Alpha" xmlUrl="http://alpha.example/feed.xml"/>', '<outline type="rss" text="Gamma" xmlUrl="http://gamma.example/feed.xml"/>');

  it('imports a Planet’s list from its page and keeps subscriptions in step with it', async () => {
    let version = 1;
    server.overrides.set('http://tiny-planet.example/opml.xml', (req, res) => {
      const body = version === 1 ? listV1 : listV2;
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { ETag: etag }).end();
      res.writeHead(200, { 'Content-Type': 'text/x-opml', ETag: etag }).end(body);
    });
    await options.getByTestId('opml-url').fill('http://planet-page.example/');
    await options.getByTestId('opml-url-submit').click();
    await expect.poll(() => options.getByTestId('import-report').textContent(), { timeout: 30_000 }).toContain('http://planet-page.example/: 1 added, 1 skipped');
    // Its list names one new feed (added to the list's folder) and one already subscribed.
    expect((await readFeed(options, 'http://one-feed.example/atom.xml'))?.folder).toBe('Members');

    await options.getByTestId('opml-url').fill('http://tiny-planet.example/opml.xml');
    await options.getByTestId('opml-url-submit').click();
    await expect.poll(() => options.getByTestId('import-report').textContent(), { timeout: 30_000 }).toContain('2 added');
    const planet = options.locator('[data-testid="planet"]', { hasText: 'Tiny Planet' });
    await planet.waitFor();
    version = 2;
    await planet.getByRole('button', { name: /Check Tiny Planet/ }).click();
    await expect.poll(() => planet.textContent(), { timeout: 20_000 }).toContain('1 new feed added, 1 no longer listed');
    expect((await readFeed(options, 'http://gamma.example/feed.xml'))?.folder).toBe('Tiny');
    expect((await readFeed(options, 'http://alpha.example/feed.xml'))?.leftPlanet?.title).toBe('Tiny Planet');
    await expect.poll(() => row('http://alpha.example/feed.xml').textContent()).toContain('No longer listed by Tiny Planet');
    // Unchanged list: a conditional request answered 304, nothing changes.
    await planet.getByRole('button', { name: /Check Tiny Planet/ }).click();
    await expect.poll(() => planet.textContent(), { timeout: 20_000 }).toContain('No change since the last check.');
    expect(requestsTo('http://tiny-planet.example/opml.xml').at(-1)?.ifNoneMatch).toBe('"v2"');
  });
});

// Notifications (an optional permission, granted in a copy of the build): notifications.test.ts.
describe('settings', () => {
  it('saves settings; the badge style applies at once', async () => {
    const worker = await orrery.worker();
    await options.getByLabel('A dot when there is something unread').check();
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('•');
    await options.getByLabel('Unread count').check();
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toMatch(/^\d+$/);
    await options.getByTestId('setting-keep-days').selectOption('90');
    await expect.poll(() => worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { keepDays: number }).keepDays)).toBe(90);
  });
});
