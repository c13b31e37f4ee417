/** "Refresh now", with progress while the background works through the feeds. */
import { useEffect, useState } from 'preact/hooks';
import { send, type RefreshProgress } from '../lib/messaging/protocol';

/** The refresh button and its progress bar. */
export function RefreshButton() {
  const [progress, setProgress] = useState<RefreshProgress | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const p = await send({ type: 'get-refresh-progress' }).catch(() => undefined);
      if (!live) return;
      setProgress(p);
      timer = setTimeout(() => void tick(), p?.running ? 500 : 3000);
    };
    void tick();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  const running = progress?.running === true;
  return (
    <span class="refresh">
      <button
        type="button"
        data-testid="refresh-all"
        aria-label="Refresh every feed now"
        title="Refresh every feed now (r)"
        onClick={() => void send({ type: 'refresh-all' }).then(setProgress)}
      >
        {running ? 'Refreshing…' : 'Refresh'}
      </button>
      {running && progress && (
        <progress max={progress.total || 1} value={progress.done} aria-label={`Refreshed ${progress.done} of ${progress.total} feeds`} />
      )}
    </span>
  );
}
