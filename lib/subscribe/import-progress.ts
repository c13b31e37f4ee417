/**
 * Progress of an OPML import, from the worker to the page that started it. A BroadcastChannel
 * (same extension origin) rather than a reply: the reply comes once, at the end.
 */

const CHANNEL = 'orrery-import-progress';

/** How far an import got. */
export interface ImportProgress {
  importId: string;
  done: number;
  total: number;
}

/** Tells open pages how far an import got. */
export function postImportProgress(progress: ImportProgress): void {
  const ch = new BroadcastChannel(CHANNEL);
  ch.postMessage(progress);
  ch.close();
}

/** Calls `listener` with the progress of the import `importId`; returns the unsubscribe. */
export function onImportProgress(importId: string, listener: (p: ImportProgress) => void): () => void {
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent<unknown>) => {
    const p = e.data as Partial<ImportProgress> | null;
    if (p && p.importId === importId && typeof p.done === 'number' && typeof p.total === 'number') listener(p as ImportProgress);
  };
  return () => ch.close();
}
