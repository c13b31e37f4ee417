/** The playing position: slider and time. The only part of the page that follows the audio's timeupdate. */
import { t } from '../../lib/i18n/t';
import { formatDuration } from '../../lib/ui/format-time';
import { usePlayerPosition } from './player-context';
import type { Player } from './player-state';

/** Props of PlayerPosition. */
export interface PlayerPositionProps {
  player: Player;
  duration: number | undefined;
}

/** The seek slider and "0:12 / 30:00", re-rendered on their own as the episode plays. */
export function PlayerPosition({ player, duration }: PlayerPositionProps) {
  const position = usePlayerPosition(player);
  return (
    <>
      <input
        type="range"
        class="seek"
        min={0}
        max={duration && Number.isFinite(duration) ? Math.round(duration) : 0}
        step={1}
        value={Math.round(position)}
        aria-label={t('player_position')}
        aria-valuetext={t('player_positionOf', { position: formatDuration(position), duration: formatDuration(duration) })}
        onInput={(e) => player.seek(Number((e.target as HTMLInputElement).value))}
      />
      <span class="time" data-testid="player-time">
        {formatDuration(position)} / {formatDuration(duration)}
      </span>
    </>
  );
}
