/**
 * What a post loads when it is shown, in real Chromium, counted by the fixture server: tracking
 * pixels sized or hidden by a style, or with a tracker's URL, are never requested; one with no
 * sign loads once and is then hidden; a video's poster is never requested and its default
 * caption track, only once the reader presses play. A content image in the same post loads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { sendFromPage } from './helpers';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { png } from './png';

let server: FixtureServer;
let orrery: Orrery;

const serve = (type: string, body: string | Buffer) => (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(200, { 'Content-Type': type }).end(body);

const FEED = 'http://loads.example/feed.xml';
/** Pixels the sanitizer recognizes before loading: none of these may ever be requested. */
const PIXELS = [
  ['http://pixels.example/style-both.png', 'style="width:1px;height:1px"'],
  ['http://pixels.example/style-max.png', 'style="max-width:1px"'],
  ['http://pixels.example/style-important.png', 'style="height: 1px !important; border: 0"'],
  ['http://pixels.example/style-zero.png', 'style="width:0"'],
  ['http://pixels.example/style-none.png', 'style="display:none"'],
  ['http://pixels.example/attr.png', 'width="1" height="1"'],
  ['http://pixels.example/track/open/u42.gif', ''],
  ['http://pixels.example/news.gif?utm_source=feed&utm_medium=rss', ''],
  ['http://pixels.example/open.aspx?id=42', ''],
] as const;
const UNKNOWN_PIXEL = 'http://pixels.example/no-sign.png';
const CONTENT_IMAGE = 'http://loads.example/diagram.png';
const POSTER = 'http://media.example/poster.png';
const CAPTIONS = 'http://media.example/captions.vtt';
const VIDEO = 'http://media.example/clip.mp4';

const html = [
  '<p>A post with pixels and a video.</p>',
  `<img src="${CONTENT_IMAGE}" alt="A diagram">`,
  ...PIXELS.map(([src, attrs]) => `<img src="${src.replace(/&/g, '&amp;')}" ${attrs} alt="">`),
  `<video src="${VIDEO}" poster="${POSTER}" controls autoplay><track default kind="captions" srclang="en" label="English" src="${CAPTIONS}"></video>`,
  // Last in the post: once it is requested, every image above it has been seen by the browser.
  `<p>End <img src="${UNKNOWN_PIXEL}" alt=""></p>`,
].join('');

const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Loads</title><link>http://loads.example/</link>
<item><title>Pixels and a video</title><link>http://loads.example/1</link><guid>loads-1</guid><pubDate>Mon, 01 Jun 2026 08:00:00 GMT</pubDate>
<description><![CDATA[${html}]]></description></item></channel></rss>`;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  server.overrides.set(FEED, serve('application/rss+xml', feed));
  for (const [src] of PIXELS) server.overrides.set(src.replace(/\?.*/, ''), serve('image/gif', png(1, 1)));
  server.overrides.set(UNKNOWN_PIXEL, serve('image/png', png(1, 1)));
  server.overrides.set(CONTENT_IMAGE, serve('image/png', png(40, 30)));
  server.overrides.set(POSTER, serve('image/png', png(40, 30)));
  server.overrides.set(CAPTIONS, serve('text/vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n'));
});

afterAll(() => closeAll({ orrery, server }));

const requests = (url: string) => server.log.filter((r) => r.url === url.replace(/\?.*/, '') || r.url === url).length;

describe('what a post loads', () => {
  it('never requests recognized pixels, a poster or a caption track before play; hides a pixel it could not recognize', async () => {
    const home = await orrery.open('/options.html');
    const reply = await sendFromPage<{ ok: boolean }>(home, { type: 'subscribe', url: FEED });
    expect(reply.ok).toBe(true);
    const page = await orrery.open('/timeline.html');
    const content = page.getByTestId('entry-content').first();
    await content.waitFor();
    // The content image loads (so images in this post do load), and so does the sign-less pixel, last in the post.
    await expect.poll(() => requests(CONTENT_IMAGE)).toBe(1);
    await expect.poll(() => requests(UNKNOWN_PIXEL)).toBe(1);
    await expect.poll(() => content.locator(`img[src="${CONTENT_IMAGE}"]`).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);
    const seen = Object.fromEntries([...PIXELS.map(([src]) => src), POSTER, CAPTIONS, VIDEO].map((u) => [u, requests(u)]));
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((u) => [u, 0])));
    // The pixel nothing recognized loaded at 1x1 and is hidden; the content image is not.
    await expect.poll(() => content.locator(`img[src="${UNKNOWN_PIXEL}"]`).evaluate((img: HTMLImageElement) => img.hidden)).toBe(true);
    expect(await content.locator(`img[src="${CONTENT_IMAGE}"]`).evaluate((img: HTMLImageElement) => img.hidden)).toBe(false);
    // Play: now, and only now, the caption track is asked for. The poster never is.
    const video = content.locator('video');
    expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    await video.evaluate((v: HTMLVideoElement) => void v.play().catch(() => undefined));
    await expect.poll(() => requests(CAPTIONS)).toBeGreaterThan(0);
    expect(requests(POSTER)).toBe(0);
    await Promise.all([page.close(), home.close()]);
  });
});
