/**
 * A failed read of the local database in the reader's words. The browser's own messages name its
 * API ("A request was aborted, for example through a call to IDBTransaction.abort.") and differ by
 * browser; the two a reader meets are said plainly: a read the browser stopped (the database closed
 * under the page, or the page gave way to an upgrade), and a page older than the database (Orrery
 * was updated while the page stayed open: only reloading it helps). Anything else keeps its message.
 */
import { storageFailure } from '../db/storage-error';
import { t } from '../i18n/t';

export function readErrorText(err: unknown): string {
  const { name, message } = storageFailure(err);
  if (name === 'VersionError') return t('common_readNewerVersion');
  if (name === 'AbortError') return t('common_readAborted');
  return message || name;
}
