/**
 * An options page left open costs every popup or timeline opened meanwhile a restyle of its
 * elements (Chromium restyles every page of the extension when it creates one): the page keeps
 * few elements styled. Sections off screen are skipped (content-visibility), and the rules
 * form's "for" picker lists one option per feed only while it is in use, and still picks a feed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { subscribeToFixtures } from './subscribe-fixtures';
import { readFeeds } from './subscribing-helpers';


let server: FixtureServer;
let orrery: Orrery;
let options: Page;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  options = await orrery.open('/options.html');
  await subscribeToFixtures(options, 'many.opml');
});

afterAll(() => closeAll({ orrery, server }));

/** Whether Chromium renders (styles and lays out) the element now, or skips it off screen. */
const rendered = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions));

const feedOptions = () => options.locator('[data-testid="rule-scope"] option[value^="feed:"]').count();

describe('an options page left open', () => {
  it('skips the sections off screen, and renders one when it is scrolled to', async () => {
    await options.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => rendered(options, '#settings-h')).toBe(false);
    await expect.poll(() => rendered(options, '#add-h')).toBe(true);
    // Still in the page (find, the accessibility tree, links to #settings-h), and shown when reached.
    await options.locator('a[href="#settings-h"]').click();
    await expect.poll(() => rendered(options, '#settings-h')).toBe(true);
    await expect.poll(() => options.locator('#settings-h').evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(100);
  });

  it('lists the feeds in the rules form only while its picker is in use, and a feed can still be picked', async () => {
    const feeds = (await readFeeds(options)).filter((f) => f.title);
    expect(feeds.length).toBeGreaterThan(10);
    const scope = options.getByTestId('rule-scope');
    await scope.scrollIntoViewIfNeeded();
    await options.mouse.move(0, 0);
    expect(await feedOptions()).toBe(0);
    const width = await scope.evaluate((el) => el.getBoundingClientRect().width);

    // The pointer over it (before any press opens it): every feed, and the picker keeps its width.
    await scope.hover();
    await expect.poll(feedOptions).toBe(feeds.length);
    expect(await scope.evaluate((el) => el.getBoundingClientRect().width)).toBe(width);
    await options.mouse.move(0, 0);
    await expect.poll(feedOptions).toBe(0);

    // From the keyboard: focused, it lists them; a feed picked stays listed after it is left.
    await scope.focus();
    await expect.poll(feedOptions).toBe(feeds.length);
    const pick = feeds[Math.floor(feeds.length / 2)]!;
    await scope.selectOption(`feed:${pick.id}`);
    await options.getByTestId('rule-pattern').fill('nothing-matches-this');
    await options.getByTestId('rule-add').click();
    await expect.poll(() => options.getByTestId('rule-row').last().textContent()).toContain(pick.title);
    await options.mouse.move(0, 0);
    await options.getByTestId('rule-pattern').focus();
    await expect.poll(feedOptions).toBe(1);
    expect(await scope.inputValue()).toBe(`feed:${pick.id}`);
  });
});
