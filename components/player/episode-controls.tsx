/** A post's podcast player (data-testid="entry-audio"): play/resume, where it was left, the full controls while active. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { isWebUrl } from '../../lib/util/web-url';
import { createEpisodeStore, type EpisodeProgress } from '../../lib/ui/episode-store';
import { formatDuration } from '../../lib/ui/format-time';
import { PlayerControls } from './player-controls';
import { usePlayer } from './player-context';
import type { Episode } from './player-state';

const store = createEpisodeStore();

/** Props of EpisodeControls. */
export interface EpisodeControlsProps {
  episode: Episode;
}

/** Controls for one episode, bound to the page's single player. */
export function EpisodeControls({ episode }: EpisodeControlsProps) {
  const [player, snap] = usePlayer();
  const [saved, setSaved] = useState<EpisodeProgress | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);
  const active = snap?.episode?.url === episode.url;
  useEffect(() => {
    let live = true;
    void store.get(episode.url).then((p) => live && setSaved(p));
    return () => {
      live = false;
    };
  }, [episode.url, active, snap?.playing]);
  useEffect(() => {
    const el = root.current;
    if (!el || !player) return;
    const io = new IntersectionObserver(([entry]) => player.setInlineVisible(episode.url, entry?.isIntersecting === true));
    io.observe(el);
    return () => {
      io.disconnect();
      player.setInlineVisible(episode.url, false);
    };
  }, [player, episode.url]);
  const left = saved && !saved.played && saved.position > 0 ? saved.position : undefined;
  const status = saved?.played ? 'Played' : left !== undefined ? `Resume at ${formatDuration(left)}` : formatDuration(episode.duration ?? saved?.duration);
  return (
    <div class={`episode${active ? ' active' : ''}`} ref={root} data-testid="entry-audio" data-audio-src={episode.url} role="group" aria-label={`Episode: ${episode.title}`}>
      {active && player && snap ? (
        <>
          <PlayerControls player={player} snap={snap} episode={episode} where="post" />
          {saved?.played && !snap.playing && (
            <span class="muted" data-testid="episode-status">
              Played
            </span>
          )}
        </>
      ) : (
        <div class="episode-idle">
          <button type="button" class="play" data-testid="player-toggle" disabled={!player} aria-label={`${left !== undefined ? "Resume" : "Play"} episode: ${episode.title}`} onClick={() => void player?.toggle(episode)}>
            ▶ {left !== undefined ? 'Resume' : 'Play'}
          </button>
          <span class="muted" data-testid="episode-status">
            {status}
          </span>
        </div>
      )}
      {active && snap?.fetching && (
        <p class="muted" role="status" data-testid="episode-fetching">
          Downloading the whole episode first: its host offers no https, which Firefox requires for audio here.
        </p>
      )}
      {active && snap?.error && (
        <p class="error" role="alert">
          {snap.error}
        </p>
      )}
      {isWebUrl(episode.url) && (
        <a class="download muted" href={episode.url} target="_blank" rel="noopener noreferrer" download>
          Audio download
        </a>
      )}
    </div>
  );
}
