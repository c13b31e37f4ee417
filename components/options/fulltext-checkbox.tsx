/** A subscription's "always load full articles" checkbox: saved at once, new posts' pages fetched and their articles kept. */
import { useEffect, useState } from 'preact/hooks';
import type { StoredFeed } from '../../lib/db/types';
import { send } from '../../lib/messaging/protocol';
import { t } from '../../lib/i18n/t';

/** Props of FulltextCheckbox. */
export interface FulltextCheckboxProps {
  feed: StoredFeed;
}

/** The checkbox, with the reason when saving failed. */
export function FulltextCheckbox({ feed }: FulltextCheckboxProps) {
  const stored = feed.fulltext === true;
  const [on, setOn] = useState(stored);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => setOn(stored), [stored]);
  const change = async (next: boolean) => {
    setOn(next);
    setError(undefined);
    try {
      const r = await send({ type: 'set-feed-fulltext', feedId: feed.id, on: next });
      if (!r.ok) throw new Error(t('options_subscriptionGone'));
    } catch (err) {
      setOn(stored);
      setError(t('options_couldNotSaveWhy', { error: err instanceof Error ? err.message : String(err) }));
    }
  };
  return (
    <div class="fulltext-check">
      <label>
        <input type="checkbox" data-testid="subscription-fulltext" checked={on} onChange={(e) => void change(e.currentTarget.checked)} /> <small>{t('options_alwaysFullArticles')}</small>
      </label>
      {error && (
        <small class="error" role="alert">
          {' '}
          {error}
        </small>
      )}
    </div>
  );
}
