/** Editing one subscription in place: name, folder, how often it is checked, notifications. */
import { useState } from 'preact/hooks';
import type { StoredFeed } from '../../lib/db/types';
import type { FeedChanges } from '../../lib/db/feeds';
import { send } from '../../lib/messaging/protocol';
import { everyText } from '../../lib/subscribe/feed-report';
import { FOLDER_LIST_ID } from './use-folders';

/** Props of FeedEditor. */
export interface FeedEditorProps {
  feed: StoredFeed;
  /** Whether desktop notifications are on in Settings. */
  notificationsOn: boolean;
  onClose: (saved: boolean) => void;
}

// The choices of "check every"; 15 minutes is the floor (more often is impolite to publishers).
const INTERVALS = [15, 30, 60, 120, 180, 360, 720, 1440, 4320, 10080];

/** The editor form (rendered in a row under the subscription). */
export function FeedEditor({ feed, notificationsOn, onClose }: FeedEditorProps) {
  const [title, setTitle] = useState(feed.title);
  const [folder, setFolder] = useState(feed.folder);
  const [interval, setIntervalChoice] = useState(feed.overrideMinutes !== undefined ? String(feed.overrideMinutes) : '');
  const [notify, setNotify] = useState(feed.notify === true);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const id = `edit-${feed.id}`;
  const auto = feed.intervalMs > 0 ? ` (now ${everyText(feed.intervalMs / 60_000)})` : '';
  const options = INTERVALS.includes(feed.overrideMinutes ?? 15) ? INTERVALS : [...INTERVALS, feed.overrideMinutes ?? 15].sort((a, b) => a - b);

  const save = async (e: Event) => {
    e.preventDefault();
    const changes: FeedChanges = {};
    if (title.trim() && title.trim() !== feed.title) changes.title = title.trim();
    if (folder.trim() !== feed.folder) changes.folder = folder.trim();
    const wanted = interval === '' ? null : Number(interval);
    if (wanted !== (feed.overrideMinutes ?? null)) changes.overrideMinutes = wanted;
    if (notify !== (feed.notify === true)) changes.notify = notify;
    if (!title.trim()) {
      setError('A subscription needs a name.');
      return;
    }
    if (Object.keys(changes).length === 0) return onClose(false);
    setSaving(true);
    try {
      const r = await send({ type: 'update-feed', feedId: feed.id, changes });
      if (r.ok) onClose(true);
      else setError(r.error ?? 'Could not save.');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="feed-editor" onSubmit={(e) => void save(e)} aria-label={`Edit ${feed.title}`} onKeyDown={(e) => e.key === 'Escape' && onClose(false)}>
      <label class="field">
        <span>Name</span>
        <input id={`${id}-title`} type="text" value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} data-testid="edit-title" />
      </label>
      <label class="field">
        <span>Folder</span>
        <input type="text" list={FOLDER_LIST_ID} value={folder} placeholder="No folder" onInput={(e) => setFolder((e.target as HTMLInputElement).value)} data-testid="edit-folder" />
      </label>
      <label class="field">
        <span>Check</span>
        <select value={interval} onChange={(e) => setIntervalChoice((e.target as HTMLSelectElement).value)} data-testid="edit-interval">
          <option value="">automatically, by how often it posts{auto}</option>
          {options.map((m) => (
            <option key={m} value={String(m)}>
              {everyText(m)}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify((e.target as HTMLInputElement).checked)} data-testid="edit-notify" /> Notify me of new posts
        {!notificationsOn && <span class="muted"> (turn notifications on in Settings below)</span>}
      </label>
      <span class="editor-actions">
        <button type="submit" class="primary" disabled={saving}>
          Save
        </button>{' '}
        <button type="button" onClick={() => onClose(false)}>
          Cancel
        </button>
      </span>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
