/**
 * Podcasts in the river: the Python Bytes fixture's episodes (served as silent MP3s, the
 * newest 30 s long, the others 1 s) played through the page's one audio element.
 */
import type { Page } from 'playwright-core';
import { callsDuring } from './render-calls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupRiver, type RiverFixture } from './river-setup';

let fx: RiverFixture;

const audio = (p: Page) =>
  p.evaluate(() => {
    const all = document.querySelectorAll('audio');
    const a = all[0];
    return { count: all.length, paused: a?.paused ?? true, time: a?.currentTime ?? 0, rate: a?.playbackRate ?? 0, src: a?.currentSrc ?? '' };
  });

async function openPodcast(): Promise<Page> {
  const p = await fx.orrery.open('/timeline.html');
  await p.getByTestId('feed-list-item').filter({ hasText: 'Python Bytes' }).locator('button').click();
  await expect.poll(() => p.getByTestId('entry-audio').count()).toBe(12);
  return p;
}

beforeAll(async () => {
  fx = await setupRiver();
});

afterAll(async () => {
  await fx?.close();
});

describe('the podcast player', () => {
  it('plays an episode, changes speed, skips, and keeps playing in the dock when its post is gone', async () => {
    const p = await openPodcast();
    const first = p.getByTestId('entry-audio').first();
    const url = await first.getAttribute('data-audio-src');
    const entryId = await p.getByTestId('entry').first().getAttribute('data-entry-id');
    expect(url).toBe('http://pythonbytes.example/episodes/download/481.mp3');
    await first.getByRole('button', { name: /^(Play|Resume) episode/ }).click();
    await expect.poll(async () => (await audio(p)).time, { timeout: 10_000 }).toBeGreaterThan(0.3);
    const playing = await audio(p);
    expect(playing).toMatchObject({ count: 1, paused: false, src: url });
    expect(await first.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    // Speed is the audio's and is remembered.
    await first.getByLabel('Speed').selectOption('1.5');
    await expect.poll(async () => (await audio(p)).rate).toBe(1.5);
    expect(await p.evaluate(() => chrome.storage.local.get('playbackRate'))).toEqual({ playbackRate: 1.5 });
    // Skips move the position both ways.
    await first.getByRole('button', { name: 'Ahead 30 seconds' }).isVisible();
    const before = (await audio(p)).time;
    await first.getByRole('button', { name: 'Back 15 seconds' }).click();
    expect((await audio(p)).time).toBeLessThan(before);
    await p.evaluate(() => {
      document.querySelector('audio')!.currentTime = 2;
    });
    await first.getByRole('button', { name: 'Ahead 30 seconds' }).click();
    // 2 s + 30 s is past the end of a 30 s episode: clamped there.
    await expect.poll(async () => (await audio(p)).time).toBeGreaterThan(25);
    // Back to 1 s. Reaching the end may have ended the episode (paused): then play on, as a listener would.
    const ended = await p.evaluate(() => {
      const a = document.querySelector('audio')!;
      a.currentTime = 1;
      return a.paused;
    });
    if (ended) await first.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await audio(p)).paused).toBe(false);
    // No dock while the episode's own controls are on screen.
    expect(await p.getByTestId('player-dock').count()).toBe(0);
    // Leave the podcast: its post is unmounted, the episode goes on in the dock.
    await p.locator('.sidebar .scope', { hasText: 'Blogs' }).first().click();
    await expect.poll(() => p.getByTestId('entry-audio').count()).toBe(0);
    const dock = p.getByTestId('player-dock');
    await expect.poll(() => dock.count()).toBe(1);
    expect(await dock.textContent()).toContain('Python Bytes');
    const t1 = (await audio(p)).time;
    await expect.poll(async () => (await audio(p)).time).toBeGreaterThan(t1 + 0.3);
    expect((await audio(p)).count).toBe(1);
    await dock.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await audio(p)).paused).toBe(true);
    // Pausing saves the position (an asynchronous storage write).
    const stored = async () => (await p.evaluate((u) => chrome.storage.local.get(`episode:${u}`), url!))[`episode:${url}`] as { position: number; played: boolean; post?: string[] } | undefined;
    await expect.poll(stored).toBeDefined();
    const saved = (await stored())!;
    expect(saved.played).toBe(false);
    expect(saved.position).toBeGreaterThan(1);
    // It names its post, so it goes when the post does (pruneEpisodes).
    expect(saved.post?.[1]).toBe(entryId);
    // The dock's title brings the reader back to the episode's post.
    await dock.locator('.dock-title button').click();
    await expect.poll(() => p.locator('.scope-header h1').textContent()).toBe('Python Bytes');
    await expect.poll(() => p.getByTestId('entry').first().evaluate((el) => el.classList.contains('current'))).toBe(true);
    // Once the episode's own controls are on screen, the dock steps aside.
    await p.getByTestId('entry-audio').first().scrollIntoViewIfNeeded();
    await expect.poll(() => p.getByTestId('player-dock').count(), { timeout: 10_000 }).toBe(0);
    await p.close();

    // A new page resumes where the episode was left.
    const again = await openPodcast();
    const row = again.getByTestId('entry-audio').first();
    await expect.poll(() => row.getByTestId('episode-status').textContent()).toMatch(/^Resume at 0:0\d$/);
    await row.getByRole('button', { name: /^(Play|Resume) episode/ }).click();
    await expect.poll(async () => (await audio(again)).paused).toBe(false);
    expect((await audio(again)).time).toBeGreaterThanOrEqual(saved.position - 0.5);
    await again.getByRole('button', { name: 'Pause' }).first().click();
    await again.close();
  });

  it('marks an episode played, and its post read, at the end', async () => {
    const p = await openPodcast();
    const entry = p.getByTestId('entry').nth(1);
    expect(await entry.getAttribute('data-read')).toBe('false');
    const row = entry.getByTestId('entry-audio');
    const url = await row.getAttribute('data-audio-src');
    await row.getByRole('button', { name: /^(Play|Resume) episode/ }).click();
    await expect.poll(() => row.getByTestId('episode-status').textContent(), { timeout: 15_000 }).toBe('Played');
    await expect.poll(() => entry.getAttribute('data-read')).toBe('true');
    const saved = (await p.evaluate((u) => chrome.storage.local.get(`episode:${u}`), url!))[`episode:${url}`] as { played: boolean };
    expect(saved.played).toBe(true);
    await p.close();
  });

  it('plays and pauses the current post’s episode with p', async () => {
    const p = await openPodcast();
    await p.locator('body').click({ position: { x: 5, y: 300 } });
    await p.keyboard.press('j');
    await p.keyboard.press('p');
    await expect.poll(async () => (await audio(p)).paused).toBe(false);
    await p.keyboard.press('p');
    await expect.poll(async () => (await audio(p)).paused).toBe(true);
    await p.close();
  });

  it('on timeupdate only the position display changes: the page, river, posts and idle episodes do not render', async () => {
    const p = await openPodcast();
    // Each marker is a literal only one function holds (the catalogue key of a text it shows).
    const markers = { page: 'timeline_skipToPosts', river: 'timeline_loadOlder', post: 'entry-title', episode: 'entry-audio', position: 'player-time' };
    const setup = async () => {
      // Loaded again with the calls counted (the podcast's river stays in the address).
      await p.reload();
      await expect.poll(() => p.getByTestId('entry-audio').count()).toBe(12);
      await p.getByTestId('entry-audio').first().getByRole('button', { name: /^(Play|Resume) episode/ }).click();
      await expect.poll(async () => (await audio(p)).paused).toBe(false);
      await p.evaluate(() => {
        document.querySelector('audio')!.currentTime = 0;
        // Watch the river's DOM while the episode plays.
        const w = window as unknown as { mutated: string[]; updates: number };
        w.mutated = [];
        w.updates = 0;
        document.querySelector('audio')!.addEventListener('timeupdate', () => w.updates++);
        new MutationObserver((records) => {
          for (const r of records) {
            const el = r.target instanceof Element ? r.target : r.target.parentElement;
            // The position's slider and its time: what timeupdate is for.
            if (el?.closest('.episode.active .seek, .episode.active [data-testid="player-time"]')) continue;
            w.mutated.push(`${r.type} ${el?.outerHTML.slice(0, 80) ?? '?'}`);
          }
        }).observe(document.querySelector('[role="feed"]')!, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    };
    const calls = await callsDuring(p, markers, setup, () => p.waitForTimeout(3_000));
    const seen = await p.evaluate(() => {
      const w = window as unknown as { mutated: string[]; updates: number };
      return { mutated: w.mutated, updates: w.updates };
    });
    expect(seen.updates).toBeGreaterThanOrEqual(5);
    expect((await audio(p)).paused).toBe(false);
    expect(seen.mutated).toEqual([]);
    expect(calls).toMatchObject({ page: 0, river: 0, post: 0 });
    // The 12 episodes' controls may render once more as the start of playback settles (their saved
    // state is read back asynchronously); re-rendered on timeupdate, they would render 12 times per update.
    expect(calls.episode).toBeLessThanOrEqual(12);
    expect(calls.position).toBeGreaterThanOrEqual(5);
    await p.getByRole('button', { name: 'Pause' }).first().click();
    await p.close();
  });
});
