/** "Refresh now", with progress while the background works through the feeds. */
import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '../lib/i18n/t';
import { send, type RefreshProgress } from '../lib/messaging/protocol';

const STARTED = 'orrery:refresh-started';

/** Starts a refresh of every feed (the "r" key and the button); every RefreshButton on the page shows its progress. */
export async function startRefresh(): Promise<RefreshProgress> {
  const p = await send({ type: 'refresh-all' });
  window.dispatchEvent(new CustomEvent<RefreshProgress>(STARTED, { detail: p }));
  return p;
}

/** The refresh button and its progress bar. */
export function RefreshButton() {
  const [progress, setProgress] = useState<RefreshProgress | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (p: RefreshProgress | undefined) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void tick(), p?.running ? 400 : 3000);
    };
    const tick = async () => {
      const p = await send({ type: 'get-refresh-progress' }).catch(() => undefined);
      if (!live) return;
      setProgress(p);
      schedule(p);
    };
    const onStart = (e: Event) => {
      const p = (e as CustomEvent<RefreshProgress>).detail;
      setProgress(p);
      schedule(p);
    };
    window.addEventListener(STARTED, onStart);
    void tick();
    return () => {
      live = false;
      window.removeEventListener(STARTED, onStart);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  const running = progress?.running === true;
  return (
    <span class="refresh">
      <button type="button" data-testid="refresh-all" aria-label={t('common_refreshLabel')} title={t('common_refreshTitle')} onClick={() => void startRefresh()}>
        {running ? t('common_refreshing') : t('common_refresh')}
      </button>
      {running && progress && (
        <progress max={progress.total || 1} value={progress.done} aria-label={tn('common_refreshedOf', progress.total, { done: progress.done })} />
      )}
      <span class="sr-only" role="status">
        {running && progress ? tn('common_refreshingOf', progress.total, { done: progress.done }) : ''}
      </span>
    </span>
  );
}
