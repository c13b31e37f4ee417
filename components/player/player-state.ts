/**
 * The page's one podcast player: a single <audio> element and what it is playing. Posts
 * only show controls bound to this state, so playback goes on whatever the river mounts
 * or unmounts while the reader scrolls.
 */
import { t } from '../../lib/i18n/t';
import type { EpisodeStore } from '../../lib/ui/episode-store';
import { isInsecureWebUrl } from '../../lib/ui/insecure-media';

/** An episode: the enclosure of one post. */
export interface Episode {
  url: string;
  title: string;
  feedTitle: string;
  postKey: [string, string];
  /** From the feed (itunes:duration), until the audio says better. */
  duration?: number;
}

/** What the controls show. */
export interface PlayerSnapshot {
  episode: Episode | undefined;
  playing: boolean;
  /** Seconds played. Its changes reach `subscribePosition` listeners only (see Player). */
  position: number;
  duration: number | undefined;
  rate: number;
  error: string | undefined;
  /** The whole episode is being downloaded before it can play (see PlayerDeps.fallback). */
  fetching: boolean;
  /** The active episode's controls in its post are on screen (the dock hides then). */
  inlineVisible: boolean;
}

/** The player's actions. */
export interface Player {
  snapshot(): PlayerSnapshot;
  /**
   * Hears every change but the position's: the audio's `timeupdate` (four times a second while
   * playing) moves only the position, and should repaint only what shows it.
   */
  subscribe(listener: () => void): () => void;
  /** Hears the position move (playing, seeking, another episode). */
  subscribePosition(listener: () => void): () => void;
  /** Plays `episode` (resuming where it was left), or resumes/pauses it when it is already loaded. */
  toggle(episode: Episode): Promise<void>;
  pause(): void;
  seek(seconds: number): void;
  skip(deltaSeconds: number): void;
  setRate(rate: number): void;
  /** Stops and forgets the current episode (its position is saved). */
  close(): void;
  setInlineVisible(url: string, visible: boolean): void;
}

/** What the player needs. */
export interface PlayerDeps {
  audio: HTMLAudioElement;
  store: EpisodeStore;
  /** Called when an episode is listened to the end. */
  onPlayed: (episode: Episode) => void;
  now?: () => number;
  /**
   * A source the page can play for `url` when the browser refused the address itself (Firefox
   * upgrades http: media in extension pages to https: see lib/ui/insecure-media), or undefined
   * where there is no such remedy.
   */
  fallback?: { load: (url: string) => Promise<string>; release: (url: string) => void };
}

/** Seconds between saves of the position while playing. */
const SAVE_EVERY_S = 5;

/** Creates the player around the page's audio element. */
export function createPlayer({ audio, store, onPlayed, fallback }: PlayerDeps): Player {
  let snap: PlayerSnapshot = { episode: undefined, playing: false, position: 0, duration: undefined, rate: 1, error: undefined, fetching: false, inlineVisible: false };
  const listeners = new Set<() => void>();
  const positionListeners = new Set<() => void>();
  let lastSaved = 0;
  // While the fallback source is fetched, the first source's error is not the reader's news.
  let recovering = false;
  /** Episodes whose controls are on screen now. */
  const onScreen = new Set<string>();
  const set = (patch: Partial<PlayerSnapshot>) => {
    const moved = patch.position !== undefined && patch.position !== snap.position;
    snap = { ...snap, ...patch };
    for (const l of listeners) l();
    if (moved) for (const l of positionListeners) l();
  };
  const setPosition = (position: number) => {
    if (position === snap.position) return;
    snap = { ...snap, position };
    for (const l of positionListeners) l();
  };
  const save = (played = false) => {
    const ep = snap.episode;
    if (!ep) return;
    lastSaved = audio.currentTime;
    const duration = Number.isFinite(audio.duration) ? audio.duration : ep.duration;
    void store.save(ep.url, { position: played ? 0 : audio.currentTime, ...(duration !== undefined ? { duration } : {}), played, post: ep.postKey });
  };
  void store.rate().then((rate) => {
    audio.playbackRate = rate;
    audio.defaultPlaybackRate = rate;
    set({ rate });
  });

  audio.addEventListener('timeupdate', () => {
    setPosition(audio.currentTime);
    if (Math.abs(audio.currentTime - lastSaved) >= SAVE_EVERY_S) save();
  });
  audio.addEventListener('durationchange', () => {
    if (Number.isFinite(audio.duration)) set({ duration: audio.duration });
  });
  audio.addEventListener('play', () => set({ playing: true, error: undefined }));
  audio.addEventListener('pause', () => {
    set({ playing: false });
    if (!audio.ended) save();
  });
  audio.addEventListener('ended', () => {
    const ep = snap.episode;
    save(true);
    set({ playing: false, position: audio.duration || snap.position });
    if (ep) onPlayed(ep);
  });
  audio.addEventListener('ratechange', () => set({ rate: audio.playbackRate }));
  audio.addEventListener('error', () => {
    if (!recovering) set({ playing: false, error: t('player_cannotPlay') });
  });

  /** Resolves true once the audio knows its duration, false when its source failed. */
  const metadata = () =>
    new Promise<boolean>((resolve) => {
      const done = (e: Event) => {
        audio.removeEventListener('loadedmetadata', done);
        audio.removeEventListener('error', done);
        resolve(e.type === 'loadedmetadata');
      };
      audio.addEventListener('loadedmetadata', done);
      audio.addEventListener('error', done);
    });

  const load = async (episode: Episode) => {
    if (snap.episode) {
      save();
      fallback?.release(snap.episode.url);
    }
    const saved = await store.get(episode.url);
    const start = saved && !saved.played ? saved.position : 0;
    set({ episode, position: start, duration: saved?.duration ?? episode.duration, error: undefined, playing: false, inlineVisible: onScreen.has(episode.url) });
    const canRecover = fallback !== undefined && isInsecureWebUrl(episode.url);
    recovering = canRecover;
    const loaded = start > 0 || canRecover ? metadata() : undefined;
    audio.src = episode.url;
    audio.playbackRate = snap.rate;
    if (loaded && !(await loaded) && canRecover && snap.episode?.url === episode.url) {
      // The browser upgraded the address to https and the host has none: fetch it through the extension.
      set({ fetching: true });
      const src = await fallback.load(episode.url).catch(() => undefined);
      recovering = false;
      set({ fetching: false });
      if (snap.episode?.url !== episode.url) return;
      if (!src) {
        set({ playing: false, error: t('player_cannotPlay') });
        return;
      }
      const again = metadata();
      audio.src = src;
      audio.playbackRate = snap.rate;
      await again;
    }
    recovering = false;
    if (start > 0) audio.currentTime = start;
    lastSaved = start;
  };

  return {
    snapshot: () => snap,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribePosition(listener) {
      positionListeners.add(listener);
      return () => positionListeners.delete(listener);
    },
    async toggle(episode) {
      if (snap.episode?.url !== episode.url) {
        await load(episode);
        if (snap.error || snap.episode?.url !== episode.url) return;
      } else if (!audio.paused) {
        audio.pause();
        return;
      }
      try {
        await audio.play();
      } catch (err) {
        if ((err as Error).name !== 'AbortError') set({ error: t('player_couldNotPlay', { error: (err as Error).message }) });
      }
    },
    pause: () => audio.pause(),
    seek(seconds) {
      const max = Number.isFinite(audio.duration) ? audio.duration : Infinity;
      audio.currentTime = Math.max(0, Math.min(max, seconds));
      setPosition(audio.currentTime);
    },
    skip(delta) {
      this.seek(audio.currentTime + delta);
    },
    setRate(rate) {
      audio.playbackRate = rate;
      audio.defaultPlaybackRate = rate;
      set({ rate });
      void store.setRate(rate);
    },
    close() {
      save();
      if (snap.episode) fallback?.release(snap.episode.url);
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
      set({ episode: undefined, playing: false, position: 0, duration: undefined });
    },
    setInlineVisible(url, visible) {
      if (visible) onScreen.add(url);
      else onScreen.delete(url);
      if (snap.episode?.url === url && snap.inlineVisible !== visible) set({ inlineVisible: visible });
    },
  };
}
