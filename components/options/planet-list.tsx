/** The OPML lists (Planets) whose feeds Orrery keeps in step with. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/protocol';
import type { Planet } from '../../lib/subscribe/planet-store';
import { t, tn } from '../../lib/i18n/t';
import { relativeTime } from './relative-time';

/** Props of PlanetList: bump `version` to reload. */
export interface PlanetListProps {
  version: number;
}

/** The followed lists, each with "check now" and "stop following". */
export function PlanetList({ version }: PlanetListProps) {
  const [planets, setPlanets] = useState<Planet[]>([]);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void send({ type: 'list-planets' }).then(setPlanets, () => setPlanets([]));
  }, [version, tick]);
  if (planets.length === 0) return null;
  const now = Date.now();
  const act = async (url: string, action: 'sync-planet' | 'forget-planet') => {
    setBusy(url);
    try {
      await send({ type: action, url });
    } finally {
      setBusy(undefined);
      setTick((t) => t + 1);
    }
  };
  return (
    <div class="planets">
      <h3>{t('opml_listsInStep')}</h3>
      <ul>
        {planets.map((p) => (
          <li key={p.url} data-testid="planet">
            <strong>{p.title}</strong> <small class="muted">{p.url}</small>
            <br />
            <span class={p.lastOk === false ? 'error' : 'muted'}>
              {p.lastSyncAt ? t('opml_checkedWhen', { when: relativeTime(p.lastSyncAt, now) }) : ''}
              {p.lastResult ?? ''} {tn('opml_feedsListed', p.feedUrls.length)}
            </span>{' '}
            <button type="button" disabled={busy === p.url} onClick={() => void act(p.url, 'sync-planet')} aria-label={t('opml_checkNowLabel', { title: p.title })}>
              {busy === p.url ? t('opml_checking') : t('opml_checkNow')}
            </button>{' '}
            <button type="button" disabled={busy === p.url} onClick={() => void act(p.url, 'forget-planet')} aria-label={t('opml_stopFollowingLabel', { title: p.title })}>
              {t('opml_stopFollowing')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
