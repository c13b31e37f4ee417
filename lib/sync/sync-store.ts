/**
 * The sync account and its status in extension storage (storage.local only: never
 * storage.sync, never logged). The status is what the options page shows and listens to.
 */
import type { SyncAccount } from './greader-client';
import type { SyncFailure } from './describe-sync-error';
import type { SyncCursor, SyncPhase } from './run-sync';

/** Where the account and status are kept (browser.storage.local, or a fake in tests). */
export interface SyncStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The account with what the worker keeps between passes. */
export interface StoredAccount extends SyncAccount {
  auth?: string;
  /** The write token, kept between passes (fetched again when a write is refused). */
  token?: string;
  /** No request before this instant (Retry-After). */
  blockedUntil?: number;
  cursor?: SyncCursor;
  /** Failed passes in a row (backoff). */
  failures?: number;
  /** The alarm's pass waits until then after a failure. */
  nextAttemptAt?: number;
}

/** What the Sync section shows. */
export interface SyncStatus {
  connected: boolean;
  server?: string;
  user?: string;
  lastSyncAt?: number;
  running?: boolean;
  phase?: SyncPhase;
  done?: number;
  total?: number;
  error?: SyncFailure;
  /** Local changes waiting for the service. */
  queued?: number;
  /** The last pass in numbers. */
  last?: { postsAdded: number; added: number; removed: number; pushed: number; refused: number; statesSent: number; statesChanged: number };
}

/** Storage key of the account (credentials). */
export const ACCOUNT_KEY = 'syncAccount';
/** Storage key of the status. */
export const STATUS_KEY = 'syncStatus';

/** The stored account, if connected. */
export async function loadAccount(area: SyncStorage): Promise<StoredAccount | undefined> {
  const v = (await area.get(ACCOUNT_KEY))[ACCOUNT_KEY] as StoredAccount | undefined;
  return v && typeof v.server === 'string' && typeof v.username === 'string' ? v : undefined;
}

/** Saves changes to the stored account. */
export async function saveAccount(area: SyncStorage, account: StoredAccount): Promise<void> {
  await area.set({ [ACCOUNT_KEY]: account });
}

/** The status, or "not connected". */
export async function loadStatus(area: SyncStorage): Promise<SyncStatus> {
  const v = (await area.get(STATUS_KEY))[STATUS_KEY] as SyncStatus | undefined;
  return v && typeof v.connected === 'boolean' ? v : { connected: false };
}

/** Saves the status (the pages hear it through storage.onChanged). */
export async function saveStatus(area: SyncStorage, status: SyncStatus): Promise<void> {
  await area.set({ [STATUS_KEY]: status });
}
