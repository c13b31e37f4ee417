import { describe, expect, it } from 'vitest';
import type { EpisodeStore } from '../../lib/ui/episode-store';
import { createPlayer } from './player-state';

/** Enough of an <audio> element for the player: events, time, play/pause. */
function fakeAudio() {
  const audio = new EventTarget() as EventTarget & Record<string, unknown>;
  Object.assign(audio, { currentTime: 0, duration: 30, paused: true, ended: false, playbackRate: 1, defaultPlaybackRate: 1, src: '' });
  audio.play = async () => {
    audio.paused = false;
    audio.dispatchEvent(new Event('play'));
  };
  audio.pause = () => {
    audio.paused = true;
    audio.dispatchEvent(new Event('pause'));
  };
  audio.removeAttribute = () => undefined;
  audio.load = () => undefined;
  return audio;
}

const store: EpisodeStore = { get: async () => undefined, save: async () => undefined, rate: async () => 1, setRate: async () => undefined };
const episode = { url: 'http://p.example/1.mp3', title: 'One', feedTitle: 'Pod', postKey: ['f', '1'] as [string, string] };

describe('the player’s two channels', () => {
  it('timeupdate reaches only the position listeners; play/pause only the state listeners', async () => {
    const audio = fakeAudio();
    const player = createPlayer({ audio: audio as unknown as HTMLAudioElement, store, onPlayed: () => undefined });
    await player.toggle(episode);
    let state = 0;
    let moved = 0;
    player.subscribe(() => state++);
    player.subscribePosition(() => moved++);
    for (const t of [0.25, 0.5, 0.75, 1]) {
      audio.currentTime = t;
      audio.dispatchEvent(new Event('timeupdate'));
    }
    expect({ state, moved }).toEqual({ state: 0, moved: 4 });
    expect(player.snapshot().position).toBe(1);
    player.pause();
    expect({ state, moved }).toEqual({ state: 1, moved: 4 });
    player.seek(10);
    expect({ state, moved, position: player.snapshot().position }).toEqual({ state: 1, moved: 5, position: 10 });
    // The same time again is no move.
    audio.dispatchEvent(new Event('timeupdate'));
    expect(moved).toBe(5);
  });
});
