/**
 * What the browser sync keeps in storage.local: the switch, the status the options page shows,
 * and this browser's memory of its last merge (never synced itself).
 */
import type { DocEntry } from './browser-sync-doc';
import type { LocalState } from './browser-sync-plan';
import type { SyncStorage } from './sync-store';

/** What the options page shows. */
export interface BrowserSyncStatus {
  enabled: boolean;
  /** Last merge that wrote or found nothing to write. */
  lastMergeAt?: number;
  /** Last successful write to storage.sync. */
  lastWriteAt?: number;
  /** Bytes and items the list takes in storage.sync, and the feeds it carries. */
  bytes?: number;
  items?: number;
  feeds?: number;
  /** What the last merge changed here. */
  applied?: { added: number; removed: number; moved: number; updated: number };
  /** The failure, as the browser or Orrery worded it; the next attempt, if one is planned. */
  error?: { kind: 'quota' | 'rate' | 'too-large' | 'unreadable' | 'storage'; message: string; at: number; retryAt?: number };
}

/** Key of the status in storage.local. */
export const BROWSER_SYNC_STATUS_KEY = 'browserSyncStatus';
/** Key of the switch in storage.local (per browser: the switch itself is not synced). */
export const BROWSER_SYNC_ENABLED_KEY = 'browserSyncEnabled';
/** Key of this browser's memory of its last merge. */
export const LOCAL_STATE_KEY = 'browserSyncLocal';

type StoredLocal = { h: number; e: [string, DocEntry][]; ids: [string, string][] };

/** This browser's memory of its last merge, if any. */
export async function loadLocal(area: SyncStorage): Promise<LocalState | undefined> {
  const v = (await area.get(LOCAL_STATE_KEY))[LOCAL_STATE_KEY] as StoredLocal | undefined;
  if (!v || !Array.isArray(v.e) || !Array.isArray(v.ids)) return undefined;
  return { doc: { h: v.h ?? 0, e: new Map(v.e) }, ids: new Map(v.ids) };
}

/** Keeps this browser's memory of the merge just made. */
export async function saveLocal(area: SyncStorage, s: LocalState): Promise<void> {
  const v: StoredLocal = { h: s.doc.h, e: [...s.doc.e], ids: [...s.ids] };
  await area.set({ [LOCAL_STATE_KEY]: v });
}

/** Whether the switch is on (on unless the reader turned it off). */
export async function browserSyncEnabled(area: SyncStorage): Promise<boolean> {
  return (await area.get(BROWSER_SYNC_ENABLED_KEY))[BROWSER_SYNC_ENABLED_KEY] !== false;
}

/** The stored status. */
export async function loadBrowserSyncStatus(area: SyncStorage): Promise<BrowserSyncStatus> {
  const v = (await area.get(BROWSER_SYNC_STATUS_KEY))[BROWSER_SYNC_STATUS_KEY] as BrowserSyncStatus | undefined;
  const enabled = await browserSyncEnabled(area);
  return v && typeof v === 'object' ? { ...v, enabled } : { enabled };
}

/** The kind of a storage.sync error from its message (Chrome and Firefox name the quota). */
export function storageErrorKind(message: string): 'quota' | 'rate' | 'storage' {
  if (/MAX_WRITE_OPERATIONS/i.test(message)) return 'rate';
  if (/QUOTA|MAX_ITEMS/i.test(message)) return 'quota';
  return 'storage';
}

