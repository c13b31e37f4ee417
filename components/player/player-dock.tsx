/** The docked player: the playing episode's controls at the bottom of the page while its post is off screen. */
import { t } from '../../lib/i18n/t';
import { PlayerControls } from './player-controls';
import { usePlayer } from './player-context';

/** Props of PlayerDock. */
export interface PlayerDockProps {
  /** Scrolls the river back to the episode's post. */
  onShowPost: (key: [string, string]) => void;
}

/** Shown while an episode is loaded and its own controls are not on screen. */
export function PlayerDock({ onShowPost }: PlayerDockProps) {
  const [player, snap] = usePlayer();
  const ep = snap?.episode;
  if (!player || !snap || !ep || snap.inlineVisible) return null;
  return (
    <section class="player-dock" aria-label={t('player_dock')} data-testid="player-dock">
      <div class="dock-title">
        <button type="button" class="link" onClick={() => onShowPost(ep.postKey)} title={t('player_showPost')}>
          {ep.title}
        </button>
        <span class="muted"> · {ep.feedTitle}</span>
      </div>
      <PlayerControls player={player} snap={snap} episode={ep} where="dock" />
      <button type="button" class="close" aria-label={t('player_close')} onClick={() => player.close()}>
        ×
      </button>
    </section>
  );
}
