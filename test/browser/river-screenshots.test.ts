/**
 * Screenshots of each view in light and dark, for people to look at: always into
 * screenshots/ (not committed); with ORRERY_UPDATE_DOCS=1 also the set the README shows, in
 * docs/screenshots/. Each shot first checks that the page shows what it claims to.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupRiver, type RiverFixture } from './river-setup';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const OUT = path.join(ROOT, 'screenshots');
const DOCS = path.join(ROOT, 'docs', 'screenshots');
/** The shots the README shows. */
const DOC_SET = new Set(['timeline-full-light', 'timeline-titles-dark', 'timeline-podcast-dark', 'timeline-narrow-light', 'popup-light', 'popup-dark']);

let fx: RiverFixture;

async function shot(p: Page, name: string): Promise<void> {
  const file = path.join(OUT, `${name}.png`);
  await p.screenshot({ path: file });
  if (process.env.ORRERY_UPDATE_DOCS === '1' && DOC_SET.has(name)) {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(file, path.join(DOCS, `${name}.png`));
  }
}

/** The background color the page paints, as "r,g,b". */
const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  fx = await setupRiver();
  // A few posts read and one starred, as in real use.
  const p = await fx.orrery.open('/timeline.html');
  await p.getByTestId('entry').first().waitFor();
  await p.getByTestId('entry').nth(2).getByTestId('toggle-read').click();
  await p.getByTestId('entry').nth(3).getByTestId('toggle-read').click();
  await p.getByTestId('entry').nth(1).getByTestId('toggle-star').click();
  await p.close();
});

afterAll(async () => {
  await fx?.close();
});

describe('screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`timeline views, ${scheme}`, async () => {
      const p = await fx.orrery.open('/timeline.html');
      await p.setViewportSize({ width: 1200, height: 820 });
      await p.emulateMedia({ colorScheme: scheme });
      await p.getByTestId('entry').first().waitFor();
      const bg = await background(p);
      expect(bg).toBe(scheme === 'light' ? 'rgb(251, 250, 247)' : 'rgb(21, 23, 26)');
      for (const view of ['full', 'summary', 'titles'] as const) {
        await p.getByTestId(`view-${view}`).click();
        await expect.poll(() => p.getByTestId(`view-${view}`).getAttribute('aria-pressed')).toBe('true');
        await p.locator('body').click({ position: { x: 5, y: 400 } });
        await p.keyboard.press('j');
        await p.evaluate(() => window.scrollTo(0, 0));
        await p.waitForTimeout(300);
        await shot(p, `timeline-${view}-${scheme}`);
      }
      // The podcast feed with an episode playing.
      await p.getByTestId('view-full').click();
      await p.getByTestId('feed-list-item').filter({ hasText: 'Python Bytes' }).locator('button').click();
      await p.getByTestId('entry-audio').first().getByRole('button', { name: /^(Play|Resume) episode/ }).click();
      await p.getByRole('button', { name: 'Pause' }).first().click();
      await p.waitForTimeout(200);
      await shot(p, `timeline-podcast-${scheme}`);
      // Scrolled away: the docked player.
      await p.locator('.sidebar .scope', { hasText: 'Blogs' }).first().click();
      await p.getByTestId('player-dock').waitFor();
      await shot(p, `timeline-dock-${scheme}`);
      await p.keyboard.press('?');
      await p.getByTestId('shortcuts-dialog').waitFor();
      await shot(p, `timeline-shortcuts-${scheme}`);
      await p.close();
    });

    it(`timeline at 360 px, ${scheme}`, async () => {
      const p = await fx.orrery.open('/timeline.html');
      await p.setViewportSize({ width: 360, height: 740 });
      await p.emulateMedia({ colorScheme: scheme });
      await p.getByTestId('entry').first().waitFor();
      // Nothing wider than the screen: no sideways scrolling.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shot(p, `timeline-narrow-${scheme}`);
      await p.getByRole('button', { name: 'Feeds', exact: true }).click();
      await p.getByTestId('feed-list-item').first().waitFor({ state: 'visible' });
      await shot(p, `timeline-narrow-feeds-${scheme}`);
      await p.close();
    });

    it(`popup, ${scheme}`, async () => {
      const p = await fx.orrery.open('/popup.html');
      await p.setViewportSize({ width: 380, height: 600 });
      await p.emulateMedia({ colorScheme: scheme });
      await p.getByTestId('recent-entry').first().waitFor();
      await p.getByTestId('failing-feed').first().waitFor();
      await shot(p, `popup-${scheme}`);
      await p.close();
    });
  }
});
