/**
 * New posts arriving while the reader is at the top of the river appear above the posts on
 * screen, and those posts keep their elements (the first page is not emptied and rebuilt on
 * every change broadcast of a refresh).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genPath } from '../server/gen-feed.mjs';
import { sendFromPage, waitForRefresh } from './helpers';
import { closeAll, launchWithFixtures, type OrreryWithServer } from './launch';

let o: OrreryWithServer;
let popup: Page;
const PER_STEP = 5;
const urls = [0, 1].map((f) => `http://gen-${f}.example${genPath(f, PER_STEP)}`);
const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`;

async function refresh(): Promise<void> {
  const since = Date.now();
  await sendFromPage(popup, { type: 'refresh-all' });
  await waitForRefresh(popup, since, 120_000);
}

beforeAll(async () => {
  o = await launchWithFixtures();
  o.server.gen.step = 1;
  popup = await o.orrery.open('/popup.html');
  await sendFromPage(popup, { type: 'import-opml', text: opml });
  await refresh();
});

afterAll(() => closeAll(o));

describe('the river at the top while posts arrive', () => {
  it('shows the new posts above, and the posts already shown keep their elements', async () => {
    const timeline = await o.orrery.open('/timeline.html');
    const entries = timeline.getByTestId('entry');
    await expect.poll(() => entries.count()).toBe(2 * PER_STEP);
    // Tag every article element: a rebuilt river has none of these tags.
    await entries.evaluateAll((els) => els.forEach((el) => ((el as HTMLElement & { kept?: boolean }).kept = true)));
    const before = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id')));

    o.server.gen.step = 2;
    await refresh();
    await expect.poll(() => entries.count()).toBe(4 * PER_STEP);
    const after = await entries.evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-entry-id'), kept: (el as HTMLElement & { kept?: boolean }).kept === true })));
    // The newer posts are on top, the earlier ones below them in the same order, in the same elements.
    expect(after.slice(2 * PER_STEP).map((e) => e.id)).toEqual(before);
    expect(after.slice(2 * PER_STEP).every((e) => e.kept)).toBe(true);
    expect(after.slice(0, 2 * PER_STEP).some((e) => e.kept)).toBe(false);
    expect(await timeline.evaluate(() => window.scrollY)).toBeLessThan(40);
  });
});
