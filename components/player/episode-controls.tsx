/** A post's podcast player (data-testid="entry-audio"): play/resume, where it was left, the full controls while active. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
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
  const status = saved?.played ? t('player_played') : left !== undefined ? t('player_resumeAt', { time: formatDuration(left) }) : formatDuration(episode.duration ?? saved?.duration);
  return (
    <div class={`episode${active ? ' active' : ''}`} ref={root} data-testid="entry-audio" data-audio-src={episode.url} role="group" aria-label={t('player_episode', { title: episode.title })}>
      {active && player && snap ? (
        <>
          <PlayerControls player={player} snap={snap} episode={episode} where="post" />
          {saved?.played && !snap.playing && (
            <span class="muted" data-testid="episode-status">
              {t('player_played')}
            </span>
          )}
        </>
      ) : (
        <div class="episode-idle">
          <button type="button" class="play" data-testid="player-toggle" disabled={!player} aria-label={t(left !== undefined ? 'player_resumeEpisode' : 'player_playEpisode', { title: episode.title })} onClick={() => void player?.toggle(episode)}>
            ▶ {left !== undefined ? t('player_resume') : t('player_play')}
          </button>
          <span class="muted" data-testid="episode-status">
            {status}
          </span>
        </div>
      )}
      {active && snap?.fetching && (
        <p class="muted" role="status" data-testid="episode-fetching">
          {t('player_downloadingFirst')}
        </p>
      )}
      {active && snap?.error && (
        <p class="error" role="alert">
          {snap.error}
        </p>
      )}
      {isWebUrl(episode.url) && (
        <a class="download muted" href={episode.url} target="_blank" rel="noopener noreferrer" download>
          {t('player_download')}
        </a>
      )}
    </div>
  );
}
