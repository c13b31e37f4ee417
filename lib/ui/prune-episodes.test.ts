import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addFeeds, removeFeed } from '../db/feeds';
import { commitPoll } from '../db/posts';
import { freshDb } from '../db/test-db';
import { createEpisodeStore, type EpisodeProgress } from './episode-store';
import { episodesToPrune, FINISHED_KEEP_MS, MAX_POSITIONS, POSITION_MAX_AGE_MS, PRUNE_EVERY_MS, pruneEpisodes, type SavedEpisode } from './prune-episodes';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 5, 10);

const saved = (url: string, over: Partial<EpisodeProgress> = {}, postExists: boolean | undefined = true): SavedEpisode => ({
  url,
  progress: { position: 60, played: false, at: NOW - DAY, ...over },
  postExists,
});

describe('episodesToPrune', () => {
  it.each<[string, SavedEpisode, boolean]>([
    ['half-listened yesterday: kept', saved('u'), false],
    ['finished a week ago: kept (its post shows "Played")', saved('u', { played: true, position: 0, at: NOW - 7 * DAY }), false],
    ['finished over a month ago: goes', saved('u', { played: true, position: 0, at: NOW - FINISHED_KEEP_MS - 1 }), true],
    ['its post was deleted (retention, unsubscribe): goes', saved('u', {}, false), true],
    ['names no post (saved before posts were named), recent: kept', saved('u', {}, undefined), false],
    ['untouched for over half a year: goes, even with its post', saved('u', { at: NOW - POSITION_MAX_AGE_MS - 1 }), true],
    ['no valid time: goes', saved('u', { at: Number.NaN }), true],
  ])('%s', (_name, e, gone) => {
    expect(episodesToPrune([e], NOW)).toEqual(gone ? ['u'] : []);
  });

  it(`keeps the newest ${MAX_POSITIONS} positions`, () => {
    const many = Array.from({ length: MAX_POSITIONS + 3 }, (_, i) => saved(`u${i}`, { at: NOW - i * 60_000 }));
    expect(episodesToPrune(many.reverse(), NOW).sort()).toEqual([`u${MAX_POSITIONS}`, `u${MAX_POSITIONS + 1}`, `u${MAX_POSITIONS + 2}`].sort());
  });
});

describe('pruneEpisodes', () => {
  beforeEach(() => fakeBrowser.reset());

  async function setup() {
    const db = await freshDb();
    const { added } = await addFeeds(db, [{ url: 'http://a.example/feed', firstCheckAt: 0 }, { url: 'http://b.example/feed', firstCheckAt: 0 }], NOW);
    const item = (id: string) => ({ id, title: id, published: NOW - DAY, enclosures: [{ url: `http://cdn.example/${id}.mp3`, type: 'audio/mpeg' }], categories: [] });
    for (const [f, id] of [[added[0]!, 'a1'], [added[0]!, 'a2'], [added[1]!, 'b1']] as const) {
      await commitPoll(db, f.id, (c) => c, [item(id)], NOW - DAY);
    }
    return { db, a: added[0]!.id, b: added[1]!.id };
  }

  it('forgets finished episodes, those of deleted posts and stale ones; keeps the rest and the speed', async () => {
    const { db, a, b } = await setup();
    const area = fakeBrowser.storage.local;
    const at = (t: number) => createEpisodeStore(area, () => t);
    await at(NOW - DAY).save('http://cdn.example/a1.mp3', { position: 61, played: false, post: [a, 'a1'] });
    await at(NOW - 40 * DAY).save('http://cdn.example/a2.mp3', { position: 0, played: true, post: [a, 'a2'] });
    await at(NOW - DAY).save('http://cdn.example/b1.mp3', { position: 12, played: false, post: [b, 'b1'] });
    await at(NOW - 200 * DAY).save('http://old.example/x.mp3', { position: 5, played: false });
    await area.set({ 'episode:http://junk.example/y.mp3': 'nonsense', playbackRate: 1.5, settings: { theme: 'dark' } });
    await removeFeed(db, b); // unsubscribed: b1 is gone

    expect(await pruneEpisodes({ area, db, now: NOW })).toBe(4);
    const left = Object.keys(await area.get(null)).sort();
    expect(left).toEqual(['episode:http://cdn.example/a1.mp3', 'episodesPrunedAt', 'playbackRate', 'settings']);
    expect(await createEpisodeStore(area).get('http://cdn.example/a1.mp3')).toMatchObject({ position: 61, post: [a, 'a1'] });
  });

  it('runs at most once a day', async () => {
    const { db, a } = await setup();
    const area = fakeBrowser.storage.local;
    await pruneEpisodes({ area, db, now: NOW });
    await createEpisodeStore(area, () => NOW).save('http://cdn.example/gone.mp3', { position: 3, played: false, post: [a, 'no-such-post'] });
    expect(await pruneEpisodes({ area, db, now: NOW + PRUNE_EVERY_MS - 1 })).toBe(0);
    expect(await pruneEpisodes({ area, db, now: NOW + PRUNE_EVERY_MS })).toBe(1);
  });
});
