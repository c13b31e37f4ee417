/**
 * Site access withheld (Chrome's "Site access", or a withdrawn host permission): Orrery says what
 * is missing, offers the button that asks for it, and fetches nothing instead of failing with a
 * bare network error. Chrome cannot remove a required permission, so this runs a copy of the
 * build whose host access is optional and not granted, as a reader who withheld it has.
 * (Granting goes through Chrome's prompt, which a test cannot answer: the Firefox suite clicks
 * the button through.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import type { Orrery } from './launch';
import { launchEditedBuild } from './launch-edited-build';

let close: (() => Promise<void>) | undefined;
let server: FixtureServer;
let orrery: Orrery;
let options: Page;

beforeAll(async () => {
  ({ server, orrery, close } = await launchEditedBuild('no-access', (manifest) => {
    manifest.optional_host_permissions = manifest.host_permissions ?? ['<all_urls>'];
    delete manifest.host_permissions;
  }));
  options = await orrery.open('/options.html');
});

afterAll(async () => {
  await close?.();
});

describe('host access withheld', () => {
  it('names what is missing in the options page and the popup, with the button that asks for it', async () => {
    expect(await options.evaluate(() => chrome.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }))).toBe(false);
    await expect.poll(() => options.getByTestId('host-access-missing').count()).toBe(1);
    expect(await options.getByTestId('host-access-missing').textContent()).toContain('Orrery cannot reach websites');
    expect(await options.getByTestId('grant-host-access').isVisible()).toBe(true);
    const popup = await orrery.open('/popup.html');
    await expect.poll(() => popup.getByTestId('host-access-missing').count()).toBe(1);
    await popup.close();
  });

  it('says so when subscribing, and requests nothing from the site', async () => {
    const before = server.log.length;
    await options.getByTestId('subscribe-url').fill('http://wordpress-like.example/feed/');
    await options.getByTestId('subscribe-submit').click();
    await expect.poll(() => options.locator('body').textContent()).toContain('Orrery has no access to wordpress-like.example');
    expect(server.log.slice(before).filter((e) => e.host === 'wordpress-like.example')).toEqual([]);
  });
});
