/** Transport controls of the active episode: skip back 15 s, play/pause, skip ahead 30 s, position, speed (re-rendered on play/pause, not as it plays). */
import { formatNumber, t } from '../../lib/i18n/t';
import { RATES } from '../../lib/ui/episode-store';
import { PlayerPosition } from './player-position';
import type { Episode, Player, PlayerSnapshot } from './player-state';

/** Props of PlayerControls. */
export interface PlayerControlsProps {
  player: Player;
  snap: PlayerSnapshot;
  episode: Episode;
  /** Distinguishes the dock's controls from the post's (ids, labels). */
  where: 'post' | 'dock';
}

/** The full set of controls, for the episode being played. */
export function PlayerControls({ player, snap, episode, where }: PlayerControlsProps) {
  const duration = snap.duration;
  const id = `rate-${where}`;
  return (
    <div class="player-controls">
      <button type="button" class="skip" aria-label={t('player_back15')} title={t('player_back15')} onClick={() => player.skip(-15)}>
        −15
      </button>
      <button
        type="button"
        class="play"
        data-testid="player-toggle"
        aria-label={snap.playing ? t('player_pause') : t('player_play')}
        title={snap.playing ? t('player_pauseKey') : t('player_playKey')}
        onClick={() => void player.toggle(episode)}
      >
        {snap.playing ? '❚❚' : '▶'}
      </button>
      <button type="button" class="skip" aria-label={t('player_ahead30')} title={t('player_ahead30')} onClick={() => player.skip(30)}>
        +30
      </button>
      <PlayerPosition player={player} duration={duration} />
      <label class="rate" for={id}>
        <span class="sr-only">{t('player_speed')}</span>
        <select id={id} value={String(snap.rate)} onChange={(e) => player.setRate(Number((e.target as HTMLSelectElement).value))}>
          {RATES.map((r) => (
            <option key={r} value={String(r)}>
              {formatNumber(r)}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
