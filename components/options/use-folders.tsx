/** The folder names in use, for the folder pickers (datalists). */
import { listFeeds } from '../../lib/db/feeds';
import type { Db } from '../../lib/db/open-db';
import { useLiveQuery } from '../use-live-query';

async function folders(db: Db): Promise<string[]> {
  return [...new Set((await listFeeds(db)).map((f) => f.folder).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/** Folder names, sorted, kept current. */
export function useFolders(): string[] {
  // Folders change only by the reader's actions (polls never move a feed).
  return useLiveQuery(folders, [], (change) => change.all).value ?? [];
}

/** The shared <datalist> id the folder inputs point at. */
export const FOLDER_LIST_ID = 'orrery-folders';

/** The datalist of folder names; render once per page. */
export function FolderDatalist({ folders: names }: { folders: string[] }) {
  return (
    <datalist id={FOLDER_LIST_ID}>
      {names.map((f) => (
        <option key={f} value={f} />
      ))}
    </datalist>
  );
}
