/** Every subscription with its health: last fetch, status, next check, 304 share, posts. */
import { listFeeds } from '../../lib/db/feeds';
import type { Db } from '../../lib/db/open-db';
import type { StoredFeed } from '../../lib/db/types';
import { send } from '../../lib/messaging/protocol';
import { describeFetchStatus } from '../../lib/poll/describe-status';
import { relativeAge } from '../../lib/ui/format-time';
import { useLiveQuery } from '../use-live-query';

async function loadList(db: Db) {
  const feeds = await listFeeds(db);
  const tx = db.transaction('posts');
  const index = tx.store.index('byFeed');
  const counts = await Promise.all(feeds.map((f) => index.count(IDBKeyRange.bound([f.id, -Infinity], [f.id, Infinity]))));
  await tx.done;
  return feeds.map((feed, i) => ({ feed, posts: counts[i] ?? 0 }));
}

function statusOf(f: StoredFeed): { label: string; message: string } {
  if (!f.lastStatus) return { label: 'Not fetched yet', message: 'Waiting for its first fetch.' };
  return describeFetchStatus({ kind: f.lastStatus, ...(f.lastHttpStatus !== undefined ? { status: f.lastHttpStatus } : {}) });
}

function when(ms: number | undefined, now: number): string {
  if (ms === undefined) return '—';
  if (!Number.isFinite(ms)) return 'never';
  const age = ms <= now ? relativeAge(ms, now) : relativeAge(now, ms);
  if (age === 'just now') return age;
  return ms <= now ? `${age} ago` : `in ${age}`;
}

/** The subscriptions table. */
export function SubscriptionList() {
  const { value, error } = useLiveQuery(loadList, []);
  const now = Date.now();
  if (error) return <p class="error" role="alert">Could not read subscriptions: {error}</p>;
  if (!value) return <p class="muted">Loading…</p>;
  if (value.length === 0) return <p class="muted">No subscriptions yet.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">Subscriptions</caption>
        <thead>
          <tr>
            <th scope="col">Feed</th>
            <th scope="col">Folder</th>
            <th scope="col">Last fetch</th>
            <th scope="col">Status</th>
            <th scope="col">Next check</th>
            <th scope="col">Not modified</th>
            <th scope="col">Posts</th>
            <th scope="col"><span class="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {value.map(({ feed, posts }) => {
            const s = statusOf(feed);
            const bad = feed.errorCount > 0 || feed.state === 'gone';
            return (
              <tr key={feed.id} data-testid="subscription" data-feed-url={feed.url} class={bad ? 'failing' : undefined}>
                <td>
                  <div>{feed.title}</div>
                  <div class="muted">
                    <small>{feed.url}</small>
                  </div>
                </td>
                <td>{feed.folder || '—'}</td>
                <td>{when(feed.lastFetchAt, now)}</td>
                <td>
                  <span data-testid="subscription-status" class={bad ? 'status-bad' : 'status-ok'} title={feed.lastMessage ?? s.message}>
                    {s.label}
                  </span>
                  {bad && <div class="muted"><small>{feed.lastMessage ?? s.message}</small></div>}
                </td>
                <td title={feed.scheduleReason}>{feed.state === 'active' ? when(feed.nextCheckAt, now) : feed.state}</td>
                <td>{feed.fetchCount ? `${Math.round((100 * feed.notModifiedCount) / feed.fetchCount)}%` : '—'}</td>
                <td>{posts}</td>
                <td class="row-actions">
                  <button type="button" data-testid="unsubscribe" aria-label={`Unsubscribe from ${feed.title}`} onClick={() => void send({ type: 'unsubscribe', feedId: feed.id })}>
                    Unsubscribe
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
