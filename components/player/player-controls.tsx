/** Transport controls of the active episode: skip back 15 s, play/pause, skip ahead 30 s, position, speed (re-rendered on play/pause, not as it plays). */
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
      <button type="button" class="skip" aria-label="Back 15 seconds" title="Back 15 seconds" onClick={() => player.skip(-15)}>
        −15
      </button>
      <button
        type="button"
        class="play"
        data-testid="player-toggle"
        aria-label={snap.playing ? 'Pause' : 'Play'}
        title={snap.playing ? 'Pause (p)' : 'Play (p)'}
        onClick={() => void player.toggle(episode)}
      >
        {snap.playing ? '❚❚' : '▶'}
      </button>
      <button type="button" class="skip" aria-label="Ahead 30 seconds" title="Ahead 30 seconds" onClick={() => player.skip(30)}>
        +30
      </button>
      <PlayerPosition player={player} duration={duration} />
      <label class="rate" for={id}>
        <span class="sr-only">Speed</span>
        <select id={id} value={String(snap.rate)} onChange={(e) => player.setRate(Number((e.target as HTMLSelectElement).value))}>
          {RATES.map((r) => (
            <option key={r} value={String(r)}>
              {r}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
