/** The player shared by the page: one <audio> element, owned here, handed to posts through context. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openOrreryDb } from '../../lib/db/open-db';
import { createEpisodeStore } from '../../lib/ui/episode-store';
import { UPGRADES_INSECURE_MEDIA } from '../../lib/ui/insecure-media';
import { insecureMedia } from '../insecure-media-loader';
import { pruneEpisodes } from '../../lib/ui/prune-episodes';
import { createPlayer, type Episode, type Player, type PlayerSnapshot } from './player-state';

const PlayerContext = createContext<Player | undefined>(undefined);

/** Props of PlayerProvider. */
export interface PlayerProviderProps {
  /** An episode was listened to the end (the page marks its post read). */
  onPlayed: (episode: Episode) => void;
  children: ComponentChildren;
}

/** Renders the page's audio element once and provides the player around it. */
export function PlayerProvider({ onPlayed, children }: PlayerProviderProps) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const played = useRef(onPlayed);
  played.current = onPlayed;
  const [player, setPlayer] = useState<Player | undefined>(undefined);
  useEffect(() => {
    if (!audioRef.current) return;
    const p = createPlayer({ audio: audioRef.current, store: createEpisodeStore(), onPlayed: (ep) => played.current(ep), ...(UPGRADES_INSECURE_MEDIA ? { fallback: insecureMedia() } : {}) });
    setPlayer(p);
    // Saved positions of finished, deleted or long-forgotten episodes go (at most once a day), when the page is idle.
    const prune = () =>
      void openOrreryDb()
        .then((db) => pruneEpisodes({ area: browser.storage.local, db, now: Date.now() }))
        .catch((err: unknown) => console.error('[orrery:player] pruning saved positions failed', err));
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(prune, { timeout: 10_000 }) : undefined;
    if (idle === undefined) setTimeout(prune, 1_000);
    return () => {
      if (idle !== undefined) cancelIdleCallback(idle);
      p.close();
    };
  }, []);
  return (
    <PlayerContext.Provider value={player}>
      <audio ref={audioRef} preload="metadata" class="page-audio" aria-hidden="true" />
      {children}
    </PlayerContext.Provider>
  );
}

/** The page's player, for components that act on it but show none of its state (no re-render). */
export function usePlayerInstance(): Player | undefined {
  return useContext(PlayerContext);
}

/**
 * The player and its latest snapshot: re-renders on every change but the position's (play,
 * pause, another episode, speed, errors). Its `position` may be stale: show it with usePlayerPosition.
 */
export function usePlayer(): [Player | undefined, PlayerSnapshot | undefined] {
  const player = useContext(PlayerContext);
  const [snap, setSnap] = useState<PlayerSnapshot | undefined>(player?.snapshot());
  useEffect(() => {
    if (!player) return;
    setSnap(player.snapshot());
    return player.subscribe(() => setSnap(player.snapshot()));
  }, [player]);
  return [player, snap];
}

/** Seconds played: re-renders (only) the component showing it, four times a second while playing. */
export function usePlayerPosition(player: Player): number {
  const [position, setPosition] = useState(() => player.snapshot().position);
  useEffect(() => {
    setPosition(player.snapshot().position);
    return player.subscribePosition(() => setPosition(player.snapshot().position));
  }, [player]);
  return position;
}
