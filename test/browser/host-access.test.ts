/**
 * Site access withheld (Chrome's "Site access", or a withdrawn host permission): Orrery says what
 * is missing, offers the button that asks for it, and fetches nothing instead of failing with a
 * bare network error. (Granting goes through Chrome's prompt, which a test cannot answer: the
 * Firefox suite clicks the button through.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithFixtures, type OrreryWithServer } from './launch';

let o: OrreryWithServer;
let options: Page;

beforeAll(async () => {
  o = await launchWithFixtures();
  options = await o.orrery.open('/options.html');
});

afterAll(() => closeAll(o));

describe('host access', () => {
  it('shows no notice while Orrery may reach every site', async () => {
    await options.getByTestId('subscribe-url').waitFor();
    expect(await options.evaluate(() => chrome.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }))).toBe(true);
    expect(await options.getByTestId('host-access-missing').count()).toBe(0);
  });

  it('without it, names what is missing, offers to ask, and requests nothing from the site', async () => {
    expect(await options.evaluate(() => chrome.permissions.remove({ origins: ['<all_urls>'] }))).toBe(true);
    await expect.poll(() => options.getByTestId('host-access-missing').count()).toBe(1);
    expect(await options.getByTestId('host-access-missing').textContent()).toContain('Orrery cannot reach websites');
    expect(await options.getByTestId('grant-host-access').isVisible()).toBe(true);
    const popup = await o.orrery.open('/popup.html');
    await expect.poll(() => popup.getByTestId('host-access-missing').count()).toBe(1);
    await popup.close();
    const before = o.server.log.length;
    await options.getByTestId('subscribe-url').fill('http://wordpress-like.example/feed/');
    await options.getByTestId('subscribe-submit').click();
    await expect.poll(() => options.locator('body').textContent()).toContain('Orrery has no access to wordpress-like.example');
    expect(o.server.log.slice(before).filter((e) => e.host === 'wordpress-like.example')).toEqual([]);
  });
});
