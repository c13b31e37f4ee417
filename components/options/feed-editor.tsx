/** Editing one subscription in place: name, folder, how often it is checked, notifications. */
import { useState } from 'preact/hooks';
import type { StoredFeed } from '../../lib/db/types';
import type { FeedChanges } from '../../lib/db/feeds';
import { send } from '../../lib/messaging/protocol';
import { t } from '../../lib/i18n/t';
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
  const autoText = feed.intervalMs > 0 ? t('options_checkAutoNow', { every: everyText(feed.intervalMs / 60_000) }) : t('options_checkAuto');
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
      setError(t('options_nameNeeded'));
      return;
    }
    if (Object.keys(changes).length === 0) return onClose(false);
    setSaving(true);
    try {
      const r = await send({ type: 'update-feed', feedId: feed.id, changes });
      if (r.ok) onClose(true);
      else setError(r.error ?? t('options_couldNotSave'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="feed-editor" onSubmit={(e) => void save(e)} aria-label={t('options_editFeed', { title: feed.title })} onKeyDown={(e) => e.key === 'Escape' && onClose(false)}>
      <label class="field">
        <span>{t('options_name')}</span>
        <input id={`${id}-title`} type="text" value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} data-testid="edit-title" />
      </label>
      <label class="field">
        <span>{t('options_folder')}</span>
        <input type="text" list={FOLDER_LIST_ID} value={folder} placeholder={t('options_noFolder')} onInput={(e) => setFolder((e.target as HTMLInputElement).value)} data-testid="edit-folder" />
      </label>
      <label class="field">
        <span>{t('options_check')}</span>
        <select value={interval} onChange={(e) => setIntervalChoice((e.target as HTMLSelectElement).value)} data-testid="edit-interval">
          <option value="">{autoText}</option>
          {options.map((m) => (
            <option key={m} value={String(m)}>
              {everyText(m)}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify((e.target as HTMLInputElement).checked)} data-testid="edit-notify" /> {t('options_notifyMe')}
        {!notificationsOn && <span class="muted"> {t('options_turnOnNotifications')}</span>}
      </label>
      <span class="editor-actions">
        <button type="submit" class="primary" disabled={saving}>
          {t('options_save')}
        </button>{' '}
        <button type="button" onClick={() => onClose(false)}>
          {t('options_cancel')}
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
