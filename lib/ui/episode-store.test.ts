import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEpisodeStore } from './episode-store';

describe('episode store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers each episode’s position separately, and the speed', async () => {
    const store = createEpisodeStore(fakeBrowser.storage.local, () => 42);
    expect(await store.get('http://p.example/1.mp3')).toBeUndefined();
    await store.save('http://p.example/1.mp3', { position: 61.5, duration: 1800, played: false });
    await store.save('http://p.example/2.mp3', { position: 0, played: true });
    expect(await store.get('http://p.example/1.mp3')).toEqual({ position: 61.5, duration: 1800, played: false, at: 42 });
    expect((await store.get('http://p.example/2.mp3'))?.played).toBe(true);
    expect(await store.rate()).toBe(1);
    await store.setRate(1.5);
    expect(await createEpisodeStore(fakeBrowser.storage.local).rate()).toBe(1.5);
  });

  it('ignores a stored value of the wrong shape', async () => {
    await fakeBrowser.storage.local.set({ 'episode:u': 'nonsense', playbackRate: 99 });
    const store = createEpisodeStore(fakeBrowser.storage.local);
    expect(await store.get('u')).toBeUndefined();
    expect(await store.rate()).toBe(1);
  });
});
