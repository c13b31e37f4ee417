/** The OPML lists (Planets) whose feeds Orrery keeps in step with. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/protocol';
import type { Planet } from '../../lib/subscribe/planet-store';
import { relativeAge } from '../../lib/ui/format-time';

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
      <h3>Lists kept in step</h3>
      <ul>
        {planets.map((p) => (
          <li key={p.url} data-testid="planet">
            <strong>{p.title}</strong> <small class="muted">{p.url}</small>
            <br />
            <span class={p.lastOk === false ? 'error' : 'muted'}>
              {p.lastSyncAt ? `Checked ${relativeAge(p.lastSyncAt, now)}${relativeAge(p.lastSyncAt, now) === 'just now' ? '' : ' ago'}: ` : ''}
              {p.lastResult ?? ''} {p.feedUrls.length} feeds listed.
            </span>{' '}
            <button type="button" disabled={busy === p.url} onClick={() => void act(p.url, 'sync-planet')} aria-label={`Check ${p.title} for changes now`}>
              {busy === p.url ? 'Checking…' : 'Check now'}
            </button>{' '}
            <button type="button" disabled={busy === p.url} onClick={() => void act(p.url, 'forget-planet')} aria-label={`Stop following ${p.title} (keeps its feeds)`}>
              Stop following
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
